import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge.ts';
import { CHANNELS } from './channels.ts';

// Sandboxed preload (bundled to one CommonJS file: sandboxed preloads cannot load ES modules).
// It exposes the typed bridge only; ipcRenderer and the MessagePort stay in this isolated world.

const { bridge, attachPort } = createBridge({
  ipc: ipcRenderer,
  pathForFile: (file) => webUtils.getPathForFile(file),
});

ipcRenderer.on(CHANNELS.port, (event) => {
  const [port] = event.ports;
  if (port) attachPort(port);
});
ipcRenderer.send(CHANNELS.requestPort);

contextBridge.exposeInMainWorld('soiltrace', bridge);
