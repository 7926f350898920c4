// The state machine is real; only the OS is faked: a scripted focused window, a scripted idle counter and a
// clock that moves only when the test says so.
import { describe, expect, it, vi } from 'vitest';
import type { IdleEvent, WindowEvent } from '../shared/events.ts';
import type { WindowSample } from './active-window.ts';
import type { IdleState } from './idle.ts';
import type { TrackerSink } from './sink.ts';
import { WindowTracker } from './tracker.ts';
import type { WindowTrackerOptions } from './tracker.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const A: WindowSample = { app: 'code', title: 'tracker.ts' };
const B: WindowSample = { app: 'firefox', title: 'GitHub' };

/** Keeps every save, and the last version of each eventId as a replacing database would. */
class MemorySink implements TrackerSink {
  saves: Array<{ kind: 'window' | 'idle'; event: WindowEvent | IdleEvent }> = [];
  windows = new Map<string, WindowEvent>();
  idles = new Map<string, IdleEvent>();
  saveWindow(e: WindowEvent): void {
    this.saves.push({ kind: 'window', event: e });
    this.windows.set(e.eventId, e);
  }
  saveIdle(e: IdleEvent): void {
    this.saves.push({ kind: 'idle', event: e });
    this.idles.set(e.eventId, e);
  }
  /** Final window events as "title start..end", ms after T0, in order of start. */
  windowSpans(): string[] {
    return byStart(this.windows).map((e) => `${e.title} ${e.startMs - T0}..${e.endMs - T0}`);
  }
  idleSpans(): string[] {
    return byStart(this.idles).map((e) => `${e.startMs - T0}..${e.endMs - T0}`);
  }
}

const byStart = <E extends IdleEvent>(m: Map<string, E>) =>
  [...m.values()].sort((a, b) => a.startMs - b.startMs);

/** A fake OS call answering whatever the test last scripted, or throwing it. */
const scripted = <T>(read: () => T | Error) =>
  vi.fn(async () => {
    const value = read();
    if (value instanceof Error) throw value;
    return value;
  });

function setup(overrides: Partial<WindowTrackerOptions> = {}) {
  let clock = T0;
  let window: WindowSample | null | Error = A;
  let idle: IdleState | null | Error = { idleMs: 0, locked: false };
  let ids = 0;
  const sink = new MemorySink();
  const log = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const windowSource = { sample: scripted(() => window) };
  const tracker = new WindowTracker({
    windows: windowSource,
    idle: { idleState: scripted(() => idle), close: vi.fn() },
    sink,
    log,
    now: () => clock,
    pollIntervalMs: 1_000,
    newId: () => `ev-${++ids}`,
    ...overrides,
  });
  return {
    tracker,
    sink,
    log,
    windowSource,
    /** Polls once at T0 + ms, with the given focused window and idle state. */
    async at(ms: number, win: typeof window = window, idleState: typeof idle = idle) {
      clock = T0 + ms;
      window = win;
      idle = idleState;
      await tracker.tick();
    },
    async stopAt(ms: number) {
      clock = T0 + ms;
      await tracker.stop();
    },
  };
}

const active = (idleMs = 0): IdleState => ({ idleMs, locked: false });

