import type { MessagePortMain } from 'electron';
import { createApiHandler } from '../analysis/api/handler.ts';
import { type ConnectedPort, startCoreProcess } from './core-process.ts';

// Entry of the utility process (utilityProcess.fork): DuckDB and the jobs live here, off the
// main process, so a long query never freezes menus and a crash never takes the window down.

const parentPort = process.parentPort;

function adapt(port: MessagePortMain): ConnectedPort {
  return {
    on: (_event, listener) => port.on('message', listener),
    postMessage: (message) => port.postMessage(message),
    start: () => port.start(),
    onClose: (listener) => port.on('close', listener),
  };
}

startCoreProcess(
  {
    onMessage: (listener) =>
      parentPort.on('message', (event) => listener(event.data, event.ports.map(adapt))),
    postMessage: (message) => parentPort.postMessage(message),
  },
  {
    handler: createApiHandler(),
    exit: (code) => process.exit(code),
  },
);
