// IPC channel names between the preload and main. The API itself does not use IPC: it runs
// over a MessagePort straight to the utility process; these carry only what needs main
// (native dialogs, the port hand-over, menu commands, the menu language).

export const CHANNELS = {
  /** preload → main (send): give me a port to the core. */
  requestPort: 'soiltrace:request-port',
  /** main → preload (postMessage with one MessagePort). */
  port: 'soiltrace:port',
  /** preload → main (invoke): native save dialog, then write the bytes. */
  saveFile: 'soiltrace:save-file',
  /** preload → main (invoke): native open dialog; the chosen path or null. */
  openFile: 'soiltrace:open-file',
  /** main → preload (send): a menu item the renderer acts on. */
  menuCommand: 'soiltrace:menu-command',
  /** preload → main (send): the UI language changed; rebuild the menu in it. */
  setLanguage: 'soiltrace:set-language',
} as const;
