/** Which of the goals the app last told about still count: their day or week is running. */
import type { GoalProgress } from '../../../app/shared/planning.ts';

/** The goals worth showing at `nowMs`: those whose day or week is still running (a cached list may be older). */
export function currentGoals(goals: readonly GoalProgress[], nowMs: number): GoalProgress[] {
  return goals.filter((g) => Date.parse(g.period_start) <= nowMs && nowMs < Date.parse(g.period_end));
}
