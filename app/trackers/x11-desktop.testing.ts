/**
 * Test support (not part of the app, excluded from the build): a throwaway X desktop for integration tests —
 * Xvfb on a free display, matchbox as the window manager (it sets _NET_ACTIVE_WINDOW), xterm windows with
 * known titles, and xdotool to move the focus. Every process is stopped by close(), clients before the server.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TOOLS = ['Xvfb', 'matchbox-window-manager', 'xterm', 'xdotool', 'xprop', 'xwininfo'];
export const X11_APT = 'apt-get install -y xvfb matchbox-window-manager xterm x11-utils xdotool';

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The X tools this machine lacks; CI installs them all, so tests fail there rather than skip. */
export const missingX11Tools = (): string[] => TOOLS.filter((tool) => !onPath(tool));

export interface X11Desktop {
  display: string;
  /**
   * Opens an xterm titled `title` and returns its window id once it is mapped. `appClass` sets its WM_CLASS,
   * which get-windows reports as the app's name ("XTerm" by default).
   */
  openWindow(title: string, appClass?: string): Promise<string>;
  xdotool(...args: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Stops the processes a test desktop started, the last first: SIGTERM, then SIGKILL after 2 s. */
export async function stopChildren(children: ChildProcess[]): Promise<void> {
  for (const child of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([gone, sleep(2_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export async function startX11Desktop(): Promise<X11Desktop> {
  const children: ChildProcess[] = [];
  let display = '';
  const env = () => ({ ...process.env, DISPLAY: display });
  const launch = (command: string, args: string[]): ChildProcess => {
    const child = spawn(command, args, { env: env(), stdio: 'ignore' });
    child.on('error', () => {}); // reported by the wait that times out
    children.push(child);
    return child;
  };
  const close = async (): Promise<void> => {
    await stopChildren(children);
  };
  // First free display in 90–99; a number another run grabs first makes Xvfb exit, and we try the next.
  for (let n = 90; n <= 99 && !display; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = launch('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset']);
    for (let i = 0; i < 100 && xvfb.exitCode === null && !existsSync(`/tmp/.X11-unix/X${n}`); i++)
      await sleep(50);
    if (xvfb.exitCode === null && existsSync(`/tmp/.X11-unix/X${n}`)) display = `:${n}`;
  }
  if (!display) {
    await close();
    throw new Error('could not start Xvfb on any display from :90 to :99');
  }
  launch('matchbox-window-manager', ['-use_titlebar', 'no']);
  // Windows opened before the window manager runs are never focused by it: wait until it says what it supports.
  for (let i = 0; i < 100; i++) {
    const ready = await run('xprop', ['-root', '_NET_SUPPORTED'], { env: env() })
      .then((r) => r.stdout.includes('_NET_ACTIVE_WINDOW'))
      .catch(() => false);
    if (ready) break;
    await sleep(50);
  }

  const findWindow = async (title: string): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      const found = await run('xdotool', ['search', '--name', `^${title}$`], { env: env() })
        .then((r) => r.stdout.trim().split('\n')[0] ?? '')
        .catch(() => '');
      if (found) return found;
      await sleep(50);
    }
    throw new Error(`window "${title}" never appeared on ${display}`);
  };

  return {
    display,
    async openWindow(title, appClass) {
      launch('xterm', [...(appClass ? ['-class', appClass] : []), '-T', title, '-e', 'sleep', '86400']);
      return findWindow(title);
    },
    async xdotool(...args) {
      await run('xdotool', args, { env: env() });
    },
    close,
  };
}
