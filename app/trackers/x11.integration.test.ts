// The real thing on a throwaway X server: Xvfb, a window manager that sets _NET_ACTIVE_WINDOW, two xterms with
// known titles, focus moved by xdotool while the real tracker polls get-windows and MIT-SCREEN-SAVER.
// Timing on a shared machine is noisy, so the checks are about order and containment, not exact milliseconds.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import x11 from 'x11';
import type { X11Client } from 'x11';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdleEvent, WindowEvent } from '../shared/events.ts';
import { GetWindowsSource } from './active-window.ts';
import { X11IdleSource } from './idle-x11.ts';
import type { TrackerSink } from './sink.ts';
import { WindowTracker } from './tracker.ts';

const run = promisify(execFile);
const TOOLS = ['Xvfb', 'matchbox-window-manager', 'xterm', 'xdotool', 'xprop', 'xwininfo'];
const APT = 'apt-get install -y xvfb matchbox-window-manager xterm x11-utils xdotool';
const missing = TOOLS.filter((tool) => !onPath(tool));
const TITLES = { alpha: 'timeaudit-it Alpha', beta: 'timeaudit-it Beta' };
const POLL_MS = 200;

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

// Output for the test log without console.log (the house rule); vitest shows stderr per test.
const log = {
  debug: () => {},
  info: (m: string, e?: object) => process.stderr.write(`info ${m} ${JSON.stringify(e ?? {})}\n`),
  warn: (m: string, e?: object) => process.stderr.write(`warn ${m} ${JSON.stringify(e ?? {})}\n`),
  error: (m: string, e?: object) => process.stderr.write(`error ${m} ${JSON.stringify(e ?? {})}\n`),
};

if (missing.length > 0 && process.env.CI) {
  describe('X11 integration', () => {
    it('has its tools installed (CI must install them)', () => {
      throw new Error(`missing ${missing.join(', ')}: ${APT}`);
    });
  });
} else if (missing.length > 0) {
  // The default reporter does not print a skipped suite's name, so say why here.
  process.stderr.write(`X11 integration tests skipped: ${missing.join(', ')} not installed (${APT})\n`);
}

