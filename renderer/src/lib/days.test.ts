import { describe, expect, it } from 'vitest';
import { daysSentence, summarizeDays } from './days.ts';

const M = 60_000;
const DAYS = [
  { date: '2026-11-01', ms: 30 * M },
  { date: '2026-11-02', ms: 0 },
  { date: '2026-11-03', ms: 90 * M },
  { date: '2026-11-04', ms: 0 },
];

describe('summarizeDays', () => {
  it('averages over the days that have happened, empty ones included', () => {
    const s = summarizeDays(DAYS, '2026-11-03');
    expect(s).toEqual({
      total: 120 * M,
      active: 2,
      counted: 3,
      average: 40 * M,
      busiest: { date: '2026-11-03', ms: 90 * M },
    });
    expect(daysSentence(s, (d) => d.slice(5))).toBe(
      '2h on 2 of 3 days, 40m a day on average; most on 11-03 (1h 30m).',
    );
  });

  it('says when there is no time, and has no average for one day', () => {
    expect(daysSentence(summarizeDays(DAYS, '2026-10-31'), String)).toBe('No time in this range.');
    expect(daysSentence(summarizeDays(DAYS.slice(0, 1), '2026-11-30'), String)).toBe('30m on 1 of 1 day.');
  });
});
