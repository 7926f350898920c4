/**
 * Test support (not part of the app): events on a fixed Monday morning, in minutes from 08:00 UTC, the day
 * and year ranges the store tests report over, and the DomainError a call throws.
 */
import { DomainError } from '../core/errors.ts';
import type { BrowserEvent, WindowEvent } from '../shared/events.ts';

export const M = 60_000;
/** Monday 4 May 2026, 08:00 UTC. */
export const T0 = Date.UTC(2026, 4, 4, 8, 0);
export const DAY = { fromMs: Date.UTC(2026, 4, 4), toMs: Date.UTC(2026, 4, 5), tz: 'UTC' };
export const YEAR = { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2027, 0, 1), tz: 'Europe/Berlin' };

/** A window event of `app` from minute `start` to minute `end` after T0. */
export const win = (eventId: string, app: string, start: number, end: number): WindowEvent => ({
  eventId,
  app,
  title: '',
  startMs: T0 + start * M,
  endMs: T0 + end * M,
});

/** A browser session on `domain` from minute `start` to minute `end` after T0. */
export const brw = (eventId: string, domain: string, start: number, end: number): BrowserEvent => ({
  eventId,
  userId: 'u',
  domain,
  startMs: T0 + start * M,
  endMs: T0 + end * M,
  durationMs: (end - start) * M,
  reasonClosed: 'tab_switch',
});

/** The DomainError `fn` throws; fails the test when it throws something else or nothing. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