describe.skipIf(missing.length > 0)(
  missing.length > 0
    ? `X11 integration (skipped: ${missing.join(', ')} not installed; ${APT})`
    : 'X11 integration',
  () => {
    const children: ChildProcess[] = [];
    const savedDisplay = process.env.DISPLAY;
    let display = '';
    const ids = { alpha: '', beta: '' };

    function launch(command: string, args: string[]): ChildProcess {
      const child = spawn(command, args, { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
      child.on('error', () => {}); // reported by the wait that times out
      children.push(child);
      return child;
    }

    /** Repeats `xdotool search` until the window exists: xterm maps its window some time after starting. */
    async function findWindow(title: string): Promise<string> {
      for (let i = 0; i < 100; i++) {
        const found = await run('xdotool', ['search', '--name', `^${title}$`], {
          env: { ...process.env, DISPLAY: display },
        })
          .then((r) => r.stdout.trim().split('\n')[0] ?? '')
          .catch(() => '');
        if (found) return found;
        await sleep(50);
      }
      throw new Error(`window "${title}" never appeared on ${display}`);
    }

    async function xdotool(...args: string[]): Promise<void> {
      await run('xdotool', args, { env: { ...process.env, DISPLAY: display } });
    }

    beforeAll(async () => {
      // First free display in 90–99; a number another run grabs first makes Xvfb exit, and we try the next.
      for (let n = 90; n <= 99 && !display; n++) {
        if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
        const xvfb = launch('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset']);
        for (let i = 0; i < 100 && xvfb.exitCode === null && !existsSync(`/tmp/.X11-unix/X${n}`); i++) {
          await sleep(50);
        }
        if (xvfb.exitCode === null && existsSync(`/tmp/.X11-unix/X${n}`)) display = `:${n}`;
      }
      if (!display) throw new Error('could not start Xvfb on any display from :90 to :99');
      process.env.DISPLAY = display; // get-windows' xprop and the x11 client both read it
      launch('matchbox-window-manager', ['-use_titlebar', 'no']);
      launch('xterm', ['-T', TITLES.alpha, '-e', 'sleep', '60']);
      ids.alpha = await findWindow(TITLES.alpha);
      launch('xterm', ['-T', TITLES.beta, '-e', 'sleep', '60']);
      ids.beta = await findWindow(TITLES.beta);
    });

    afterAll(async () => {
      // Clients before the server, so none of them is left complaining about a lost display.
      for (const child of children.reverse()) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(2_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (savedDisplay === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = savedDisplay;
    });

    it('sees get-windows report the focused xterm', async () => {
      await xdotool('windowactivate', '--sync', ids.beta);
      const source = new GetWindowsSource({ log });
      await expect(source.sample()).resolves.toEqual({
        app: expect.stringMatching(/xterm/i),
        title: TITLES.beta,
      });
    });

    it('tracks focus changes and a screen saver with the real sources', async () => {
      const windows = new Map<string, WindowEvent>();
      const idles = new Map<string, IdleEvent>();
      let saves = 0;
      const sink: TrackerSink = {
        saveWindow: (e) => {
          windows.set(e.eventId, e);
          saves++;
        },
        saveIdle: (e) => {
          idles.set(e.eventId, e);
          saves++;
        },
      };
      const idle = new X11IdleSource({ log });
      const saver = await connectSaverControl(display);
      const tracker = new WindowTracker({
        windows: new GetWindowsSource({ log }),
        idle,
        sink,
        log,
        pollIntervalMs: POLL_MS,
        checkpointMs: 500,
      });
      // When each focus change was asked for and when it was done.
      const marks: Array<{ title: string; askedMs: number; doneMs: number }> = [];
      const focus = async (title: string, id: string): Promise<void> => {
        const askedMs = Date.now();
        await xdotool('windowactivate', '--sync', id);
        marks.push({ title, askedMs, doneMs: Date.now() });
      };
      try {
        await focus(TITLES.alpha, ids.alpha);
        tracker.start();
        await sleep(1_200);
        await focus(TITLES.beta, ids.beta);
        await sleep(1_200);
        await focus(TITLES.alpha, ids.alpha);
        await sleep(1_200);
        const saverOnMs = Date.now();
        saver.ForceScreenSaver(true);
        await sleep(1_200);
        const saverOffMs = Date.now();
        saver.ForceScreenSaver(false); // the server counts this as input: the user is back
        await sleep(1_000);
        await tracker.stop();

        const events = [...windows.values()].sort((a, b) => a.startMs - b.startMs);
        expect(events.map((e) => e.title)).toEqual([TITLES.alpha, TITLES.beta, TITLES.alpha, TITLES.alpha]);
        for (const e of events) {
          expect(e.app).toMatch(/\S/);
          expect(e.endMs - e.startMs).toBeGreaterThan(500);
          expect(e.endMs - e.startMs).toBeLessThan(3_000);
        }
        for (let i = 1; i < events.length; i++) {
          expect(events[i]!.startMs).toBeGreaterThanOrEqual(events[i - 1]!.endMs);
        }
        // Each switch is seen within a poll or so of being made (the poll stamps its start, hence the slack).
        const slack = 3 * POLL_MS;
        for (const [i, mark] of marks.slice(1).entries()) {
          expect(events[i + 1]!.startMs).toBeGreaterThanOrEqual(mark.askedMs - slack);
          expect(events[i + 1]!.startMs).toBeLessThanOrEqual(mark.doneMs + slack);
        }
        // The screen saver is one idle period between the last two window events, and nothing else is.
        const away = [...idles.values()];
        expect(away).toHaveLength(1);
        expect(away[0]!.startMs).toBeGreaterThanOrEqual(saverOnMs - slack);
        expect(away[0]!.startMs).toBeLessThanOrEqual(saverOnMs + slack);
        expect(away[0]!.endMs).toBeGreaterThanOrEqual(saverOffMs - slack);
        expect(away[0]!.endMs).toBeLessThanOrEqual(saverOffMs + slack);
        expect(events[2]!.endMs).toBeLessThanOrEqual(away[0]!.startMs);
        expect(events[3]!.startMs).toBeGreaterThanOrEqual(away[0]!.endMs);
        // Open events were checkpointed along the way, not only saved at the end.
        expect(saves).toBeGreaterThan(events.length + away.length);
      } finally {
        await tracker.stop();
        idle.close();
        saver.terminate();
      }
    });

    it('reads idle time that grows without input and resets on input', async () => {
      const idle = new X11IdleSource({ log });
      try {
        await xdotool('mousemove', '10', '10');
        const first = await idle.idleState();
        expect(first).not.toBeNull();
        expect(first!.idleMs).toBeGreaterThanOrEqual(0);
        expect(first!.locked).toBe(false);
        await sleep(800);
        const later = await idle.idleState();
        expect(later!.idleMs).toBeGreaterThanOrEqual(first!.idleMs + 600);
        await xdotool('mousemove', '200', '300');
        const after = await idle.idleState();
        expect(after!.idleMs).toBeLessThan(later!.idleMs);
        expect(after!.idleMs).toBeLessThan(500);
      } finally {
        idle.close();
      }
    });
  },
);

/** A second X connection, standing in for the desktop's screen saver. */
function connectSaverControl(display: string): Promise<X11Client> {
  return new Promise((resolve, reject) => {
    const client = x11.createClient({ display, shm: false }, (err) => (err ? reject(err) : resolve(client)));
    client.on('error', reject);
  });
}
