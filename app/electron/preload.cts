/**
 * The dashboard's only door into the desktop app: `window.timeaudit`, typed by app/shared's DesktopBridge.
 * CommonJS (.cts) because sandboxed preloads cannot be ES modules; it may require only 'electron'.
 */
import type { ContextBridge, IpcRenderer } from 'electron';
import type { DesktopBridge, DesktopPauseState } from '../shared/desktop-bridge.ts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer } = require('electron') as {
  contextBridge: ContextBridge;
  ipcRenderer: IpcRenderer;
};

// Inlined, not imported: a sandboxed preload cannot load the app's modules (PAUSE_CHANGED_CHANNEL in app/shared).
const PAUSE_CHANGED = 'timeaudit:pause-changed';
const VERSION_ARG = '--timeaudit-version=';

const bridge = {
  version: process.argv.find((a) => a.startsWith(VERSION_ARG))?.slice(VERSION_ARG.length) ?? '',
  platform: process.platform,
  onPauseChanged(listener: (state: DesktopPauseState) => void): () => void {
    const handler = (_event: unknown, state: DesktopPauseState) => listener(state);
    ipcRenderer.on(PAUSE_CHANGED, handler);
    return () => {
      ipcRenderer.removeListener(PAUSE_CHANGED, handler);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('timeaudit', bridge);
