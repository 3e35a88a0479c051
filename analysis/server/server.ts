import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ApiErrorShape, ApiEvent } from '../api/contract.ts';
import { toApiErrorShape } from '../api/errors.ts';
import type { ApiHandler } from '../api/handler.ts';
import { decodeWire, encodeWire } from '../api/wire.ts';
import { isAllowedHost, isAllowedOrigin, SECURITY_HEADERS, tokenMatches } from './security.ts';

export const TOKEN_HEADER = 'x-soiltrace-token';
export const ARROW_MIME = 'application/vnd.apache.arrow.stream';
const MAX_JSON_BYTES = 20 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface ServerOptions {
  handler: ApiHandler;
  /** Built renderer (vite build output). */
  distDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Fixed token for tests; default 32 random bytes. */
  token?: string;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  uploadDir: string;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function statusFor(error: ApiErrorShape): number {
  switch (error.code) {
    case 'bad_params':
    case 'input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'unknown_method':
    case 'not_found':
      return 404;
    case 'no_project':
      return 409;
    default:
      return 500;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = encodeWire(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiErrorShape): void {
  sendJson(res, statusFor(error), { error });
}

const unauthorized: ApiErrorShape = {
  code: 'unauthorized',
  message: { zh: '缺少或错误的会话令牌', en: 'missing or wrong session token' },
};

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A safe file name for an upload: the base name only, no control or path characters. */
export function safeUploadName(raw: string | undefined): string {
  let name = 'upload';
  try {
    name = (
      decodeURIComponent(raw ?? '')
        .split(/[\\/]/)
        .pop() ?? ''
    ).replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
  } catch {
    name = 'upload';
  }
  return name === '' || name === '.' || name === '..' ? 'upload' : name.slice(0, 200);
}

/** The browser-mode server: the built renderer, the API under /api, uploads under /upload. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const distDir = resolve(options.distDir);
  const uploadDir = await mkdtemp(join(tmpdir(), 'soiltrace-upload-'));
  const streams = new Set<ServerResponse>();
  let uploadCount = 0;
  let port = 0;

  const unsubscribe = options.handler.onEvent((event: ApiEvent) => {
    const frame = `data: ${encodeWire(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = resolve(distDir, relative);
    if (file !== distDir && !file.startsWith(distDir + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const hashed = relative.startsWith('assets/');
      res.writeHead(200, {
        'content-type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  }

  async function handleApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let params: unknown;
    try {
      const body = await readBody(req, MAX_JSON_BYTES);
      params = body.length ? decodeWire(body.toString('utf8')) : {};
    } catch {
      sendError(res, {
        code: 'bad_params',
        message: { zh: '请求体不是有效的 JSON', en: 'the request body is not valid JSON' },
      });
      return;
    }
    try {
      const result = await options.handler.call(method, params);
      if (result instanceof Uint8Array) {
        res.writeHead(200, { 'content-type': ARROW_MIME, 'cache-control': 'no-store' });
        res.end(result);
        return;
      }
      sendJson(res, 200, result ?? null);
    } catch (error) {
      sendError(res, toApiErrorShape(error));
    }
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = safeUploadName(req.headers['x-filename'] as string | undefined);
    // Each upload gets its own folder so two files with one name never collide.
    uploadCount += 1;
    const folder = await mkdtemp(join(uploadDir, `${uploadCount}-`));
    const path = join(folder, name);
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('upload too large'));
    });
    try {
      await pipeline(req, createWriteStream(path));
      sendJson(res, 200, { path, name, bytes: size });
    } catch {
      sendError(res, {
        code: 'input',
        message: { zh: '上传失败或文件过大', en: 'the upload failed or the file is too large' },
        location: { file: name },
      });
    }
  }

  function handleEvents(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden host or origin');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const isApi = url.pathname.startsWith('/api/') || url.pathname === '/upload';
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      void serveStatic(url.pathname, res);
      return;
    }
    const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token');
    if (!tokenMatches(given, token)) {
      sendError(res, unauthorized);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      handleEvents(res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    // Only EventSource may use the query token; posts must send the header, which a
    // cross-site form cannot set.
    if (!req.headers[TOKEN_HEADER]) {
      sendError(res, unauthorized);
      return;
    }
    if (url.pathname === '/upload') {
      void handleUpload(req, res);
      return;
    }
    void handleApi(decodeURIComponent(url.pathname.slice('/api/'.length)), req, res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    uploadDir,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
