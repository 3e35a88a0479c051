import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import type { ApiHandler } from '../api/handler.ts';
import { decodeWire } from '../api/wire.ts';
import { type RunningServer, safeUploadName, startServer } from './server.ts';

const emitters: ((event: ApiEvent) => void)[] = [];

// A handler double: the server's job is transport and security, tested here apart from the store.
function fakeHandler(): ApiHandler {
  const listeners = new Set<(event: ApiEvent) => void>();
  emitters.push((event) => {
    for (const listener of listeners) listener(event);
  });
  return {
    async call(method, params) {
      if (method === 'app.info') return { version: '9.9.9', transport: 'direct' };
      if (method === 'query.run')
        return tableToIPC(tableFromArrays({ x: Float64Array.from([1.5, 2.5]) }), 'stream');
      if (method === 'project.open') {
        throw new ApiError(
          'bad_params',
          { zh: '参数 path 无效', en: 'invalid parameter path' },
          { column: 'path' },
        );
      }
      return { echo: params };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
  };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  let server: RunningServer;
  let dist: string;
  const token = 'test-token-0123456789';

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'soiltrace-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>SoilTrace</title>');
    server = await startServer({ handler: fakeHandler(), distDir: dist, token });
  });
  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  const host = () => `127.0.0.1:${server.port}`;

  it('prints a loopback URL carrying the token; the default token is 32 random bytes', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    const other = await startServer({ handler: fakeHandler(), distDir: dist });
    // base64url of 32 bytes is 43 characters.
    expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await other.close();
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    const none = await raw(server.port, { path: '/api/app.info', method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect((decodeWire(none.body.toString()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await raw(server.port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { 'x-soiltrace-token': 'test-token-0123456788' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    // A query token is accepted only for the event stream, not for posts (a form cannot set headers).
    const query = await raw(server.port, {
      path: `/api/app.info?token=${token}`,
      method: 'POST',
      body: '{}',
    });
    expect(query.status).toBe(401);
    const ok = await raw(server.port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { 'x-soiltrace-token': token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.toString())).toEqual({ version: '9.9.9', transport: 'direct' });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (403)', async () => {
    const rebound = await raw(server.port, { path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(403);
    const wrongPort = await raw(server.port, { path: '/', headers: { host: '127.0.0.1:1' } });
    expect(wrongPort.status).toBe(403);
    const cross = await raw(server.port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { 'x-soiltrace-token': token, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const local = await raw(server.port, { path: '/', headers: { host: `localhost:${server.port}` } });
    expect(local.status).toBe(200);
  });

  it('sends a strict CSP without unsafe-eval, nosniff, and no CORS headers', async () => {
    const page = await raw(server.port, { path: '/', headers: { host: host() } });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.body.toString()).toContain('<title>SoilTrace</title>');
  });

  it('does not serve files outside the build folder', async () => {
    const traversal = await raw(server.port, { path: '/..%2f..%2fetc%2fpasswd' });
    expect(traversal.status).toBe(404);
  });

  it('maps an ApiError to its HTTP status and bilingual body', async () => {
    const res = await raw(server.port, {
      path: '/api/project.open',
      method: 'POST',
      headers: { 'x-soiltrace-token': token },
      body: JSON.stringify({ path: 3 }),
    });
    expect(res.status).toBe(400);
    const { error } = decodeWire(res.body.toString()) as { error: { code: string; message: { zh: string } } };
    expect(error.code).toBe('bad_params');
    expect(error.message.zh).toContain('path');
    const notJson = await raw(server.port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { 'x-soiltrace-token': token },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('returns binary results as a raw Arrow IPC body', async () => {
    const res = await raw(server.port, {
      path: '/api/query.run',
      method: 'POST',
      headers: { 'x-soiltrace-token': token },
      body: '{"sql":"select 1"}',
    });
    expect(res.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    const { tableFromIPC } = await import('apache-arrow');
    expect(Array.from(tableFromIPC(res.body).getChild('x')?.toArray() ?? [])).toEqual([1.5, 2.5]);
  });

  it('streams events over SSE to a client holding the token, and refuses one without', async () => {
    const refused = await raw(server.port, { path: '/api/events' });
    expect(refused.status).toBe(401);
    const frame = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${token}` },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            const at = text.indexOf('data:');
            if (at >= 0 && text.includes('\n\n', at)) {
              req.destroy();
              resolve(text);
            }
          });
          // The stream is open: emit one event through the handler.
          setTimeout(
            () => emitters[0]({ type: 'job.progress', data: { jobId: 'j1', kind: 'import', progress: 0.5 } }),
            50,
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    const data = frame.slice(frame.indexOf('data: ') + 6, frame.indexOf('\n\n', frame.indexOf('data: ')));
    expect(decodeWire(data)).toEqual({
      type: 'job.progress',
      data: { jobId: 'j1', kind: 'import', progress: 0.5 },
    });
  });

  it('stores an upload under its base name in the session temp folder', async () => {
    const res = await raw(server.port, {
      path: '/upload',
      method: 'POST',
      headers: { 'x-soiltrace-token': token, 'x-filename': encodeURIComponent('../../土壤.csv') },
      body: 'id,Cd\nA,0.3\n',
    });
    expect(res.status).toBe(200);
    const { path, name, bytes } = JSON.parse(res.body.toString()) as {
      path: string;
      name: string;
      bytes: number;
    };
    expect(name).toBe('土壤.csv');
    expect(bytes).toBe(12);
    expect(path.startsWith(server.uploadDir)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('id,Cd\nA,0.3\n');
    expect(safeUploadName('a/b\\c:d')).toBe('c_d');
    expect(safeUploadName('..')).toBe('upload');
  });
});
