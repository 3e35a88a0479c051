import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-origin.ts';
import { contentTypeFor, privilegedSchemes, resolveAppFile, serveAppRequest } from './app-protocol.ts';
import { contentSecurityPolicy } from './security.ts';

describe('privilegedSchemes', () => {
  it('registers soiltrace as a standard, secure scheme that does not bypass the CSP', () => {
    const [scheme] = privilegedSchemes();
    expect(scheme.scheme).toBe('soiltrace');
    expect(scheme.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme.privileges?.bypassCSP).toBeUndefined();
    expect(scheme.privileges?.allowServiceWorkers).toBeUndefined();
  });
});

describe('resolveAppFile', () => {
  const root = '/opt/soiltrace/dist';

  it('maps app URLs to files under the root, / to index.html', () => {
    expect(resolveAppFile('soiltrace://app/', root)).toBe('/opt/soiltrace/dist/index.html');
    expect(resolveAppFile(APP_ENTRY_URL, root)).toBe('/opt/soiltrace/dist/index.html');
    expect(resolveAppFile('soiltrace://app/assets/index-abc.js?v=1#x', root)).toBe(
      '/opt/soiltrace/dist/assets/index-abc.js',
    );
    expect(resolveAppFile('soiltrace://app/fonts/%E5%AD%97.woff2', root)).toBe(
      '/opt/soiltrace/dist/fonts/字.woff2',
    );
  });

  it('refuses every way out of the root', () => {
    const attempts = [
      'soiltrace://app/..%2f..%2fetc%2fpasswd',
      'soiltrace://app/assets/..%2F..%2F..%2Fsecret',
      'soiltrace://app/%2e%2e%2fsecret',
      'soiltrace://app/a%5c..%5c..%5csecret',
      'soiltrace://app//etc/passwd',
      'soiltrace://app/%2Fetc%2Fpasswd',
      'soiltrace://app/C:/Windows/win.ini',
      'soiltrace://app/index.html%00.png',
      'soiltrace://app/%E0%A4%A',
    ];
    for (const url of attempts) expect(resolveAppFile(url, root), url).toBeNull();
  });

  it('normalises plain ../ segments inside the URL, so they stay under the root', () => {
    // The URL parser resolves literal dot segments before we see the path.
    expect(resolveAppFile('soiltrace://app/../../etc/passwd', root)).toBe('/opt/soiltrace/dist/etc/passwd');
  });

  it('refuses other origins and schemes', () => {
    for (const url of [
      'soiltrace://other/index.html',
      'soiltrace://user@app/index.html',
      'file:///opt/soiltrace/dist/index.html',
      'https://app/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull();
    }
  });

  it('holds on Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\SoilTrace\\resources\\app.asar\\dist';
    expect(resolveAppFile('soiltrace://app/assets/a.js', winRoot, nodePath.win32)).toBe(
      `${winRoot}\\assets\\a.js`,
    );
    expect(resolveAppFile('soiltrace://app/..%5c..%5cwin.ini', winRoot, nodePath.win32)).toBeNull();
    expect(resolveAppFile('soiltrace://app/D:%5cdata', winRoot, nodePath.win32)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  let base: string;
  let rootDir: string;
  const source = () => ({ rootDir, readFile: (path: string) => readFile(path) });

  beforeAll(async () => {
    base = await mkdtemp(nodePath.join(tmpdir(), 'soiltrace-protocol-'));
    rootDir = nodePath.join(base, 'dist');
    await mkdir(nodePath.join(rootDir, 'assets'), { recursive: true });
    await writeFile(nodePath.join(rootDir, 'index.html'), '<!doctype html><title>SoilTrace</title>');
    await writeFile(nodePath.join(rootDir, 'assets', 'app.js'), 'console.log(1);');
    await writeFile(nodePath.join(base, 'secret.txt'), 'TOP SECRET');
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves files with their type and the CSP on every response', async () => {
    const response = await serveAppRequest({ url: 'soiltrace://app/assets/app.js', method: 'GET' }, source());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('never serves a file outside the root', async () => {
    const response = await serveAppRequest(
      { url: 'soiltrace://app/..%2fsecret.txt', method: 'GET' },
      source(),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('falls back to index.html for client routes, 404 for missing files, 405 for POST', async () => {
    const route = await serveAppRequest({ url: 'soiltrace://app/data', method: 'GET' }, source());
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await route.text()).toContain('<title>SoilTrace</title>');
    const missing = await serveAppRequest(
      { url: 'soiltrace://app/assets/missing.js', method: 'GET' },
      source(),
    );
    expect(missing.status).toBe(404);
    const post = await serveAppRequest({ url: 'soiltrace://app/index.html', method: 'POST' }, source());
    expect(post.status).toBe(405);
  });

  it('names content types by extension', () => {
    expect(contentTypeFor('a/b.WASM')).toBe('application/wasm');
    expect(contentTypeFor('a/b.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/b.unknown')).toBe('application/octet-stream');
  });
});
