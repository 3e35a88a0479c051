import type { ConnectedPort } from '../core-process.ts';
import type { ClientPort } from '../port-client.ts';
import type { FromCoreMessage, ToCoreMessage } from '../port-protocol.ts';

// An in-memory MessageChannel for tests: messages are structured-cloned (like a real port, so
// functions or class instances would fail) and delivered asynchronously; each side queues
// until it is started, as MessagePortMain does.

type Listener = (event: { data: unknown }) => void;

function endpoint() {
  const listeners: Listener[] = [];
  const closeListeners: (() => void)[] = [];
  const queued: unknown[] = [];
  let started = false;
  let closed = false;
  const deliver = (data: unknown) => {
    if (closed) return;
    if (!started) {
      queued.push(data);
      return;
    }
    setImmediate(() => {
      for (const listener of listeners) listener({ data });
    });
  };
  const start = () => {
    started = true;
    for (const data of queued.splice(0)) deliver(data);
  };
  return { listeners, closeListeners, deliver, start, close: () => (closed = true), isClosed: () => closed };
}

export interface FakeChannel {
  /** The core's end (what utility.ts gets from a MessagePortMain). */
  core: ConnectedPort & { sent: FromCoreMessage[] };
  /** The caller's end (what the preload gets as a DOM MessagePort). */
  client: ClientPort & { sent: ToCoreMessage[] };
  /** Simulates the renderer going away: the core end sees 'close'. */
  disconnect(): void;
}

export function createFakeChannel(): FakeChannel {
  const coreEnd = endpoint();
  const clientEnd = endpoint();
  const coreSent: FromCoreMessage[] = [];
  const clientSent: ToCoreMessage[] = [];
  return {
    core: {
      sent: coreSent,
      on: (_event, listener) => coreEnd.listeners.push(listener),
      postMessage: (message) => {
        coreSent.push(message);
        clientEnd.deliver(structuredClone(message));
      },
      start: coreEnd.start,
      onClose: (listener) => coreEnd.closeListeners.push(listener),
    },
    client: {
      sent: clientSent,
      postMessage: (message) => {
        clientSent.push(message);
        coreEnd.deliver(structuredClone(message));
      },
      addEventListener: (_type, listener) => clientEnd.listeners.push(listener),
      start: clientEnd.start,
      close: () => {
        clientEnd.close();
        for (const listener of coreEnd.closeListeners) listener();
      },
    },
    disconnect() {
      clientEnd.close();
      for (const listener of coreEnd.closeListeners) listener();
    },
  };
}
