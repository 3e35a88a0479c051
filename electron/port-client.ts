import type { ApiErrorShape, ApiEvent, ApiResponse } from '../analysis/api/contract.ts';
import { isFromCoreMessage, type ToCoreMessage } from './port-protocol.ts';

// The calling side of a port to the core: ids on requests, responses matched to them, events
// fanned out. Used by the preload (bridge) and by main (menu actions). Messages sent before a
// port is attached wait in order, so a grant always precedes the request that needs it.

/** A DOM MessagePort, or an adapter over a UtilityProcess for main. */
export interface ClientPort {
  postMessage(message: ToCoreMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

export interface PortClient {
  call(method: string, params: unknown): Promise<ApiResponse>;
  /** Grants a user-chosen path; resolves once the core has recorded it. */
  grant(path: string): Promise<void>;
  /** Grants without waiting (ordering on the port still puts it before later calls). */
  grantInOrder(path: string): void;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Connects, or after a restart reconnects; calls left on the old port fail. */
  attachPort(port: ClientPort): void;
  /** Fails every call still waiting (e.g. the core process exited). */
  failPending(error: ApiErrorShape): void;
}

export function coreRestartedError(): ApiErrorShape {
  return {
    code: 'internal',
    message: { zh: '计算进程已重启，请重试', en: 'the core process restarted; please try again' },
  };
}

export function createPortClient(): PortClient {
  let port: ClientPort | null = null;
  let nextId = 1;
  const queue: ToCoreMessage[] = [];
  const pending = new Map<number, { resolve: (response: ApiResponse) => void; sentOn: ClientPort | null }>();
  const listeners = new Set<(event: ApiEvent) => void>();

  function post(message: ToCoreMessage): void {
    if (!port) {
      queue.push(message);
      return;
    }
    const entry = message.id === undefined ? undefined : pending.get(message.id);
    if (entry) entry.sentOn = port;
    port.postMessage(message);
  }

  function request(message: ToCoreMessage & { id: number }): Promise<ApiResponse> {
    return new Promise((resolve) => {
      pending.set(message.id, { resolve, sentOn: null });
      try {
        post(message);
      } catch (error) {
        // e.g. a DataCloneError for params that cannot cross a process boundary
        pending.delete(message.id);
        const text = error instanceof Error ? error.message : String(error);
        resolve({
          ok: false,
          error: {
            code: 'bad_params',
            message: { zh: `参数无法发送：${text}`, en: `params cannot be sent: ${text}` },
          },
        });
      }
    });
  }

  function onMessage({ data }: { data: unknown }): void {
    if (!isFromCoreMessage(data)) return;
    if (data.kind === 'response') {
      const entry = pending.get(data.id);
      if (!entry) return;
      pending.delete(data.id);
      entry.resolve(data.response);
      return;
    }
    for (const listener of listeners) {
      try {
        listener(data.event);
      } catch (error) {
        console.error('soiltrace: event listener failed', error);
      }
    }
  }

  return {
    call: (method, params) => request({ kind: 'request', id: nextId++, method, params }),
    async grant(path) {
      const response = await request({ kind: 'grant', id: nextId++, path });
      if (!response.ok) throw new Error(response.error.message.en);
    },
    grantInOrder(path) {
      post({ kind: 'grant', path });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    attachPort(next) {
      const previous = port;
      port = next;
      if (previous) {
        for (const [id, entry] of pending) {
          if (entry.sentOn === previous) {
            pending.delete(id);
            entry.resolve({ ok: false, error: coreRestartedError() });
          }
        }
        previous.close();
      }
      next.addEventListener('message', onMessage);
      next.start();
      for (const message of queue.splice(0)) post(message);
    },
    failPending(error) {
      for (const [id, entry] of pending) {
        pending.delete(id);
        entry.resolve({ ok: false, error });
      }
    },
  };
}
