/**
 * The dashboard window: the page the local server serves (the same renderer build as the daemon's), opened with
 * the token in the fragment. Locked down: sandboxed, no Node, context isolation, no navigation off the local
 * origin, and new windows only as https links in the default browser. Remembers its bounds in the settings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, screen, shell } from 'electron';
import { restoreWindowState, MIN_WINDOW_SIZE } from '../core/desktop/window-state.ts';
import { APP_VERSION } from '../shared/version.ts';
import type { DesktopSettings } from './settings.ts';

/** Built next to this file by `npm run build:electron` (CommonJS: sandboxed preloads cannot be ES modules). */
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

export interface DashboardWindowOptions {
  origin: string;
  token: string;
  settings: DesktopSettings;
  /** True once the app is quitting: closing then really closes. */
  isQuitting: () => boolean;
}

export function createDashboardWindow(options: DashboardWindowOptions): BrowserWindow {
  const saved = options.settings.get().window ?? null;
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = restoreWindowState(saved, workAreas);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Time Audit',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.normalize(PRELOAD),
      additionalArguments: [`--timeaudit-version=${APP_VERSION}`],
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Only the local dashboard may load here; anything else opens in the default browser if it is https.
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== options.origin) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
    return { action: 'deny' };
  });

  const remember = () => {
    if (win.isDestroyed()) return;
    options.settings.update({ window: { bounds: win.getNormalBounds(), maximized: win.isMaximized() } });
  };
  win.on('close', (event) => {
    remember();
    if (!options.isQuitting() && options.settings.get().closeToTray) {
      event.preventDefault();
      win.hide();
    }
  });

  void win.loadURL(`${options.origin}/#token=${options.token}`);
  return win;
}
