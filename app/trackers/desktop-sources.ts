/**
 * The window and idle sources for this machine's desktop (see desktop.ts for the choice). macOS and Windows
 * read windows through get-windows and have no idle source here (the desktop app uses Electron's).
 */
import type { Logger } from '../core/logger.ts';
import { GetWindowsSource, type WindowSample, type WindowSource } from './active-window.ts';
import { DesktopApps } from './app-identity.ts';
import { X11WindowSource } from './window-x11.ts';
import { chooseLinuxDesktop, type DesktopChoice } from './desktop.ts';
import { HyprlandWindowSource } from './hyprland.ts';
import { X11IdleSource } from './idle-x11.ts';
import { WaylandIdleSource } from './idle-wayland.ts';
import type { IdleSource } from './idle.ts';
import { SwayWindowSource } from './sway.ts';

/** A window source (it may say when the focus changed, and hold a connection to close: see WindowSource). */
export type DesktopWindowSource = WindowSource;

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
      ? identified(new SwayWindowSource({ log: log.child('window') }), log)
      : choice.windows === 'hyprland'
        ? identified(new HyprlandWindowSource({ log: log.child('window') }), log)
        : choice.windows === 'x11'
          ? x11Windows(log, env)
          : null;
  const idle =
    choice.idle === 'wayland'
      ? new WaylandIdleSource({ log: log.child('idle') })
      : choice.idle === 'x11'
        ? new X11IdleSource({ log: log.child('idle') })
        : null;
  return { choice, windows, idle };
}

/**
 * X11 over one persistent connection, apps named through their desktop entries (window-x11.ts);
 * `TIMEAUDIT_WINDOW_SOURCE=get-windows` keeps get-windows (a fallback, and the tracking bench's baseline).
 */
function x11Windows(log: Logger, env: NodeJS.ProcessEnv): WindowSource {
  if (env.TIMEAUDIT_WINDOW_SOURCE === 'get-windows')
    return new GetWindowsSource({ log: log.child('window') });
  return new X11WindowSource({
    log: log.child('window'),
    identity: new DesktopApps({ log: log.child('apps') }),
  });
}

/** A compositor's raw app ids (Wayland app_id, XWayland WM_CLASS) named through their desktop entries. */
function identified(source: WindowSource, log: Logger): WindowSource {
  const apps = new DesktopApps({ log: log.child('apps') });
  const named = async (): Promise<WindowSample | null> => {
    const sample = await source.sample();
    if (!sample) return null;
    const identity = apps.identify([sample.app]);
    if (!identity || identity.app === sample.app) return sample;
    return { ...sample, app: identity.app, appId: sample.appId ?? identity.appId };
  };
  return {
    sample: named,
    ...(source.onChange ? { onChange: (listener: () => void) => source.onChange!(listener) } : {}),
    close: () => {
      apps.close();
      source.close?.();
    },
  };
}
