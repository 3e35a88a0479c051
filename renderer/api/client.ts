import type {
  ApiErrorShape,
  ApiEvent,
  ApiMethodName,
  ApiParams,
  ApiResult,
} from '../../analysis/api/contract.ts';
import { decodeWire, encodeWire } from '../../analysis/api/wire.ts';
import type { SoilTraceBridge } from './bridge-types.ts';

// The renderer's only door to the core. Two transports behind one interface: the Electron
// preload bridge (window.soiltrace) and the loopback HTTP server of browser mode.

export interface ApiClient {
  readonly transport: 'http' | 'electron';
  call<M extends ApiMethodName>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Makes a user-chosen file readable by the core and returns its path (upload or local path). */
  stageFile(file: File): Promise<string>;
  /** Saves bytes as a file: native dialog in Electron, a download in the browser. */
  saveFile(name: string, data: Uint8Array, mime: string): Promise<boolean>;
}

/** A failed call, with the core's code and text in both languages. */
export class ApiCallError extends Error {
  readonly shape: ApiErrorShape;
  constructor(shape: ApiErrorShape) {
    super(shape.message.en);
    this.name = 'ApiCallError';
    this.shape = shape;
  }
}

export const TOKEN_HEADER = 'x-soiltrace-token';
export const ARROW_MIME = 'application/vnd.apache.arrow.stream';

function extensionFilter(name: string): { name: string; extensions: string[] }[] {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [];
}

export function createBridgeClient(bridge: SoilTraceBridge): ApiClient {
  return {
    transport: 'electron',
    async call(method, params) {
      const response = await bridge.invoke(method, params);
      if (!response.ok) throw new ApiCallError(response.error);
      return response.result as never;
    },
    onEvent: (listener) => bridge.onEvent(listener),
    stageFile: async (file) => bridge.pathForFile(file),
    async saveFile(name, data) {
      const result = await bridge.saveFile({ suggestedName: name, data, filters: extensionFilter(name) });
      return result.saved;
    },
  };
}

export interface HttpClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** EventSource constructor (absent in Node tests: events are then not delivered). */
  eventSource?: typeof EventSource;
}

async function readError(response: Response): Promise<ApiErrorShape> {
  try {
    const body = decodeWire(await response.text()) as { error?: ApiErrorShape };
    if (body.error) return body.error;
  } catch {
    // fall through to the generic text
  }
  return {
    code: response.status === 401 ? 'unauthorized' : 'internal',
    message: { zh: `服务器错误（HTTP ${response.status}）`, en: `server error (HTTP ${response.status})` },
  };
}

export function createHttpClient(options: HttpClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;

  function ensureEvents(): void {
    if (source || !options.eventSource) return;
    source = new options.eventSource(
      `${options.baseUrl}/api/events?token=${encodeURIComponent(options.token)}`,
    );
    source.onmessage = (message: MessageEvent<string>) => {
      const event = decodeWire(message.data) as ApiEvent;
      for (const listener of listeners) listener(event);
    };
  }

  return {
    transport: 'http',
    async call(method, params) {
      const response = await doFetch(`${options.baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: encodeWire(params ?? {}),
      });
      if (!response.ok) throw new ApiCallError(await readError(response));
      if ((response.headers.get('content-type') ?? '').startsWith(ARROW_MIME)) {
        return new Uint8Array(await response.arrayBuffer()) as never;
      }
      return decodeWire(await response.text()) as never;
    },
    onEvent(listener) {
      listeners.add(listener);
      ensureEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    async stageFile(file) {
      const response = await doFetch(`${options.baseUrl}/upload`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-filename': encodeURIComponent(file.name),
          [TOKEN_HEADER]: options.token,
        },
        body: file,
      });
      if (!response.ok) throw new ApiCallError(await readError(response));
      return ((await response.json()) as { path: string }).path;
    },
    async saveFile(name, data, mime) {
      const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: mime }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
  };
}

/**
 * Chooses the transport at start-up: the preload bridge if present, else browser mode with the
 * session token from the URL (?token=…), kept in sessionStorage so a reload still works.
 */
export function createApiClient(win: Window = window): ApiClient {
  if (win.soiltrace) return createBridgeClient(win.soiltrace);
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) win.sessionStorage.setItem('soiltrace.token', fromUrl);
  const token = fromUrl ?? win.sessionStorage.getItem('soiltrace.token') ?? '';
  return createHttpClient({ baseUrl: url.origin, token, eventSource: globalThis.EventSource });
}
