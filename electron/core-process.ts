import { createPathGrants, type PathGrants } from './path-grants.ts';
import { type CorePort, controlMessage, type FromCoreMessage } from './port-protocol.ts';
import type { CoreHandler } from './serve-requests-on-port.ts';
import { serveRequestsOnPort } from './serve-requests-on-port.ts';

// The utility process's side: the API handler (DuckDB, jobs) serves main on parentPort and
// each renderer on its own MessagePort, handed over by main in a `connect` message.

/** A MessagePortMain, adapted. */
export interface ConnectedPort extends CorePort {
  start(): void;
  onClose(listener: () => void): void;
}

/** process.parentPort, adapted: messages with the ports they carry. */
export interface ParentLike {
  onMessage(listener: (data: unknown, ports: readonly ConnectedPort[]) => void): void;
  postMessage(message: FromCoreMessage): void;
}

export interface CoreProcessOptions {
  handler: CoreHandler & { close(): Promise<void> };
  exit(code: number): void;
  grants?: PathGrants;
  log?: (text: string) => void;
}

export function startCoreProcess(parent: ParentLike, options: CoreProcessOptions): { grants: PathGrants } {
  const grants = options.grants ?? createPathGrants();
  const log = options.log ?? ((text: string) => console.error(text));
  const mainListeners: ((event: { data: unknown }) => void)[] = [];
  const mainPort: CorePort = {
    on: (_event, listener) => mainListeners.push(listener),
    postMessage: (message) => parent.postMessage(message),
  };
  serveRequestsOnPort(mainPort, options.handler, {
    grants,
    forwardEvents: true,
    onMalformed: () => log('soiltrace core: dropped a malformed message from main'),
  });

  let shuttingDown = false;
  parent.onMessage((data, ports) => {
    const control = controlMessage.safeParse(data);
    if (!control.success) {
      for (const listener of mainListeners) listener({ data });
      return;
    }
    if (control.data.kind === 'connect') {
      const [port] = ports;
      if (!port) {
        log('soiltrace core: connect without a port');
        return;
      }
      serveRequestsOnPort(port, options.handler, {
        grants,
        forwardEvents: true,
        onClose: port.onClose,
        onMalformed: () => log('soiltrace core: dropped a malformed message from the renderer'),
      });
      port.start();
      return;
    }
    if (shuttingDown) return;
    shuttingDown = true;
    options.handler.close().then(
      () => options.exit(0),
      (error: unknown) => {
        log(`soiltrace core: closing failed: ${error instanceof Error ? error.message : String(error)}`);
        options.exit(1);
      },
    );
  });
  return { grants };
}
