import { describe, expect, it } from 'vitest';
import type { Goal } from '../shared/planning.ts';
import { goalProgress, goalState, periodAt } from './goals.ts';
import { HOUR_MS } from './time.ts';
import { Zone } from './zone.ts';

const H = HOUR_MS;
const la = new Zone('America/Los_Angeles');
const kolkata = new Zone('Asia/Kolkata');
const iso = (b: { startMs: number; endMs: number }) => [
  new Date(b.startMs).toISOString(),
  new Date(b.endMs).toISOString(),
];

describe('periodAt', () => {
  it('is the local day, midnight to midnight, in a zone behind UTC', () => {
    const b = periodAt('day', Date.parse('2026-05-06T15:00:00Z'), la); // 08:00 PDT
    expect(iso(b)).toEqual(['2026-05-06T07:00:00.000Z', '2026-05-07T07:00:00.000Z']);
    // 23:59:59.999 local is still the 6th; 00:00 local is the 7th.
    expect(periodAt('day', Date.parse('2026-05-07T06:59:59.999Z'), la)).toEqual(b);
    expect(periodAt('day', Date.parse('2026-05-07T07:00:00Z'), la).startMs).toBe(b.endMs);
  });

  it('is 23 hours on the day DST starts and 25 on the day it ends', () => {
    const spring = periodAt('day', Date.parse('2026-03-08T20:00:00Z'), la);
    expect(iso(spring)).toEqual(['2026-03-08T08:00:00.000Z', '2026-03-09T07:00:00.000Z']);
    expect(spring.endMs - spring.startMs).toBe(23 * H);
    const fall = periodAt('day', Date.parse('2026-11-01T20:00:00Z'), la);
    expect(fall.endMs - fall.startMs).toBe(25 * H);
  });

  it('starts where a skipped midnight would have been (Santiago)', () => {
    // 6 September 2026 begins at 01:00 local (04:00 UTC): 00:00–01:00 does not exist.
    const b = periodAt('day', Date.parse('2026-09-06T15:00:00Z'), new Zone('America/Santiago'));
    expect(new Date(b.startMs).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(b.endMs - b.startMs).toBe(23 * H);
  });

  it('is the local week from Monday 00:00 in a half-hour zone ahead of UTC', () => {
    // Wednesday 13 May 2026, 10:00 IST; the week began on Monday 11 May 00:00 IST = Sunday 18:30 UTC.
    const b = periodAt('week', Date.parse('2026-05-13T04:30:00Z'), kolkata);
    expect(iso(b)).toEqual(['2026-05-10T18:30:00.000Z', '2026-05-17T18:30:00.000Z']);
    // Sunday 23:59 IST still belongs to it; Monday 00:00 IST begins the next one.
    expect(periodAt('week', Date.parse('2026-05-17T18:29:00Z'), kolkata)).toEqual(b);
    expect(periodAt('week', Date.parse('2026-05-17T18:30:00Z'), kolkata).startMs).toBe(b.endMs);
    // Monday 00:00 itself is the first instant of its own week.
    expect(periodAt('week', b.startMs, kolkata)).toEqual(b);
  });

  it('is 167 or 169 hours for a week with a DST change', () => {
    const spring = periodAt('week', Date.parse('2026-03-08T20:00:00Z'), la); // a Sunday
    expect(iso(spring)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-09T07:00:00.000Z']);
    expect(spring.endMs - spring.startMs).toBe(167 * H);
    const fall = periodAt('week', Date.parse('2026-10-28T20:00:00Z'), la);
    expect(iso(fall)).toEqual(['2026-10-26T07:00:00.000Z', '2026-11-02T08:00:00.000Z']);
    expect(fall.endMs - fall.startMs).toBe(169 * H);
  });
});

describe('goalState', () => {
  it('flips exactly at the target', () => {
    const t = 60 * 60_000;
    expect([t - 1, t, t + 1].map((done) => goalState('at_most', done, t))).toEqual([
      'under',
      'under',
      'over',
    ]);
    expect([0, t - 1, t, t + 1].map((done) => goalState('at_least', done, t))).toEqual([
      'short',
      'short',
      'met',
      'met',
    ]);
  });
});

describe('goalProgress', () => {
  it('carries the goal, the period as instants, the time done and the state', () => {
    const goal: Goal = {
      id: 3,
      category: 'Social',
      productivity: 'unproductive',
      direction: 'at_most',
      period: 'day',
      target_ms: 3_600_000,
    };
    const bounds = periodAt('day', Date.parse('2026-05-06T15:00:00Z'), la);
    expect(goalProgress(goal, bounds, 4_000_000)).toEqual({
      ...goal,
      period_start: '2026-05-06T07:00:00.000Z',
      period_end: '2026-05-07T07:00:00.000Z',
      done_ms: 4_000_000,
      state: 'over',
    });
  });
});
