import type { ApiErrorShape, ApiEvent, ApiResponse } from '../analysis/api/contract.ts';
import { toApiErrorShape } from '../analysis/api/errors.ts';
import type { PathGrants } from './path-grants.ts';
import { ungrantedPaths } from './path-grants.ts';
import { type CorePort, toCoreMessage } from './port-protocol.ts';

/** The part of analysis/api/handler.ts's ApiHandler a port needs. */
export interface CoreHandler {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

export interface ServeOptions {
  grants: PathGrants;
  /** Forward the core's events (job progress, project changes) on this port. */
  forwardEvents?: boolean;
  /** Lets the server unsubscribe from events when the port closes (MessagePortMain 'close'). */
  onClose?: (listener: () => void) => void;
  /** Called with messages that are not requests or grants (dropped otherwise). */
  onMalformed?: (data: unknown) => void;
}

function refusedPathError(path: string): ApiErrorShape {
  return {
    code: 'bad_params',
    message: {
      zh: `路径 “${path}” 不是在文件对话框中选择的，已拒绝`,
      en: `path "${path}" was not chosen in a file dialog; refused`,
    },
    location: { column: 'path', value: path },
  };
}

/**
 * Serves API calls arriving on one port: each request gets exactly one response with its id
 * (errors as data, ApiResponse), so the caller never waits forever. Params are validated by the
 * handler's zod schemas; path parameters must have been granted first.
 */
export function serveRequestsOnPort(port: CorePort, handler: CoreHandler, options: ServeOptions): () => void {
  const respond = (id: number, response: ApiResponse) => port.postMessage({ kind: 'response', id, response });

  const onMessage = async ({ data }: { data: unknown }) => {
    const parsed = toCoreMessage.safeParse(data);
    if (!parsed.success) {
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) {
        respond(id, {
          ok: false,
          error: {
            code: 'bad_params',
            message: { zh: '无效的请求消息', en: 'malformed request message' },
          },
        });
      }
      options.onMalformed?.(data);
      return;
    }
    const message = parsed.data;
    if (message.kind === 'grant') {
      try {
        options.grants.grant(message.path);
        if (message.id !== undefined) respond(message.id, { ok: true, result: null });
      } catch (error) {
        if (message.id !== undefined) respond(message.id, { ok: false, error: toApiErrorShape(error) });
      }
      return;
    }
    const refused = ungrantedPaths(message.params, options.grants);
    if (refused.length > 0) {
      respond(message.id, { ok: false, error: refusedPathError(refused[0]) });
      return;
    }
    try {
      respond(message.id, { ok: true, result: await handler.call(message.method, message.params) });
    } catch (error) {
      respond(message.id, { ok: false, error: toApiErrorShape(error) });
    }
  };

  port.on('message', (event) => {
    void onMessage(event);
  });
  const unsubscribe = options.forwardEvents
    ? handler.onEvent((event) => port.postMessage({ kind: 'event', event }))
    : () => undefined;
  options.onClose?.(unsubscribe);
  return unsubscribe;
}
