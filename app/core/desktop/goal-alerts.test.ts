import { describe, expect, it } from 'vitest';
import type { GoalProgress } from '../../shared/planning.ts';
import { goalAlerts, initialGoalAlertState, type GoalAlertState } from './goal-alerts.ts';

const M = 60_000;
const MONDAY = '2026-06-08T22:00:00.000Z';
const TUESDAY = '2026-06-09T22:00:00.000Z';

const social = (done: number, state: GoalProgress['state'], periodStart = MONDAY): GoalProgress => ({
  id: 1,
  category: 'Social',
  productivity: 'unproductive',
  direction: 'at_most',
  period: 'day',
  target_ms: 60 * M,
  period_start: periodStart,
  period_end: periodStart === MONDAY ? TUESDAY : '2026-06-10T22:00:00.000Z',
  done_ms: done,
  state,
});

const reading = (done: number, state: GoalProgress['state']): GoalProgress => ({
  ...social(done, state),
  id: 2,
  category: 'Reading',
  productivity: 'productive',
  direction: 'at_least',
  period: 'week',
  target_ms: 90 * M,
});

/** Runs the checks in order and returns the alerts of each. */
function run(checks: GoalProgress[][], options?: { met: boolean }): string[][] {
  let state: GoalAlertState = initialGoalAlertState;
  return checks.map((goals) => {
    const out = goalAlerts(state, goals, options);
    state = out.state;
    return out.alerts.map((a) => `${a.goalId}:${a.kind}`);
  });
}

describe('goalAlerts', () => {
  it('alerts when an at-most goal goes over, with what and by how much', () => {
    const first = goalAlerts(initialGoalAlertState, [social(50 * M, 'under')]);
    expect(first.alerts).toEqual([]);
    const second = goalAlerts(first.state, [social(61 * M, 'over')]);
    expect(second.alerts).toEqual([
      {
        goalId: 1,
        kind: 'over',
        title: 'Social: over your limit',
        body: '1h 1m today, more than the 1h a day you allowed.',
      },
    ]);
  });

  it('alerts once per goal per period, even when the time goes down and up again', () => {
    expect(
      run([
        [social(50 * M, 'under')],
        [social(61 * M, 'over')],
        [social(70 * M, 'over')],
        [social(55 * M, 'under')], // a site recategorized away
        [social(65 * M, 'over')],
      ]),
    ).toEqual([[], ['1:over'], [], [], []]);
  });

  it('alerts again in the next period', () => {
    expect(
      run([
        [social(50 * M, 'under')],
        [social(61 * M, 'over')],
        [social(0, 'under', TUESDAY)],
        [social(61 * M, 'over', TUESDAY)],
      ]),
    ).toEqual([[], ['1:over'], [], ['1:over']]);
  });

  it('says nothing on the first check, for a new goal, or on a new period already crossed', () => {
    expect(run([[social(70 * M, 'over')]])).toEqual([[]]);
    expect(run([[], [social(70 * M, 'over')]])).toEqual([[], []]);
    expect(run([[social(50 * M, 'under')], [social(70 * M, 'over', TUESDAY)]])).toEqual([[], []]);
  });

  it('tells of an at-least goal met, unless asked not to', () => {
    const checks = [[reading(80 * M, 'short')], [reading(90 * M, 'met')]];
    expect(run(checks)).toEqual([[], ['2:met']]);
    expect(run(checks, { met: false })).toEqual([[], []]);
    const met = goalAlerts({ previous: checks[0]!, alerted: new Set() }, checks[1]!).alerts[0];
    expect(met).toMatchObject({
      title: 'Reading: goal met',
      body: '1h 30m this week, at least the 1h 30m a week you aimed for.',
    });
  });

  it('handles several goals at once and forgets deleted ones', () => {
    const out = run([
      [social(50 * M, 'under'), reading(80 * M, 'short')],
      [social(61 * M, 'over'), reading(95 * M, 'met')],
      [reading(95 * M, 'met')],
    ]);
    expect(out).toEqual([[], ['1:over', '2:met'], []]);
    let state: GoalAlertState = initialGoalAlertState;
    for (const goals of [[social(50 * M, 'under')], [social(61 * M, 'over')], []]) {
      state = goalAlerts(state, goals).state;
    }
    expect(state.alerted.size).toBe(0);
  });
});
