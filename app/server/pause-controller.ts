/**
 * Pausing tracking: "for 15 minutes", "for an hour", "until tomorrow" or until resumed. The one state shared
 * by the tray, the daemon's API and (through the API) the browser extension. The clock and timers are injected,
 * so tests drive it with fake timers.
 *
 * ```
 * pauseFor(15 min) at 14:15   [paused...............)14:30 → resumes by itself, listeners hear it
 * pauseFor(60 min) at 14:20        [paused.....................................)15:20 (replaces the first)
 * resume() at 14:40                [paused.......)14:40 (timer cancelled)
 * ```
 */
import type { PauseState } from '../core/pause.ts';

export type { PauseState };

export interface PauseClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** setTimeout takes at most a signed 32-bit delay; longer pauses re-arm the timer in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class PauseController {
  private current: PauseState = { paused: false };
  private timer: unknown = undefined;
  private readonly listeners = new Set<(s: PauseState) => void>();
  private readonly clock: PauseClock;

  constructor(clock: PauseClock) {
    this.clock = clock;
  }

  state(): PauseState {
    return { ...this.current };
  }

  isPaused(): boolean {
    return this.current.paused;
  }

  /** Pauses for `ms` from now, replacing any pause in progress. */
  pauseFor(ms: number): PauseState {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError('a pause lasts a positive number of ms');
    return this.pauseUntil(this.clock.now() + ms);
  }

  /** Pauses until an instant (null: until resumed), replacing any pause in progress. A past instant resumes. */
  pauseUntil(untilMs: number | null): PauseState {
    if (untilMs !== null && untilMs <= this.clock.now()) return this.resume();
    this.cancelTimer();
    this.current = { paused: true, untilMs };
    if (untilMs !== null) this.arm(untilMs);
    this.emit();
    return this.state();
  }

  resume(): PauseState {
    this.cancelTimer();
    if (!this.current.paused) return this.state();
    this.current = { paused: false };
    this.emit();
    return this.state();
  }

  /** Calls `listener` on every change (pause, resume, automatic resume); returns the unsubscribe function. */
  onChange(listener: (s: PauseState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private arm(untilMs: number): void {
    const delay = Math.max(0, untilMs - this.clock.now());
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        if (this.clock.now() >= untilMs) this.resume();
        else this.arm(untilMs);
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(): void {
    const snapshot = this.state();
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}

/** The real clock, for the daemon and the desktop app. */
export const systemPauseClock: PauseClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = globalThis.setTimeout(fn, ms);
    // A pending resume must not keep a process alive that is otherwise done.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
