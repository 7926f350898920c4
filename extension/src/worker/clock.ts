/**
 * The worker's clock: the system's, moved forward by an offset that only the end-to-end tests set (the
 * `advanceClock` message), so that seconds of browsing pass at once instead of being slept through. The offset
 * is kept in storage, so a worker that Chrome stopped and started again goes on from the same time and never
 * back; it is 0 everywhere else.
 *
 * Timers set with `after` fire when their time comes on this clock: after the real delay, or as soon as the
 * clock is moved past it, whichever is first, and once.
 *
 *   system:  |t ........ t+1s|
 *   clock:   |t ........ t+1s| advance(5 s) |t+6s ....
 *   timer:      after(5 s) ─────────────────┘ fires here, not at t+5s of the system
 */
import type { Storage } from './storage.ts';

/** A test moves the clock by seconds; more than this is a mistake, not a test. */
export const MAX_ADVANCE_MS = 60 * 60_000;

export interface Clock {
  now(): number;
  /** Settles once the stored offset is read: nothing that stamps a time may run before (see background.ts). */
  ready: Promise<void>;
  /** Moves the clock forward by `ms` (0 only reads it), runs the timers that came due, answers the new time. */
  advance(ms: number): Promise<number>;
  /** Runs `fn` once, `ms` from now on this clock; the answer cancels it. */
  after(ms: number, fn: () => void): () => void;
}

interface Timer {
  atMs: number;
  fn: () => void;
  handle: ReturnType<typeof setTimeout>;
}

export function createClock(store: Storage, system: () => number = () => Date.now()): Clock {
  let offsetMs = 0;
  const timers = new Set<Timer>();
  const now = () => system() + offsetMs;

  function fire(timer: Timer): void {
    if (!timers.delete(timer)) return;
    clearTimeout(timer.handle);
    timer.fn();
  }

  const ready = store.get('clockOffsetMs').then(
    ({ clockOffsetMs }) => {
      offsetMs = clockOffsetMs;
    },
    // Without a readable storage the system's time is the one to go by (the offset of everyone but a test).
    () => undefined,
  );

  return {
    now,
    ready,

    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
        throw new Error(`The clock moves forward by 0 to ${MAX_ADVANCE_MS} ms.`);
      }
      await ready;
      if (ms > 0) {
        offsetMs += ms;
        await store.set({ clockOffsetMs: offsetMs });
      }
      const nowMs = now();
      for (const timer of [...timers]) if (timer.atMs <= nowMs) fire(timer);
      return nowMs;
    },

    after(ms, fn) {
      const timer: Timer = { atMs: now() + ms, fn, handle: setTimeout(() => fire(timer), ms) };
      timers.add(timer);
      return () => {
        clearTimeout(timer.handle);
        timers.delete(timer);
      };
    },
  };
}
