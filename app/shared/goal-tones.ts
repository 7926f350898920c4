/**
 * The colour of a goal's bar and state, the same in the dashboard and the popup: under a limit and having
 * reached a minimum are good (the palette's --productive), over a limit is bad (--unproductive), short of a
 * minimum is pending (--neutral).
 */
import type { GoalState } from './planning.ts';

export type GoalTone = 'good' | 'bad' | 'pending';

export const GOAL_TONES: Record<GoalState, GoalTone> = {
  under: 'good',
  met: 'good',
  over: 'bad',
  short: 'pending',
};
