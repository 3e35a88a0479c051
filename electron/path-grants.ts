import nodePath from 'node:path';

// File paths reach the core only when the user chose them: in a native dialog shown by main,
// in a file input or a drop (webUtils.getPathForFile in the preload), or earlier (recent
// projects). A path the page made up is refused, so a compromised renderer cannot make the
// core open or overwrite arbitrary files.

export interface PathGrants {
  grant(path: string): void;
  isGranted(path: string): boolean;
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'isAbsolute'>;

export function createPathGrants(pathApi: PathApi = nodePath): PathGrants {
  const granted = new Set<string>();
  return {
    grant(path) {
      if (!pathApi.isAbsolute(path) || path.includes('\0')) {
        throw new Error(`only absolute paths can be granted: ${JSON.stringify(path)}`);
      }
      granted.add(pathApi.resolve(path));
    },
    isGranted: (path) =>
      pathApi.isAbsolute(path) && !path.includes('\0') && granted.has(pathApi.resolve(path)),
  };
}

const PATH_KEY = /^(path|.+Path)$/;

/**
 * Every string parameter named `path` or `…Path` at any depth (the contract's convention for
 * file paths: project.open, import.preview, import.commit …) that is not granted.
 */
export function ungrantedPaths(params: unknown, grants: PathGrants, depth = 0): string[] {
  if (depth > 8 || typeof params !== 'object' || params === null || ArrayBuffer.isView(params)) return [];
  const entries = Array.isArray(params)
    ? params.map((value) => ['', value] as const)
    : Object.entries(params);
  const refused: string[] = [];
  for (const [key, value] of entries) {
    if (typeof value === 'string' && PATH_KEY.test(key)) {
      if (!grants.isGranted(value)) refused.push(value);
    } else {
      refused.push(...ungrantedPaths(value, grants, depth + 1));
    }
  }
  return refused;
}
