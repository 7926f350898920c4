/** Goals in words and as a progress bar's figures: "At most 1h a day", "42m of 1h", "18m over". */
import { formatDuration, shownGapMs } from '../../../app/shared/format.ts';
import type { Goal, GoalProgress, GoalState } from '../../../app/shared/planning.ts';
import { GOAL_TONES, type GoalTone } from '../../../app/shared/goal-tones.ts';
import { dayOf, formatDay } from './ranges.ts';

export const DIRECTION_LABELS: Record<Goal['direction'], string> = {
  at_most: 'At most',
  at_least: 'At least',
};

export const PERIOD_LABELS: Record<Goal['period'], string> = {
  day: 'a day',
  week: 'a week',
};

/** Under a limit and having reached a minimum are good; over a limit is bad; short of a minimum is neutral. */
export const STATE_TONES: Record<GoalState, GoalTone> = GOAL_TONES;

/** "At most 1h a day" */
export function describeGoal(goal: Pick<Goal, 'direction' | 'target_ms' | 'period'>): string {
  return `${DIRECTION_LABELS[goal.direction]} ${formatDuration(goal.target_ms)} ${PERIOD_LABELS[goal.period]}`;
}

/** The state in a few words: "18m left", "18m over", "Reached", "40m to go". */
export function describeState(goal: GoalProgress): string {
  const gap = shownGapMs(goal.done_ms, goal.target_ms);
  switch (goal.state) {
    case 'under':
      return `${formatDuration(gap)} left`;
    case 'over':
      return `${formatDuration(gap)} over`;
    case 'met':
      return 'Reached';
    case 'short':
      return `${formatDuration(gap)} to go`;
  }
}

/** The period a goal's progress is for: "Today", "This week", or its dates when it is not the current one. */
export function describePeriod(goal: GoalProgress, today = dayOf(new Date())): string {
  const start = dayOf(new Date(goal.period_start));
  // period_end is the instant the period ends: its last day is the day before.
  const last = dayOf(new Date(Date.parse(goal.period_end) - 1));
  if (goal.period === 'day') return start === today ? 'Today' : formatDay(start, false);
  if (start <= today && today <= last) return 'This week';
  return `${formatDay(start, false)} – ${formatDay(last, false)}`;
}

/** The bar's fill, 0–100: done over target, full once the target is reached or crossed. */
export function progressPercent(goal: Pick<GoalProgress, 'done_ms' | 'target_ms'>): number {
  if (goal.target_ms <= 0) return 0;
  return Math.min(100, (goal.done_ms / goal.target_ms) * 100);
}
