import { describe, expect, it } from 'vitest';
import { dayFromCivil } from './time.ts';
import { formatWallSpan, localInstant, wallClock } from './wall-clock.ts';
import { zoneFor } from './zone.ts';

const H = 3_600_000;

describe('wallClock', () => {
  it('reads an instant on the zone’s calendar', () => {
    const ms = Date.parse('2026-11-21T17:30:00Z');
    expect(wallClock(zoneFor('Europe/Paris'), ms)).toEqual({ date: '2026-11-21', time: '18:30' });
    expect(wallClock(zoneFor('Asia/Kathmandu'), ms)).toEqual({ date: '2026-11-21', time: '23:15' });
    expect(wallClock(zoneFor('America/Los_Angeles'), Date.parse('2026-11-21T03:00:00Z'))).toEqual({
      date: '2026-11-20',
      time: '19:00',
    });
  });

  it('formats a span on one day, or across midnight', () => {
    const paris = zoneFor('Europe/Paris');
    expect(
      formatWallSpan(paris, Date.parse('2026-11-21T17:00:00Z'), Date.parse('2026-11-21T18:00:00Z')),
    ).toBe('2026-11-21 18:00–19:00');
    expect(
      formatWallSpan(paris, Date.parse('2026-11-21T22:00:00Z'), Date.parse('2026-11-22T00:30:00Z')),
    ).toBe('2026-11-21 23:00 – 2026-11-22 01:30');
  });
});

describe('localInstant', () => {
  const paris = zoneFor('Europe/Paris');

  it('turns a local date and time into the instant', () => {
    expect(localInstant(paris, dayFromCivil(2026, 11, 21), 18 * 60)).toBe(Date.parse('2026-11-21T17:00:00Z'));
    expect(localInstant(paris, dayFromCivil(2026, 7, 1), 0)).toBe(Date.parse('2026-06-30T22:00:00Z'));
    expect(localInstant(zoneFor('Asia/Kathmandu'), dayFromCivil(2026, 1, 1), 9 * 60)).toBe(
      Date.parse('2026-01-01T03:15:00Z'),
    );
    expect(localInstant(zoneFor('UTC'), dayFromCivil(2026, 1, 1), 23 * 60 + 59)).toBe(
      Date.parse('2026-01-01T23:59:00Z'),
    );
  });

  it('answers null for a time the clocks skip, and the first of a time they repeat', () => {
    expect(localInstant(paris, dayFromCivil(2026, 3, 29), 2 * 60 + 30)).toBeNull();
    expect(localInstant(paris, dayFromCivil(2026, 3, 29), 3 * 60)).toBe(Date.parse('2026-03-29T01:00:00Z'));
    const repeated = localInstant(paris, dayFromCivil(2026, 10, 25), 2 * 60 + 30);
    expect(repeated).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(wallClock(paris, (repeated as number) + H).time).toBe('02:30'); // the second one
  });
});
