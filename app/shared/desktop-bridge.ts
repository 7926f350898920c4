/**
 * What the desktop app's preload exposes to the dashboard as `window.timeaudit`, and nothing more. The
 * dashboard is the same page the daemon serves; in a browser `window.timeaudit` is simply absent.
 */

/** Tracking paused until `untilMs` (null: until resumed), or running. Same shape as the core's PauseState. */
export type DesktopPauseState = { paused: false } | { paused: true; untilMs: number | null };

export interface DesktopBridge {
  /** The app's version. */
  readonly version: string;
  /** process.platform of the desktop app: 'darwin', 'win32', 'linux'. */
  readonly platform: string;
  /** Calls `listener` whenever tracking is paused or resumed (from the tray); returns the unsubscribe function. */
  onPauseChanged(listener: (state: DesktopPauseState) => void): () => void;
}

/** The IPC channel the main process sends pause changes on. */
export const PAUSE_CHANGED_CHANNEL = 'timeaudit:pause-changed';
