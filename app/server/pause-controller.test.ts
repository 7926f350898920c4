import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PauseController, systemPauseClock, type PauseClock, type PauseState } from './pause-controller.ts';
import { startOfNextDay } from '../core/pause.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-03-10T14:15:00Z');

function fakeClock(): PauseClock {
  return {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

describe('PauseController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts unpaused', () => {
    const p = new PauseController(fakeClock());
    expect(p.state()).toEqual({ paused: false });
    expect(p.isPaused()).toBe(false);
  });

  it('resumes by itself at exactly the end of the pause', () => {
    const p = new PauseController(fakeClock());
    expect(p.pauseFor(15 * MIN)).toEqual({ paused: true, untilMs: T0 + 15 * MIN });
    vi.advanceTimersByTime(15 * MIN - 1);
    expect(p.isPaused()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(p.state()).toEqual({ paused: false });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('extends a pause: the later end replaces the earlier one', () => {
    const p = new PauseController(fakeClock());
    p.pauseFor(15 * MIN);
    vi.advanceTimersByTime(5 * MIN);
    p.pauseFor(60 * MIN);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10 * MIN);
    expect(p.isPaused()).toBe(true);
    vi.advanceTimersByTime(50 * MIN);
    expect(p.isPaused()).toBe(false);
  });

  it('a shorter new pause also replaces a longer one', () => {
    const p = new PauseController(fakeClock());
    p.pauseFor(60 * MIN);
    p.pauseFor(1 * MIN);
    vi.advanceTimersByTime(MIN);
    expect(p.isPaused()).toBe(false);
  });

  it('resume cancels the timer', () => {
    const p = new PauseController(fakeClock());
    const seen: PauseState[] = [];
    p.onChange((s) => seen.push(s));
    p.pauseFor(15 * MIN);
    expect(p.resume()).toEqual({ paused: false });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(30 * MIN);
    expect(seen).toEqual([{ paused: true, untilMs: T0 + 15 * MIN }, { paused: false }]);
  });

  it('pauses until resumed with null, without a timer', () => {
    const p = new PauseController(fakeClock());
    expect(p.pauseUntil(null)).toEqual({ paused: true, untilMs: null });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(365 * 24 * 60 * MIN);
    expect(p.isPaused()).toBe(true);
  });

  it('treats an instant in the past as resume', () => {
    const p = new PauseController(fakeClock());
    p.pauseUntil(null);
    expect(p.pauseUntil(T0 - 1)).toEqual({ paused: false });
  });

  it('rejects a non-positive duration', () => {
    const p = new PauseController(fakeClock());
    expect(() => p.pauseFor(0)).toThrow(RangeError);
    expect(() => p.pauseFor(Number.NaN)).toThrow(RangeError);
  });

  it('tells listeners about pause, resume and the automatic resume, until they unsubscribe', () => {
    const p = new PauseController(fakeClock());
    const a: PauseState[] = [];
    const b: PauseState[] = [];
    p.onChange((s) => a.push(s));
    const offB = p.onChange((s) => b.push(s));
    p.pauseFor(MIN);
    vi.advanceTimersByTime(MIN);
    offB();
    p.pauseUntil(null);
    p.resume();
    p.resume(); // already running: no event
    expect(a).toEqual([
      { paused: true, untilMs: T0 + MIN },
      { paused: false },
      { paused: true, untilMs: null },
      { paused: false },
    ]);
    expect(b).toEqual([{ paused: true, untilMs: T0 + MIN }, { paused: false }]);
  });

  it('hands out copies of its state', () => {
    const p = new PauseController(fakeClock());
    const s = p.pauseUntil(null) as { paused: true; untilMs: number | null };
    s.untilMs = 5;
    expect(p.state()).toEqual({ paused: true, untilMs: null });
  });

  it('re-arms pauses longer than the longest setTimeout delay', () => {
    const p = new PauseController(fakeClock());
    const days40 = 40 * 24 * 60 * MIN;
    p.pauseFor(days40);
    vi.advanceTimersByTime(days40 - 1);
    expect(p.isPaused()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(p.isPaused()).toBe(false);
  });

  it('works with the system clock', () => {
    const p = new PauseController(systemPauseClock);
    p.pauseFor(MIN);
    vi.advanceTimersByTime(MIN);
    expect(p.isPaused()).toBe(false);
  });
});

describe('pausing until tomorrow', () => {
  it('pauses until tomorrow across a DST change with fake timers', () => {
    vi.useFakeTimers();
    try {
      const now = Date.parse('2026-03-29T08:00:00Z');
      vi.setSystemTime(now);
      const p = new PauseController(fakeClock());
      const until = startOfNextDay(now, 'Europe/Berlin');
      p.pauseUntil(until);
      vi.advanceTimersByTime(until - now - 1);
      expect(p.isPaused()).toBe(true);
      vi.advanceTimersByTime(1);
      expect(p.isPaused()).toBe(false);
      expect(until - now).toBe(14 * 60 * MIN); // 10:00 CEST → midnight
    } finally {
      vi.useRealTimers();
    }
  });
});
