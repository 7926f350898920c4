import { describe, expect, it } from 'vitest';
import { reconcilePause, untilFromStatus } from './app-pause.ts';
import { INDEFINITE_PAUSE_MS } from '../config.ts';

const NOW = Date.parse('2026-05-04T10:00:00Z');
const IN_15 = NOW + 15 * 60_000;

describe('untilFromStatus', () => {
  it('maps the app pause to the extension pause end', () => {
    expect(untilFromStatus({ paused: false, until: null })).toBeNull();
    expect(untilFromStatus({ paused: true, until: new Date(IN_15).toISOString() })).toBe(IN_15);
    expect(untilFromStatus({ paused: true, until: null })).toBe(INDEFINITE_PAUSE_MS);
  });
});

describe('reconcilePause', () => {
  it('pauses when the app is paused', () => {
    expect(reconcilePause(null, null, IN_15, NOW)).toEqual({
      event: { type: 'pause', untilMs: IN_15 },
      seenAppUntilMs: IN_15,
    });
    expect(reconcilePause(null, null, INDEFINITE_PAUSE_MS, NOW).event).toEqual({
      type: 'pause',
      untilMs: INDEFINITE_PAUSE_MS,
    });
  });

  it('takes the app pause end when the extension has another one', () => {
    expect(reconcilePause(NOW + 60_000, null, IN_15, NOW).event).toEqual({ type: 'pause', untilMs: IN_15 });
  });

  it('does nothing when both already agree', () => {
    expect(reconcilePause(IN_15, IN_15, IN_15, NOW)).toEqual({ event: null, seenAppUntilMs: IN_15 });
    expect(reconcilePause(null, null, null, NOW)).toEqual({ event: null, seenAppUntilMs: null });
  });

  it('resumes when the app was resumed from its pause', () => {
    expect(reconcilePause(IN_15, IN_15, null, NOW)).toEqual({
      event: { type: 'resume' },
      seenAppUntilMs: null,
    });
  });

  it('keeps a pause of its own that the app never had (the app was down)', () => {
    expect(reconcilePause(IN_15, null, null, NOW)).toEqual({ event: null, seenAppUntilMs: null });
  });

  it('ignores an app pause end that is already past, and an expired local pause', () => {
    expect(reconcilePause(null, null, NOW - 1, NOW)).toEqual({ event: null, seenAppUntilMs: null });
    expect(reconcilePause(NOW - 1, NOW - 1, null, NOW).event).toBeNull();
  });
});
