/** A goal's progress as the app answers it, for the tests of the worker and the popup. */
import type { GoalProgress } from '../../app/shared/planning.ts';

export const M = 60_000;

/** "Social at most 1 h a day", 42 min done, with the fields given changed. */
export const goal = (over: Partial<GoalProgress>): GoalProgress => ({
  id: 7,
  category: 'Social',
  productivity: 'unproductive',
  direction: 'at_most',
  period: 'day',
  target_ms: 60 * M,
  period_start: '2026-03-11T07:00:00.000Z',
  period_end: '2026-03-12T07:00:00.000Z',
  done_ms: 42 * M,
  state: 'under',
  ...over,
});
