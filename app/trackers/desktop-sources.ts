/**
 * The window and idle sources for this machine's desktop (see desktop.ts for the choice). macOS and Windows
 * read windows through get-windows and have no idle source here (the desktop app uses Electron's). Only the
 * chosen sources' modules are loaded: an X11 daemon never loads get-windows, a sway one never loads the X11 client.
 */
import type { Logger } from '../core/logger.ts';
import type { WindowSample, WindowSource } from './active-window.ts';
import { DesktopApps } from './app-identity.ts';
import { chooseLinuxDesktop, type DesktopChoice } from './desktop.ts';
import type { IdleSource } from './idle.ts';

/** A window source (it may say when the focus changed, and hold a connection to close: see WindowSource). */
export type DesktopWindowSource = WindowSource;

export interface DesktopSources {
  choice: DesktopChoice;
  /** null when windows cannot be tracked here (choice.summary says why). */
  windows: DesktopWindowSource | null;
  idle: IdleSource | null;
}

export async function desktopSources(
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<DesktopSources> {
  if (platform !== 'linux') {
    const name = platform === 'darwin' ? 'macOS' : platform === 'win32' ? 'Windows' : platform;
    const choice: DesktopChoice = {
      windows: 'get-windows',
      idle: null,
      summary: `${name}: every window (the app's name) and its title`,
    };
    return { choice, windows: await getWindows(log), idle: null };
  }
  const choice = chooseLinuxDesktop(env);
  const windowLog = log.child('window');
  const windows: DesktopWindowSource | null =
    choice.windows === 'sway'
      ? identified(new (await import('./sway.ts')).SwayWindowSource({ log: windowLog }), log)
      : choice.windows === 'hyprland'
        ? identified(new (await import('./hyprland.ts')).HyprlandWindowSource({ log: windowLog }), log)
        : choice.windows === 'x11'
          ? await x11Windows(log, env)
          : null;
  const idleLog = log.child('idle');
  const idle =
    choice.idle === 'wayland'
      ? new (await import('./idle-wayland.ts')).WaylandIdleSource({ log: idleLog })
      : choice.idle === 'x11'
        ? new (await import('./idle-x11.ts')).X11IdleSource({ log: idleLog })
        : null;
  return { choice, windows, idle };
}

async function getWindows(log: Logger): Promise<WindowSource> {
  const { GetWindowsSource } = await import('./active-window.ts');
  return new GetWindowsSource({ log: log.child('window') });
}

/**
 * X11 over one persistent connection, apps named through their desktop entries (window-x11.ts);
 * `TIMEAUDIT_WINDOW_SOURCE=get-windows` keeps get-windows (a fallback, and the tracking bench's baseline).
 */
async function x11Windows(log: Logger, env: NodeJS.ProcessEnv): Promise<WindowSource> {
  if (env.TIMEAUDIT_WINDOW_SOURCE === 'get-windows') return getWindows(log);
  const { X11WindowSource } = await import('./window-x11.ts');
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
