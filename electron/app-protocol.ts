import nodePath from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-origin.ts';
import { securityHeaders } from './security.ts';

/**
 * Registered before app 'ready'. standard + secure give the scheme a real origin and a secure
 * context. corsEnabled because Vite emits `<script type="module" crossorigin>`, a CORS-mode
 * load; nothing cross-origin can exist here to abuse it (no other origin is ever loaded:
 * navigation, frames and network are refused). Never bypassCSP, no service workers.
 */
export function privilegedSchemes(): CustomScheme[] {
  return [
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ];
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute'>;

/**
 * The file under rootDir that an app URL names, or null when the URL leaves the app origin
 * or tries to leave rootDir: `..` (also percent-encoded), backslashes, drive letters, empty
 * segments (`//etc/passwd`) and NUL bytes are refused outright; the resolved path is then
 * checked to lie inside rootDir.
 */
export function resolveAppFile(url: string, rootDir: string, pathApi: PathApi = nodePath): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = new URL(url).pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/')) return null;
  const withIndex = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const segments = withIndex.slice(1).split('/');
  const unsafe = (segment: string) =>
    segment === '' || segment === '.' || segment === '..' || /[\\:\0]/.test(segment);
  if (segments.some(unsafe)) return null;
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, file);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppFileSource {
  rootDir: string;
  readFile(path: string): Promise<Uint8Array>;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() },
  });
}

/**
 * The protocol.handle handler: GET/HEAD only; a missing extensionless path falls back to
 * index.html (client-side routes), any other missing file is a 404.
 */
export async function serveAppRequest(
  request: { url: string; method: string },
  source: AppFileSource,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveAppFile(request.url, source.rootDir);
  if (file === null) return textResponse(403, 'Forbidden');
  const read = async (path: string) => {
    try {
      return await source.readFile(path);
    } catch {
      return null;
    }
  };
  let served = file;
  let body = await read(file);
  if (body === null && nodePath.extname(file) === '') {
    served = nodePath.join(nodePath.resolve(source.rootDir), 'index.html');
    body = await read(served);
  }
  if (body === null) return textResponse(404, 'Not found');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { 'Content-Type': contentTypeFor(served), ...securityHeaders() },
  });
}
