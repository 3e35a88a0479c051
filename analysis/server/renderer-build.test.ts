import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererBuildReason } from './renderer-build.ts';

describe('rendererBuildReason', () => {
  const root = mkdtempSync(join(tmpdir(), 'soiltrace-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('asks for a build when dist/ is missing, not when it is newer than every source, again when a source changes', () => {
    mkdirSync(join(root, 'renderer', 'pages'), { recursive: true });
    const page = join(root, 'renderer', 'pages', 'page.tsx');
    writeFileSync(page, 'export {}');
    at(page, 1_000);
    at(join(root, 'renderer', 'pages'), 1_000);
    at(join(root, 'renderer'), 1_000);
    expect(rendererBuildReason(root)).toBe('missing');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
    at(join(root, 'dist', 'index.html'), 2_000);
    expect(rendererBuildReason(root)).toBeNull();
    at(page, 3_000);
    expect(rendererBuildReason(root)).toBe('stale');
  });
});
