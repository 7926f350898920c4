/**
 * Goals on the user's local calendar: the day or week (from Monday 00:00) that holds an instant, and the state
 * a goal is in for the time done so far. Local days are 23 or 25 hours long on DST days, so a period's bounds
 * come from the zone's day starts, never from adding 24 hours.
 *
 * ```
 * week:   Mon 00:00 |Mon|Tue|Wed|Thu|Fri|Sat|Sun| next Mon 00:00      (local; 167–169 hours)
 * done:             [time of the category ....now)
 * at_most 5h:  done ≤ 5h → under,  done > 5h → over
 * at_least 5h: done < 5h → short,  done ≥ 5h → met
 * ```
 */
import type { Goal, GoalDirection, GoalPeriod, GoalProgress, GoalState } from '../shared/planning.ts';
import { isoWeekday } from './time.ts';
import type { Zone } from './zone.ts';

export interface PeriodBounds {
  startMs: number;
  endMs: number;
}

/** The local day, or the local week from Monday, that contains `atMs`. */
export function periodAt(period: GoalPeriod, atMs: number, zone: Zone): PeriodBounds {
  const day = zone.localDay(atMs);
  const first = period === 'day' ? day : day - (isoWeekday(day) - 1);
  const days = period === 'day' ? 1 : 7;
  return { startMs: zone.dayStart(first), endMs: zone.dayStart(first + days) };
}

/** An at-most goal is crossed only past its target; an at-least goal is met on reaching it. */
export function goalState(direction: GoalDirection, doneMs: number, targetMs: number): GoalState {
  if (direction === 'at_most') return doneMs > targetMs ? 'over' : 'under';
  return doneMs >= targetMs ? 'met' : 'short';
}

export function goalProgress(goal: Goal, bounds: PeriodBounds, doneMs: number): GoalProgress {
  return {
    ...goal,
    period_start: new Date(bounds.startMs).toISOString(),
    period_end: new Date(bounds.endMs).toISOString(),
    done_ms: doneMs,
    state: goalState(goal.direction, doneMs, goal.target_ms),
  };
}
