import { describe, expect, it } from 'vitest';
import { zoneFor } from '../core/zone.ts';
import { DateArgumentError, isWholeDay, parseInstant, parseRangeEnd, rangeArguments } from './dates.ts';

const berlin = zoneFor('Europe/Berlin');
const NOW = Date.parse('2026-03-29T10:00:00Z'); // the day Berlin's clocks go forward: 23 hours long

describe('range arguments', () => {
  it('includes a date given as --to whole, as the dashboard does', () => {
    expect(parseRangeEnd('2026-01-05', berlin, NOW)).toBe(Date.parse('2026-01-05T23:00:00Z'));
    expect(parseRangeEnd('today', berlin, NOW)).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(parseRangeEnd('yesterday', berlin, NOW)).toBe(Date.parse('2026-03-28T23:00:00Z'));
  });

  it('keeps an instant as --to where the range ends', () => {
    expect(parseRangeEnd('now', berlin, NOW)).toBe(NOW);
    expect(parseRangeEnd('2026-01-05T12:00:00Z', berlin, NOW)).toBe(Date.parse('2026-01-05T12:00:00Z'));
  });

  it('tells days from instants', () => {
    expect(['today', 'Yesterday', 'tomorrow', '2026-02-28'].every(isWholeDay)).toBe(true);
    expect(['now', '2026-02-30', '2026-01-05T12:00:00Z', '12:00'].some(isWholeDay)).toBe(false);
  });

  it('makes one day of --from D --to D, and refuses an end before the start', () => {
    const range = rangeArguments({ from: '2026-01-05', to: '2026-01-05', tz: 'UTC' });
    expect(range.toMs - range.fromMs).toBe(86_400_000);
    expect(() => rangeArguments({ from: '2026-01-05', to: '2026-01-04', tz: 'UTC' })).toThrow(
      new DateArgumentError('--to must not be before --from'),
    );
    expect(() => parseInstant('next week', berlin, NOW)).toThrow(DateArgumentError);
  });
});
