import { readFileSync } from 'node:fs';

/** SoilTrace's version (package.json), recorded with every import and analysis result. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