describe('WindowTracker', () => {
  it('merges identical samples into one event, saved once when it closes', async () => {
    const t = setup();
    for (const ms of [0, 1_000, 2_000, 3_000]) await t.at(ms, A);
    expect(t.sink.saves).toHaveLength(0);
    await t.stopAt(3_400);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..3400']);
    expect(t.sink.saves).toHaveLength(1);
    expect(t.sink.windows.get('ev-1')).toEqual({ eventId: 'ev-1', ...A, startMs: T0, endMs: T0 + 3_400 });
  });

  it('closes the previous event at the poll that saw the switch', async () => {
    const t = setup();
    await t.at(0, A);
    await t.at(1_000, A);
    await t.at(2_000, B);
    await t.at(3_000, B);
    await t.at(4_000, A);
    await t.stopAt(5_000);
    expect(t.sink.windowSpans()).toEqual([
      'tracker.ts 0..2000',
      'GitHub 2000..4000',
      'tracker.ts 4000..5000',
    ]);
    expect(new Set(t.sink.windows.keys()).size).toBe(3);
  });

  it('records nothing while an excluded app is in front', async () => {
    const t = setup({ excludeApp: (app) => app === 'firefox' });
    await t.at(0, A);
    await t.at(1_000, B);
    await t.at(2_000, B);
    await t.at(3_000, A);
    await t.stopAt(4_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000', 'tracker.ts 3000..4000']);
  });

  it('does not bridge a gap longer than max(3 polls, 5 s), but bridges a shorter one', async () => {
    const t = setup();
    await t.at(0, A);
    await t.at(1_000, A);
    await t.at(5_500, A); // 4.5 s late: still one event
    await t.at(11_000, A); // 5.5 s: asleep, the event ends at its last sighting
    await t.at(12_000, A);
    await t.stopAt(12_500);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..5500', 'tracker.ts 11000..12500']);
  });

  it('scales the gap with a slow poll interval', async () => {
    const t = setup({ pollIntervalMs: 3_000 });
    await t.at(0, A);
    await t.at(8_000, A); // under 3 × 3 s
    await t.at(18_000, A); // over
    await t.stopAt(18_500);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..8000', 'tracker.ts 18000..18500']);
  });

  it('treats a clock that jumps back as a gap', async () => {
    const t = setup();
    await t.at(10_000, A);
    await t.at(11_000, A);
    await t.at(2_000, A);
    await t.stopAt(3_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 2000..3000', 'tracker.ts 10000..11000']);
  });

  it('re-saves the open event every checkpointMs under the same id', async () => {
    const t = setup({ checkpointMs: 15_000 });
    for (let ms = 0; ms <= 40_000; ms += 1_000) await t.at(ms, A);
    await t.stopAt(40_500);
    expect(t.sink.saves.map((s) => [s.event.eventId, s.event.endMs - T0])).toEqual([
      ['ev-1', 15_000],
      ['ev-1', 30_000],
      ['ev-1', 40_500],
    ]);
    expect(t.sink.saves.every((s) => s.event.startMs === T0)).toBe(true);
  });

  it('ends the window when input stopped and records the idle period until input returns', async () => {
    const t = setup({ checkpointMs: 15_000 });
    // Input stops at 15 s; the 3 min threshold is reached at 195 s. A popup takes focus while away.
    for (let ms = 0; ms <= 250_000; ms += 1_000) {
      await t.at(ms, ms > 200_000 ? B : A, active(Math.max(0, ms - 15_000)));
    }
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..15000']);
    // The user comes back at 250.5 s, in front of B.
    await t.at(251_000, B, active(500));
    await t.at(252_000, B, active(1_000));
    await t.stopAt(253_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..15000', 'GitHub 250500..253000']);
    expect(t.sink.idleSpans()).toEqual(['15000..250500']);
    // The window event had been checkpointed past 15 s and was then cut back under the same id.
    const windowSaves = t.sink.saves.filter((s) => s.event.eventId === 'ev-1').map((s) => s.event.endMs - T0);
    expect(windowSaves.at(-1)).toBe(15_000);
    expect(Math.max(...windowSaves)).toBeGreaterThan(15_000);
    // The open idle period was checkpointed too.
    const idleSaves = t.sink.saves.filter((s) => s.kind === 'idle');
    expect(idleSaves.length).toBeGreaterThan(2);
    expect(new Set(idleSaves.map((s) => s.event.eventId)).size).toBe(1);
  });

  it('uses a new away threshold from the next poll on', async () => {
    const t = setup(); // 3 min
    // Input stops at 1 s; 4 min idle at the 241 s poll would be away under 3 min, but the threshold is 5 min now.
    await t.at(0, A, active(0));
    t.tracker.setIdleThresholdMs(5 * 60_000);
    await t.at(1_000, A, active(0));
    for (let ms = 2_000; ms <= 241_000; ms += 1_000) await t.at(ms, A, active(ms - 1_000));
    expect(t.sink.idleSpans()).toEqual([]);
    // Lowered to 1 min: the next poll (4 min idle) is away since input stopped at 1 s.
    t.tracker.setIdleThresholdMs(60_000);
    await t.at(242_000, A, active(241_000));
    await t.stopAt(243_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);
    expect(t.sink.idleSpans()).toEqual(['1000..243000']);
    expect(() => t.tracker.setIdleThresholdMs(0)).toThrow(RangeError);
  });

  it('never starts the idle period before the window it cuts', async () => {
    const t = setup({ idleThresholdMs: 10_000 });
    await t.at(0, A, active(0));
    await t.at(5_000, B, active(8_000)); // a popup appears long after the last input
    await t.at(6_000, B, active(10_000));
    await t.stopAt(7_000);
    // B would be empty, so it is not saved at all.
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..5000']);
    expect(t.sink.idleSpans()).toEqual(['5000..7000']);
  });

  it('does not date an idle period back to before the first poll', async () => {
    const t = setup();
    await t.at(0, A, active(300_000));
    await t.at(1_000, A, active(301_000));
    await t.at(2_000, A, active(100));
    await t.stopAt(3_000);
    expect(t.sink.idleSpans()).toEqual(['0..1900']);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 1900..3000']);
  });

  it('counts a locked screen as away from the moment of locking, password typing included', async () => {
    const t = setup();
    for (let ms = 0; ms < 10_000; ms += 1_000) await t.at(ms, A, active(0));
    for (let ms = 10_000; ms < 19_000; ms += 1_000) await t.at(ms, A, { idleMs: ms - 9_600, locked: true });
    await t.at(19_000, A, { idleMs: 100, locked: true }); // typing the password
    await t.at(20_000, A, active(1_500)); // unlocked; the last key was before the last locked poll
    await t.at(21_000, A, active(0));
    await t.stopAt(22_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..10000', 'tracker.ts 19000..22000']);
    expect(t.sink.idleSpans()).toEqual(['10000..19000']);
  });

  it('starts the idle period when input stopped for a screen saver that locked after the threshold', async () => {
    const t = setup({ idleThresholdMs: 5_000 });
    await t.at(0, A, active(0));
    await t.at(5_000, A, active(3_000)); // 5 s apart: still no gap
    await t.at(10_000, A, { idleMs: 8_000, locked: true });
    await t.at(11_000, A, active(200));
    await t.stopAt(12_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..2000', 'tracker.ts 10800..12000']);
    expect(t.sink.idleSpans()).toEqual(['2000..10800']);
  });

  it('records nothing while no window is focused', async () => {
    const t = setup();
    await t.at(0, A);
    await t.at(1_000, A);
    await t.at(2_000, null);
    await t.at(3_000, null);
    await t.at(4_000, B);
    await t.stopAt(5_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..2000', 'GitHub 4000..5000']);
  });

  it('stop() saves the open idle period, and later ticks do nothing', async () => {
    const t = setup();
    await t.at(0, A, active(0));
    await t.at(1_000, A, { idleMs: 0, locked: true });
    await t.stopAt(4_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);
    expect(t.sink.idleSpans()).toEqual(['1000..4000']);
    const saves = t.sink.saves.length;
    await t.at(5_000, B, active(0));
    await t.tracker.stop();
    expect(t.sink.saves).toHaveLength(saves);
  });

  it('stop() after a gap ends the open event at its last sighting', async () => {
    const t = setup();
    await t.at(0, A);
    await t.at(1_000, A);
    await t.stopAt(60_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);
  });

  it('ends the idle period at its last sighting when the idle source stops answering', async () => {
    const t = setup();
    await t.at(0, A, active(0));
    await t.at(1_000, A, { idleMs: 0, locked: true });
    await t.at(2_000, A, { idleMs: 0, locked: true });
    await t.at(3_000, A, null);
    await t.stopAt(4_000);
    expect(t.sink.idleSpans()).toEqual(['1000..2000']);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000', 'tracker.ts 3000..4000']);
  });

  it('survives throwing sources and sinks, logging each kind of failure once', async () => {
    const t = setup();
    await t.at(0, A);
    await t.at(1_000, new Error('BadWindow 0x40000c'));
    await t.at(2_000, new Error('BadWindow 0x40000d'), new Error('idle broke'));
    expect(t.tracker.problem()).toBe('window source: BadWindow 0x40000d');
    await t.at(3_000, B, new Error('idle broke'));
    expect(t.log.warn).toHaveBeenCalledTimes(2); // one per source
    expect(t.tracker.problem()).toBe('idle source: idle broke'); // the window source works again
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);

    t.sink.saveWindow = () => {
      throw new Error('database is locked');
    };
    await expect(t.at(4_000, A, active(0))).resolves.toBeUndefined();
    await t.at(5_000, B, active(0));
    expect(t.log.warn).toHaveBeenCalledTimes(3);
    expect(t.tracker.problem()).toBe('saving tracked events: database is locked');
    await expect(t.stopAt(6_000)).resolves.toBeUndefined();
    expect(t.log.error).not.toHaveBeenCalled();
  });

  it('skips a poll while the previous one is still waiting for its sample', async () => {
    const t = setup();
    let release: (s: WindowSample) => void = () => {};
    t.windowSource.sample.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const first = t.tracker.tick();
    await t.tracker.tick();
    expect(t.windowSource.sample).toHaveBeenCalledTimes(1);
    release(A);
    await first;
    await t.stopAt(1_000);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);
  });

  it('start() polls at once and then every pollIntervalMs until stop()', async () => {
    vi.useFakeTimers();
    try {
      const t = setup();
      t.tracker.start();
      await vi.advanceTimersByTimeAsync(3_500);
      expect(t.windowSource.sample).toHaveBeenCalledTimes(4);
      await t.tracker.stop();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(t.windowSource.sample).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cut() ends the open events, so a purge right after is not undone by the next checkpoint', async () => {
    const t = setup();
    for (let ms = 0; ms <= 20_000; ms += 1_000) await t.at(ms, A); // checkpointed at 15 s
    t.tracker.cut();
    t.sink.windows.clear(); // a purge deletes everything saved so far
    for (let ms = 21_000; ms <= 40_000; ms += 1_000) await t.at(ms, A);
    await t.stopAt(40_500);
    expect(t.sink.windowSpans()).toEqual(['tracker.ts 21000..40500']);
  });

  describe('while paused', () => {
    function pausable(overrides: Partial<WindowTrackerOptions> = {}) {
      let paused = false;
      const t = setup({ isPaused: () => paused, ...overrides });
      return {
        ...t,
        pause: () => {
          paused = true;
        },
        resume: () => {
          paused = false;
        },
      };
    }

    it('closes the open window at the moment of pausing and records nothing until resumed', async () => {
      const t = pausable();
      await t.at(0, A);
      await t.at(1_000, A);
      t.pause();
      await t.at(1_400, A); // the tick the pause itself triggers
      const samples = t.windowSource.sample.mock.calls.length;
      for (let ms = 2_000; ms <= 60_000; ms += 1_000) await t.at(ms, ms < 30_000 ? A : B);
      expect(t.windowSource.sample.mock.calls.length).toBe(samples);
      expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1400']);
      t.resume();
      await t.at(61_000, B);
      await t.at(62_000, B);
      await t.stopAt(62_500);
      expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1400', 'GitHub 61000..62500']);
    });

    it('closes an open idle period at the moment of pausing and does not date the next one into the pause', async () => {
      const t = pausable({ idleThresholdMs: 10_000 });
      // Input stopped at 0 s; the 10 s threshold is reached at 10 s and the idle period starts at 0 s.
      for (let ms = 0; ms <= 13_000; ms += 1_000) await t.at(ms, A, active(ms));
      expect(t.sink.idleSpans()).toEqual([]);
      t.pause();
      await t.at(13_500, A, active(13_500));
      t.resume();
      // Still away after the pause: the idle period starts at the resume, not when input stopped.
      await t.at(100_000, A, active(100_000));
      await t.at(101_000, A, active(101_000));
      await t.at(102_000, A, active(50)); // back
      await t.stopAt(103_000);
      expect(t.sink.idleSpans()).toEqual(['0..13500', '100000..101950']);
      expect(t.sink.windowSpans()).toEqual(['tracker.ts 101950..103000']);
    });

    it('treats samples that arrive after the pause started as paused', async () => {
      let paused = false;
      const t = setup({
        isPaused: () => paused,
        windows: {
          sample: vi.fn(async () => {
            paused = true; // the pause arrives while the sample is on its way
            return A;
          }),
        },
      });
      await t.at(0, A);
      await t.stopAt(5_000);
      expect(t.sink.saves).toHaveLength(0);
    });

    it('ends the open window at its last sighting when the pause is seen after a gap', async () => {
      const t = pausable();
      await t.at(0, A);
      await t.at(1_000, A);
      t.pause();
      await t.at(60_000, A);
      expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);
    });

    it('stop() while paused saves nothing more', async () => {
      const t = pausable();
      await t.at(0, A);
      t.pause();
      await t.at(1_000, A);
      await t.stopAt(2_000);
      expect(t.sink.windowSpans()).toEqual(['tracker.ts 0..1000']);
      expect(t.sink.saves).toHaveLength(1);
    });
  });
});

describe('when saving fails', () => {
  it('keeps the events closed meanwhile and saves them once the sink takes events again', async () => {
    let full = false;
    const sink = new MemorySink();
    const refusing: TrackerSink = {
      saveWindow: (e) => {
        if (full) throw new Error('the disk holding the database is full');
        sink.saveWindow(e);
      },
      saveIdle: (e) => {
        if (full) throw new Error('the disk holding the database is full');
        sink.saveIdle(e);
      },
    };
    const t = setup({ sink: refusing });
    await t.at(0, A);
    full = true;
    await t.at(1_000, A);
    await t.at(2_000, B); // A closes while nothing can be saved
    await t.at(3_000, A); // and B
    await t.at(4_000, B); // and A again
    expect(sink.windowSpans()).toEqual([]);
    full = false;
    // The next save (the checkpoint of the open B, 15 s after it opened) first saves what was kept.
    for (let ms = 5_000; ms <= 19_000; ms += 1_000) await t.at(ms, B);
    expect(sink.windowSpans()).toEqual([
      'tracker.ts 0..2000',
      'GitHub 2000..3000',
      'tracker.ts 3000..4000',
      'GitHub 4000..19000',
    ]);
  });
});

describe('with a window source that announces changes', () => {
  it('samples at once on a change instead of waiting for the next poll', async () => {
    let clock = T0;
    let window: WindowSample = A;
    const listeners = new Set<() => void>();
    const sink = new MemorySink();
    let ids = 0;
    const tracker = new WindowTracker({
      windows: {
        sample: async () => window,
        onChange: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      idle: null,
      sink,
      now: () => clock,
      pollIntervalMs: 60_000, // the timer never fires during the test: only changes make it sample
      newId: () => `ev-${++ids}`,
    });
    const waitForSpans = async (n: number) => {
      for (let i = 0; i < 100 && sink.windowSpans().length < n; i++)
        await new Promise((r) => setTimeout(r, 10));
    };
    tracker.start();
    await new Promise((r) => setTimeout(r, 20));
    clock = T0 + 1_500;
    window = B;
    for (const l of listeners) l();
    await waitForSpans(1);
    clock = T0 + 2_200;
    window = A;
    for (const l of listeners) l();
    await waitForSpans(2);
    clock = T0 + 3_000;
    await tracker.stop();
    expect(listeners.size).toBe(0); // unsubscribed on stop
    expect(sink.windowSpans()).toEqual(['tracker.ts 0..1500', 'GitHub 1500..2200', 'tracker.ts 2200..3000']);
  });
});
