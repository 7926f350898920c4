/**
 * Which window source this machine uses: on Linux with an X display, the pure-X11 source (one persistent
 * connection, no child process per poll), naming apps through their desktop entries; elsewhere get-windows (a
 * native helper on macOS and Windows).
 */
import type { WindowSource } from './active-window.ts';
import { GetWindowsSource } from './active-window.ts';
import { DesktopApps } from './app-identity.ts';
import type { TrackerLog } from './log.ts';
import { X11WindowSource } from './window-x11.ts';

export interface WindowSourceChoice {
  log: TrackerLog;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/**
 * `TIMEAUDIT_WINDOW_SOURCE=get-windows` keeps get-windows on Linux too (a fallback, and the benchmark's
 * baseline).
 */
export function chooseWindowSource({
  log,
  env = process.env,
  platform = process.platform,
}: WindowSourceChoice): WindowSource {
  if (platform === 'linux' && env.DISPLAY && env.TIMEAUDIT_WINDOW_SOURCE !== 'get-windows')
    return new X11WindowSource({ log, identity: new DesktopApps({ log }) });
  return new GetWindowsSource({ log });
}
