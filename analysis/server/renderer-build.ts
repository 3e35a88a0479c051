import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Browser mode serves the built renderer (dist/). A fresh clone has no dist/, and a developer's
// may be older than the sources: both are rebuilt before serving.

export const repoRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const distDir = join(repoRoot, 'dist');

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the renderer must be (re)built, or null when dist/ is current. */
export function rendererBuildReason(root = repoRoot): 'missing' | 'stale' | null {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return 'missing';
  const built = statSync(index).mtimeMs;
  // The renderer imports the contract and domain tables from analysis/ as well.
  const sources = [
    'renderer',
    'vite.config.ts',
    'analysis/api/contract.ts',
    'analysis/api/wire.ts',
    'analysis/domain',
  ]
    .map((p) => join(root, p))
    .filter((p) => existsSync(p));
  return sources.some((p) => newestMtime(p) > built) ? 'stale' : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `vite build` through Vite's API (no shell). Builds empty dist/ first, so two processes
 * (a server and a test run) must not build at once: a lock directory serialises them, and the
 * second one rebuilds only if dist/ is still out of date when it gets the lock.
 */
export async function buildRenderer(root = repoRoot): Promise<void> {
  const lock = join(
    tmpdir(),
    `soiltrace-vite-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`,
  );
  const lockAge = () => {
    try {
      return Date.now() - statSync(lock).mtimeMs;
    } catch {
      return 0;
    }
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the deadline is left over from a killed build.
      if (Date.now() > deadline || lockAge() > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (rendererBuildReason(root) === null) return;
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
