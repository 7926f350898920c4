import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatHour, formatMonth } from './local-format.ts';

const at = (h: number, m: number) => Date.UTC(2026, 10, 16, h, m);

describe('dates and times in the browser’s locale', () => {
  it('writes the clock as the locale has it: 24-hour or 12-hour', () => {
    expect(formatClock(at(14, 5), 'en-GB', 'UTC')).toBe('14:05');
    expect(formatClock(at(9, 5), 'en-GB', 'UTC')).toBe('09:05');
    expect(formatClock(at(14, 5), 'en-US', 'UTC')).toMatch(/^2:05\sPM$/);
    expect(formatClock(at(14, 5), 'de-DE', 'UTC')).toBe('14:05');
    expect(formatHour(at(14, 0), 'en-US', 'UTC')).toMatch(/^2\sPM$/);
    expect(formatHour(at(14, 0), 'en-GB', 'UTC')).toBe('14');
    expect(formatHour(at(9, 0), 'de-DE', 'UTC')).toBe('09');
  });

  it('writes a calendar date in the locale’s order and names, the same in every zone', () => {
    expect(formatDate('2026-11-16', {}, 'en-GB')).toBe('Mon, 16 Nov 2026');
    expect(formatDate('2026-11-16', {}, 'en-US')).toBe('Mon, Nov 16, 2026');
    expect(formatDate('2026-11-16', {}, 'de-DE')).toBe('Mo., 16. Nov. 2026');
    expect(formatDate('2026-11-16', { year: false }, 'en-US')).toBe('Mon, Nov 16');
    expect(formatDate('2026-11-16', { weekday: false, year: false }, 'en-GB')).toBe('16 Nov');
    expect(formatMonth('2026-11-01', true, 'en-GB')).toBe('November 2026');
    expect(formatMonth('2026-11-01', false, 'de-DE')).toBe('Nov. 2026');
  });
});
