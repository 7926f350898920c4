/**
 * How the popup shows the user's goals (set in the dashboard): one row each with what the goal is, how far it
 * is, a bar and a short note. Pure, so each state's wording is unit-tested; popup-view.ts builds the DOM.
 *
 *   Social ≤ 1h a day             42m / 1h
 *   [██████████████░░░░░░]        18m left
 */
import { formatDuration } from '../../../app/shared/format.ts';
import type { GoalProgress, GoalState } from '../../../app/shared/planning.ts';

export interface GoalView {
  id: number;
  /** "Social ≤ 1h a day", "Reading ≥ 5h a week". */
  title: string;
  /** "42m / 1h". */
  figures: string;
  /** "18m left", "over by 12m", "2h 50m to go", "met". */
  note: string;
  /** How full the bar is, 0–1. */
  share: number;
  state: GoalState;
}

export function goalView(goal: GoalProgress): GoalView {
  const sign = goal.direction === 'at_most' ? '≤' : '≥';
  const gap = Math.abs(goal.target_ms - goal.done_ms);
  const notes: Record<GoalState, string> = {
    under: `${formatDuration(gap)} left`,
    over: `over by ${formatDuration(gap)}`,
    short: `${formatDuration(gap)} to go`,
    met: 'met',
  };
  return {
    id: goal.id,
    title: `${goal.category} ${sign} ${formatDuration(goal.target_ms)} a ${goal.period}`,
    figures: `${formatDuration(goal.done_ms)} / ${formatDuration(goal.target_ms)}`,
    note: notes[goal.state],
    share: Math.min(1, Math.max(0, goal.done_ms / goal.target_ms)),
    state: goal.state,
  };
}
