/**
 * Which goals deserve a desktop notification now: those seen crossing since the last check, within the same
 * day or week. An at-most goal going 'over' always; an at-least goal becoming 'met' if asked. Each goal alerts
 * at most once per period, even if its time goes down and up again (a recategorization, a deleted entry).
 *
 * ```
 * checks:     prev      next
 * Social ≤1h  under  →  over     alert "over", remembered as 3@2026-06-10T22:00Z
 * Social ≤1h  over   →  under →  over    no second alert in that period
 * first check (no prev) or a new period: only the baseline, no alert (nothing was seen crossing)
 * ```
 */
import { formatDuration } from '../../shared/format.ts';
import type { GoalProgress } from '../../shared/planning.ts';

export interface GoalAlert {
  goalId: number;
  kind: 'over' | 'met';
  title: string;
  body: string;
}

export interface GoalAlertState {
  /** The goals at the last check; null before the first. */
  previous: readonly GoalProgress[] | null;
  /** Goals already alerted in their current period (see alertKey). */
  alerted: ReadonlySet<string>;
}

export const initialGoalAlertState: GoalAlertState = { previous: null, alerted: new Set() };

const alertKey = (goal: GoalProgress): string => `${goal.id}@${goal.period_start}`;

function alertFor(goal: GoalProgress): GoalAlert {
  const when = goal.period === 'day' ? 'today' : 'this week';
  const done = formatDuration(goal.done_ms);
  const target = formatDuration(goal.target_ms);
  if (goal.state === 'over') {
    return {
      goalId: goal.id,
      kind: 'over',
      title: `${goal.category}: over your limit`,
      body: `${done} ${when}, more than the ${target} a ${goal.period} you allowed.`,
    };
  }
  return {
    goalId: goal.id,
    kind: 'met',
    title: `${goal.category}: goal met`,
    body: `${done} ${when}, at least the ${target} a ${goal.period} you aimed for.`,
  };
}

export function goalAlerts(
  state: GoalAlertState,
  goals: readonly GoalProgress[],
  options: { met: boolean } = { met: true },
): { alerts: GoalAlert[]; state: GoalAlertState } {
  const before = new Map((state.previous ?? []).map((g) => [g.id, g]));
  const alerted = new Set<string>();
  const alerts: GoalAlert[] = [];
  for (const goal of goals) {
    const key = alertKey(goal);
    if (state.alerted.has(key)) {
      alerted.add(key); // still this period: keep it; keys of past periods and deleted goals are dropped
      continue;
    }
    const notable = goal.state === 'over' || (options.met && goal.state === 'met');
    const prev = before.get(goal.id);
    if (!notable || !prev || prev.period_start !== goal.period_start || prev.state === goal.state) continue;
    alerts.push(alertFor(goal));
    alerted.add(key);
  }
  return { alerts, state: { previous: goals, alerted } };
}
