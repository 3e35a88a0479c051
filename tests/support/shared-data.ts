import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Third-party reference data stays in ../shared (DEVELOPERS.md): tests read it in place and
// are skipped, with this reason, where it is absent.
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = process.env.SOILTRACE_SHARED ?? resolve(repoRoot, '../shared');
export const hasShared = existsSync(resolve(sharedDir, 'data'));
export const sharedSkipReason = `reference data not found at ${sharedDir} (../shared is absent)`;

export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}
