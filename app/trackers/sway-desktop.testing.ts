/**
 * Test support (not part of the app, excluded from the build): a throwaway headless sway for integration tests
 * (WLR_BACKENDS=headless, no input devices, its own minimal config: no bar, no idle daemon), `foot` windows with
 * known app_ids and titles, and swaymsg to move the focus. sway refuses to run as root, so as root it runs as
 * an unprivileged user (timeaudit-ci when it exists, else nobody) with its own XDG_RUNTIME_DIR (0700, owned by
 * that user); root can still connect to its sockets. close() stops every process, windows before sway.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { stopChildren } from './x11-desktop.testing.ts';

const run = promisify(execFile);
export const SWAY_APT = 'apt-get install -y sway foot';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** The tools this machine lacks; CI installs them all, so tests fail there rather than skip. */
export function missingSwayTools(): string[] {
  const tools = ['sway', 'swaymsg', 'foot', ...(isRoot() ? ['setpriv'] : [])];
  return tools.filter((tool) => !onPath(tool));
}

export interface SwayDesktop {
  /** $SWAYSOCK, $WAYLAND_DISPLAY and $XDG_RUNTIME_DIR of this sway, for a client's environment. */
  env: { SWAYSOCK: string; WAYLAND_DISPLAY: string; XDG_RUNTIME_DIR: string };
  /** Opens a foot window with this app_id and title; resolves once sway shows it focused. */
  openWindow(appId: string, title: string): Promise<void>;
  /** Runs a sway command (`[app_id=x] focus`); throws when sway reports a failure. */
  swaymsg(command: string): Promise<void>;
  close(): Promise<void>;
}

async function unprivileged(): Promise<{ uid: number; gid: number }> {
  for (const user of ['timeaudit-ci', 'nobody']) {
    try {
      const { stdout } = await run('id', ['-u', user]);
      const { stdout: group } = await run('id', ['-g', user]);
      return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
    } catch {
      // next candidate
    }
  }
  throw new Error('no unprivileged user (timeaudit-ci or nobody) to run sway as');
}

export async function startSwayDesktop(): Promise<SwayDesktop> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'ta-sway-'));
  const runtime = path.join(home, 'run');
  writeFileSync(
    path.join(home, 'config'),
    // Every window tiles on one workspace; no bar, no idle daemon, nothing else started.
    'output HEADLESS-1 resolution 1280x800\ndefault_border none\nfocus_follows_mouse no\n',
  );
  const user = isRoot() ? await unprivileged() : null;
  mkdirSync(runtime, { mode: 0o700 });
  if (user) for (const p of [home, runtime, path.join(home, 'config')]) chownSync(p, user.uid, user.gid);

  const children: ChildProcess[] = [];
  const baseEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    LANG: 'C.UTF-8',
  };
  const launch = (command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess => {
    const [cmd, argv] = user
      ? ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', command, ...args]]
      : [command, args];
    const child = spawn(cmd, argv, { env, stdio: 'ignore' });
    child.on('error', () => {}); // reported by the wait that times out
    children.push(child);
    return child;
  };
  const close = async (): Promise<void> => {
    await stopChildren(children);
    rmSync(home, { recursive: true, force: true });
  };

  const sway = launch('sway', ['-c', path.join(home, 'config')], {
    ...baseEnv,
    WLR_BACKENDS: 'headless',
    WLR_LIBINPUT_NO_DEVICES: '1',
    WLR_RENDERER: 'pixman',
  });
  let swaysock = '';
  let display = '';
  for (let i = 0; i < 200 && sway.exitCode === null && !(swaysock && display); i++) {
    await sleep(50);
    const files = readdirSync(runtime);
    swaysock = files.find((f) => f.startsWith('sway-ipc.')) ?? '';
    display = files.find((f) => /^wayland-\d+$/.test(f)) ?? '';
  }
  if (!swaysock || !display) {
    await close();
    throw new Error(`headless sway did not start (exit code ${sway.exitCode})`);
  }
  const env = { SWAYSOCK: path.join(runtime, swaysock), WAYLAND_DISPLAY: display, XDG_RUNTIME_DIR: runtime };

  const swaymsg = async (...args: string[]): Promise<string> =>
    (await run('swaymsg', args, { env: { ...process.env, ...env } })).stdout;
  const focusedAppId = async (): Promise<string | null> => {
    const tree = JSON.parse(await swaymsg('-t', 'get_tree')) as unknown;
    const stack = [tree];
    while (stack.length) {
      const node = stack.pop() as { focused?: boolean; app_id?: string; nodes?: unknown[] };
      if (node.focused) return node.app_id ?? null;
      stack.push(...(node.nodes ?? []));
    }
    return null;
  };

  return {
    env,
    async openWindow(appId, title) {
      launch('foot', [`--app-id=${appId}`, `--title=${title}`, 'sleep', '600'], { ...baseEnv, ...env });
      for (let i = 0; i < 200; i++) {
        if ((await focusedAppId()) === appId) return;
        await sleep(50);
      }
      throw new Error(`window ${appId} never appeared in sway`);
    },
    async swaymsg(command) {
      const answer = JSON.parse(await swaymsg(command)) as { success: boolean; error?: string }[];
      const failed = answer.find((a) => !a.success);
      if (failed) throw new Error(`swaymsg ${command}: ${failed.error ?? 'failed'}`);
    },
    close,
  };
}
