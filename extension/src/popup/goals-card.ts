/**
 * How the popup shows the user's goals (set in the dashboard): one row each with what the goal is, how far it
 * is, a bar and a short note. `goalView` is pure, so each state's wording is unit-tested.
 *
 *   Social ≤ 1h a day             42m / 1h
 *   [██████████████░░░░░░]        18m left
 */
import { formatDuration, shownGapMs } from '../../../app/shared/format.ts';
import type { GoalProgress, GoalState } from '../../../app/shared/planning.ts';
import { GOAL_TONES } from '../../../app/shared/goal-tones.ts';
import type { PopupStatus } from '../protocol.ts';
import { h } from './dom.ts';

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
  const gap = shownGapMs(goal.done_ms, goal.target_ms);
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

/** The goals whose day or week is running; nothing at all without goals. */
export function goalsCard(status: PopupStatus): HTMLElement | null {
  if (status.goals.length === 0) return null;
  return h(
    'section',
    { class: 'card', 'aria-label': 'Goals' },
    h('span', { class: 'label' }, 'Goals'),
    h(
      'ul',
      { class: 'goals', 'data-testid': 'goals' },
      ...status.goals.map((goal) => {
        const view = goalView(goal);
        return h(
          'li',
          { class: `goal goal-${GOAL_TONES[view.state]}`, 'data-state': view.state },
          h('span', { class: 'name', title: view.title }, view.title),
          h('span', { class: 'num' }, view.figures),
          h(
            'span',
            {
              class: 'bar',
              role: 'progressbar',
              'aria-label': view.title,
              'aria-valuemin': 0,
              'aria-valuemax': 100,
              'aria-valuenow': Math.round(view.share * 100),
            },
            h('span', { style: `width: ${view.share * 100}%` }),
          ),
          h('span', { class: 'note small' }, view.note),
        );
      }),
    ),
  );
}
