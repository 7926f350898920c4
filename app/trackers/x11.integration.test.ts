// The real thing on a throwaway X server: Xvfb, a window manager that sets _NET_ACTIVE_WINDOW, two xterms with
// known titles, focus moved by xdotool while the real tracker polls get-windows and MIT-SCREEN-SAVER.
// Timing on a shared machine is noisy, so the checks are about order and containment, not exact milliseconds.
import { setTimeout as sleep } from 'node:timers/promises';
import x11 from 'x11';
import type { X11Client } from 'x11';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdleEvent, WindowEvent } from '../shared/events.ts';
import { GetWindowsSource } from './active-window.ts';
import { X11IdleSource } from './idle-x11.ts';
import type { TrackerSink } from './sink.ts';
import { WindowTracker } from './tracker.ts';
import { missingX11Tools, startX11Desktop, X11_APT as APT, type X11Desktop } from './x11-desktop.testing.ts';

const missing = missingX11Tools();
const TITLES = { alpha: 'timeaudit-it Alpha', beta: 'timeaudit-it Beta' };
const POLL_MS = 200;

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
    const savedDisplay = process.env.DISPLAY;
    let desktop: X11Desktop;
    let display = '';
    const ids = { alpha: '', beta: '' };
    const xdotool = (...args: string[]) => desktop.xdotool(...args);

    beforeAll(async () => {
      desktop = await startX11Desktop();
      display = desktop.display;
      process.env.DISPLAY = display; // get-windows' xprop and the x11 client both read it
      ids.alpha = await desktop.openWindow(TITLES.alpha);
      ids.beta = await desktop.openWindow(TITLES.beta);
    });

    afterAll(async () => {
      await desktop?.close();
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
