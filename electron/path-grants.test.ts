import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPathGrants, ungrantedPaths } from './path-grants.ts';

describe('createPathGrants', () => {
  it('recognises a granted path in any spelling that resolves to it', () => {
    const grants = createPathGrants();
    grants.grant('/data/projects/徐州.duckdb');
    expect(grants.isGranted('/data/projects/徐州.duckdb')).toBe(true);
    expect(grants.isGranted('/data/projects/../projects/./徐州.duckdb')).toBe(true);
    expect(grants.isGranted('/data/projects/other.duckdb')).toBe(false);
    expect(grants.isGranted('projects/徐州.duckdb')).toBe(false);
    expect(grants.isGranted('/data/projects/徐州.duckdb\0')).toBe(false);
  });

  it('grants absolute paths only', () => {
    const grants = createPathGrants();
    expect(() => grants.grant('relative.csv')).toThrow(/absolute/);
    const win = createPathGrants(nodePath.win32);
    win.grant('C:\\Users\\李\\samples.csv');
    expect(win.isGranted('C:\\Users\\李\\samples.csv')).toBe(true);
    expect(win.isGranted('C:\\Users\\李\\..\\李\\samples.csv')).toBe(true);
  });
});

describe('ungrantedPaths', () => {
  it('finds path and …Path parameters at any depth that were not granted', () => {
    const grants = createPathGrants();
    grants.grant('/data/samples.csv');
    expect(ungrantedPaths({ path: '/data/samples.csv', kind: 'soil_samples' }, grants)).toEqual([]);
    expect(ungrantedPaths({ path: '/etc/passwd' }, grants)).toEqual(['/etc/passwd']);
    expect(
      ungrantedPaths(
        { kind: 'pmf', params: { outputPath: '/tmp/x', files: [{ path: '/data/samples.csv' }] } },
        grants,
      ),
    ).toEqual(['/tmp/x']);
    // Not paths: other keys, non-strings, bytes.
    expect(ungrantedPaths({ name: '/etc/passwd', path: 12, data: new Uint8Array(4) }, grants)).toEqual([]);
    expect(ungrantedPaths(undefined, grants)).toEqual([]);
  });
});
