import { describe, expect, it } from 'vitest';
import type { GoalProgress } from '../../../app/shared/planning.ts';
import { describeGoal, describePeriod, describeState, progressPercent } from './goals.ts';
import { formatDay } from './ranges.ts';

const H = 3_600_000;
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

function goal(patch: Partial<GoalProgress>): GoalProgress {
  return {
    id: 1,
    category: 'Social & Video',
    productivity: 'unproductive',
    direction: 'at_most',
    period: 'day',
    target_ms: H,
    period_start: local(2026, 11, 20),
    period_end: local(2026, 11, 21),
    done_ms: 0,
    state: 'under',
    ...patch,
  };
}

describe('goals in words', () => {
  it('says the goal', () => {
    expect(describeGoal(goal({}))).toBe('At most 1h a day');
    expect(describeGoal(goal({ direction: 'at_least', period: 'week', target_ms: 20.5 * H }))).toBe(
      'At least 20h 30m a week',
    );
  });

  it('says how far it is', () => {
    expect(describeState(goal({ done_ms: 0.25 * H, state: 'under' }))).toBe('45m left');
    expect(describeState(goal({ done_ms: 1.5 * H, state: 'over' }))).toBe('30m over');
    // "25m of 30m" (25m 40s done): 5m left, as the figures shown say, not the 4m 20s of the exact gap.
    const halfHour = { target_ms: 30 * 60_000 };
    expect(describeState(goal({ ...halfHour, done_ms: 25 * 60_000 + 40_000, state: 'under' }))).toBe(
      '5m left',
    );
    expect(describeState(goal({ ...halfHour, done_ms: 31 * 60_000 + 50_000, state: 'over' }))).toBe(
      '1m over',
    );
    expect(describeState(goal({ direction: 'at_least', done_ms: 2 * H, state: 'met' }))).toBe('Reached');
    expect(describeState(goal({ direction: 'at_least', done_ms: 0.5 * H, state: 'short' }))).toBe(
      '30m to go',
    );
  });

  it('names the period', () => {
    expect(describePeriod(goal({}), '2026-11-20')).toBe('Today');
    // Days in the browser's locale (ranges.test.ts pins the locales).
    expect(describePeriod(goal({}), '2026-11-21')).toBe(formatDay('2026-11-20', false));
    const week = goal({ period: 'week', period_start: local(2026, 11, 16), period_end: local(2026, 11, 23) });
    expect(describePeriod(week, '2026-11-22')).toBe('This week');
    expect(describePeriod(week, '2026-11-23')).toBe(
      `${formatDay('2026-11-16', false)} – ${formatDay('2026-11-22', false)}`,
    );
  });

  it('fills the bar up to the target', () => {
    expect(progressPercent({ done_ms: 0.5 * H, target_ms: H })).toBe(50);
    expect(progressPercent({ done_ms: 3 * H, target_ms: H })).toBe(100);
  });
});
