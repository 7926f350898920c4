/**
 * The window and idle sources for this machine's desktop (see desktop.ts for the choice). macOS and Windows
 * read windows through get-windows and have no idle source here (the desktop app uses Electron's).
 */
import type { Logger } from '../core/logger.ts';
import { GetWindowsSource, type WindowSource } from './active-window.ts';
import { chooseLinuxDesktop, type DesktopChoice } from './desktop.ts';
import { HyprlandWindowSource } from './hyprland.ts';
import { X11IdleSource } from './idle-x11.ts';
import { WaylandIdleSource } from './idle-wayland.ts';
import type { IdleSource } from './idle.ts';
import { SwayWindowSource } from './sway.ts';

/** A window source that may also say when the focus changed, and hold a connection to close. */
export interface DesktopWindowSource extends WindowSource {
  onChange?(listener: () => void): () => void;
  close?(): void;
}

export interface DesktopSources {
  choice: DesktopChoice;
  /** null when windows cannot be tracked here (choice.summary says why). */
  windows: DesktopWindowSource | null;
  idle: IdleSource | null;
}

export function desktopSources(
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): DesktopSources {
  if (platform !== 'linux') {
    const name = platform === 'darwin' ? 'macOS' : platform === 'win32' ? 'Windows' : platform;
    const choice: DesktopChoice = {
      windows: 'get-windows',
      idle: null,
      summary: `${name}: every window (the app's name) and its title`,
    };
    return { choice, windows: new GetWindowsSource({ log: log.child('window') }), idle: null };
  }
  const choice = chooseLinuxDesktop(env);
  const windows: DesktopWindowSource | null =
    choice.windows === 'sway'
      ? new SwayWindowSource({ log: log.child('window') })
      : choice.windows === 'hyprland'
        ? new HyprlandWindowSource({ log: log.child('window') })
        : choice.windows === 'x11'
          ? new GetWindowsSource({ log: log.child('window') })
          : null;
  const idle =
    choice.idle === 'wayland'
      ? new WaylandIdleSource({ log: log.child('idle') })
      : choice.idle === 'x11'
        ? new X11IdleSource({ log: log.child('idle') })
        : null;
  return { choice, windows, idle };
}
