/**
 * Goals on a real store with a clock the test moves, in zones away from UTC: time crossing a local midnight
 * counts in the right day, a weekly goal sums Monday 00:00 to now, states flip exactly at the target, and the
 * day's total starts again at local midnight. CRUD errors store nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GoalProgress } from '../shared/planning.ts';
import { Store } from './store.ts';
import { domainErrorOf } from './events.testing.ts';

const M = 60_000;
const LA = 'America/Los_Angeles';
const KOLKATA = 'Asia/Kolkata';
// Wednesday 11 March 2026, 13:00 in Los Angeles (PDT, −7) and Thursday 12 March 01:30 in Kolkata (+05:30).
const NOW = Date.parse('2026-03-11T20:00:00Z');

let dir: string;
let store: Store;
let now = NOW;
let n = 0;
beforeEach(() => {
  now = NOW;
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-goals-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => now });
  store.createCategory('Social', 'unproductive');
  store.createCategory('Dev', 'productive');
  // App names outside the built-in category database.
  store.setSubjectCategory('app', 'ta-social', 'Social');
  store.setSubjectCategory('app', 'ta-editor', 'Dev');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function use(app: string, startIso: string, ms: number): void {
  const startMs = Date.parse(startIso);
  store.ingest('window', [{ eventId: `e${n++}`, app, title: '', startMs, endMs: startMs + ms }]);
}

const goal = (list: GoalProgress[], id: number) => list.find((g) => g.id === id) as GoalProgress;
const goalCount = () => store.db.prepare('SELECT count(*) FROM goals').pluck().get();

function expectDomainError(fn: () => unknown, kind: string, field: string, message: RegExp): void {
  const error = domainErrorOf(fn);
  expect(error).toMatchObject({ kind, field });
  expect(error.message).toMatch(message);
}

describe('goal progress', () => {
  it('counts only the part of the local day in Los Angeles, across midnight', () => {
    const daily = store.createGoal({
      category: 'Social',
      direction: 'at_most',
      period: 'day',
      targetMs: 60 * M,
    });
    use('ta-social', '2026-03-11T06:30:00Z', 60 * M); // Tue 23:30 – Wed 00:30 PDT: 30 min today
    use('ta-social', '2026-03-11T18:00:00Z', 20 * M); // Wed 11:00 PDT
    use('ta-editor', '2026-03-11T18:20:00Z', 30 * M); // another category
    use('ta-social', '2026-03-11T19:50:00Z', 30 * M); // ends after now: 10 min so far
    const [p] = store.listGoals(LA);
    expect(p).toEqual({
      ...daily,
      productivity: 'unproductive',
      period_start: '2026-03-11T07:00:00.000Z',
      period_end: '2026-03-12T07:00:00.000Z',
      done_ms: 60 * M,
      state: 'under',
    });
  });

  it('sums a weekly goal from Monday 00:00 local to now, in Los Angeles and in Kolkata', () => {
    const weekly = store.createGoal({
      category: 'Dev',
      direction: 'at_least',
      period: 'week',
      targetMs: 5 * 60 * M,
    });
    use('ta-editor', '2026-03-09T06:00:00Z', 120 * M); // Sun 23:00 – Mon 01:00 PDT; Mon 11:30–13:30 IST
    use('ta-editor', '2026-03-10T16:00:00Z', 180 * M); // Tue
    use('ta-editor', '2026-03-08T17:00:00Z', 60 * M); // Sun 10:00 PDT (the week before); Sun 22:30 IST
    use('ta-editor', '2026-03-08T18:00:00Z', 60 * M); // Sun 11:00 PDT; Sun 23:30 IST – Mon 00:30 IST
    const la = goal(store.listGoals(LA), weekly.id);
    expect([la.period_start, la.period_end]).toEqual([
      '2026-03-09T07:00:00.000Z',
      '2026-03-16T07:00:00.000Z',
    ]);
    expect(la.done_ms).toBe(60 * M + 180 * M); // Monday's first hour + Tuesday
    expect(la.state).toBe('short');
    const kolkata = goal(store.listGoals(KOLKATA), weekly.id);
    expect([kolkata.period_start, kolkata.period_end]).toEqual([
      '2026-03-08T18:30:00.000Z',
      '2026-03-15T18:30:00.000Z',
    ]);
    expect(kolkata.done_ms).toBe(30 * M + 120 * M + 180 * M); // from Monday 00:00 IST
    expect(kolkata.state).toBe('met');
  });

  it('is the Kolkata day that has just begun, not the UTC or Los Angeles one', () => {
    const daily = store.createGoal({
      category: 'Social',
      direction: 'at_most',
      period: 'day',
      targetMs: 60 * M,
    });
    use('ta-social', '2026-03-11T18:00:00Z', 60 * M); // 23:30 – 00:30 IST
    use('ta-social', '2026-03-11T19:45:00Z', 10 * M); // 01:15 IST
    const kolkata = goal(store.listGoals(KOLKATA), daily.id);
    expect([kolkata.period_start, kolkata.done_ms]).toEqual(['2026-03-11T18:30:00.000Z', 40 * M]);
    expect(goal(store.listGoals(LA), daily.id).done_ms).toBe(70 * M);
    expect(goal(store.listGoals('UTC'), daily.id).done_ms).toBe(70 * M);
  });

  it('flips exactly at the target', () => {
    const most = store.createGoal({
      category: 'Social',
      direction: 'at_most',
      period: 'day',
      targetMs: 60 * M,
    });
    const least = store.createGoal({
      category: 'Social',
      direction: 'at_least',
      period: 'day',
      targetMs: 60 * M,
    });
    use('ta-social', '2026-03-11T18:00:00Z', 60 * M - 1);
    expect(store.listGoals(LA).map((g) => [g.id, g.done_ms, g.state])).toEqual([
      [most.id, 60 * M - 1, 'under'],
      [least.id, 60 * M - 1, 'short'],
    ]);
    use('ta-social', '2026-03-11T18:59:59.999Z', 1);
    expect(store.listGoals(LA).map((g) => g.state)).toEqual(['under', 'met']);
    use('ta-social', '2026-03-11T19:00:00Z', 1);
    expect(store.listGoals(LA).map((g) => g.state)).toEqual(['over', 'met']);
  });

  it('starts a new day at local midnight, and a new week on Monday', () => {
    const daily = store.createGoal({
      category: 'Social',
      direction: 'at_most',
      period: 'day',
      targetMs: 60 * M,
    });
    const weekly = store.createGoal({
      category: 'Social',
      direction: 'at_most',
      period: 'week',
      targetMs: 60 * M,
    });
    use('ta-social', '2026-03-12T06:00:00Z', 120 * M); // Wed 23:00 – Thu 01:00 PDT
    now = Date.parse('2026-03-12T06:59:00Z'); // Wed 23:59
    expect(store.listGoals(LA).map((g) => [g.id, g.done_ms, g.state])).toEqual([
      [daily.id, 59 * M, 'under'],
      [weekly.id, 59 * M, 'under'],
    ]);
    now = Date.parse('2026-03-12T07:00:00Z'); // Thu 00:00 exactly: an empty day so far
    expect(goal(store.listGoals(LA), daily.id)).toMatchObject({ done_ms: 0, state: 'under' });
    now = Date.parse('2026-03-12T07:30:00Z'); // Thu 00:30
    const thursday = store.listGoals(LA);
    expect(goal(thursday, daily.id)).toMatchObject({
      period_start: '2026-03-12T07:00:00.000Z',
      done_ms: 30 * M,
    });
    expect(goal(thursday, weekly.id)).toMatchObject({ done_ms: 90 * M, state: 'over' });
    use('ta-social', '2026-03-16T06:30:00Z', 60 * M); // Sun 23:30 – Mon 00:30 PDT
    now = Date.parse('2026-03-16T07:30:00Z'); // Monday 00:30 PDT
    expect(goal(store.listGoals(LA), weekly.id)).toMatchObject({
      period_start: '2026-03-16T07:00:00.000Z',
      done_ms: 30 * M,
      state: 'under',
    });
  });

  it("follows the category's time as subjects are recategorized, and its new name", () => {
    const daily = store.createGoal({
      category: 'Social',
      direction: 'at_most',
      period: 'day',
      targetMs: 60 * M,
    });
    use('ta-social', '2026-03-11T18:00:00Z', 90 * M);
    expect(goal(store.listGoals(LA), daily.id).state).toBe('over');
    const social = store.listCategories().find((c) => c.name === 'Social')!;
    store.updateCategory(social.id, { name: 'Social media' });
    expect(goal(store.listGoals(LA), daily.id)).toMatchObject({ category: 'Social media', done_ms: 90 * M });
    store.setSubjectCategory('app', 'ta-social', 'Dev');
    expect(goal(store.listGoals(LA), daily.id)).toMatchObject({ done_ms: 0, state: 'under' });
  });

  it('refuses an unknown time zone', () => {
    expectDomainError(() => store.listGoals('Mars/Olympus'), 'invalid', 'tz', /unknown time zone/);
  });
});

describe('goal CRUD', () => {
  it('creates, lists, updates and deletes', () => {
    const g = store.createGoal({
      category: 'social',
      direction: 'at_most',
      period: 'week',
      targetMs: 300 * M,
    });
    expect(g).toEqual({
      id: g.id,
      category: 'Social', // the category's own spelling
      productivity: 'unproductive',
      direction: 'at_most',
      period: 'week',
      target_ms: 300 * M,
    });
    expect(store.updateGoal(g.id, { category: 'Dev', direction: 'at_least' })).toEqual({
      ...g,
      category: 'Dev',
      productivity: 'productive',
      direction: 'at_least',
    });
    expect(store.listGoals(LA).map((p) => p.id)).toEqual([g.id]);
    expect(store.deleteGoal(g.id)).toEqual({ id: g.id, deleted: true, undo: expect.any(String) });
    expect(store.listGoals(LA)).toEqual([]);
  });

  it('refuses an unknown category, an unknown id, and a daily goal over 24 hours, storing nothing', () => {
    const body = { category: 'Nope', direction: 'at_most', period: 'day', targetMs: 60 * M } as const;
    expectDomainError(
      () => store.createGoal(body),
      'unknown_category',
      'category',
      /no category named "Nope"/,
    );
    expect(goalCount()).toBe(0);
    const g = store.createGoal({ ...body, category: 'Dev', period: 'week', targetMs: 30 * 60 * M });
    expectDomainError(
      () => store.updateGoal(g.id, { category: 'Nope' }),
      'unknown_category',
      'category',
      /Nope/,
    );
    // The new period with the goal's current target (30 h) is too much for a day.
    expectDomainError(() => store.updateGoal(g.id, { period: 'day' }), 'invalid', 'targetMs', /24 hours/);
    expect(store.listGoals(LA)[0]).toMatchObject({ category: 'Dev', period: 'week' });
    expectDomainError(() => store.updateGoal(g.id + 1, { targetMs: M }), 'not_found', 'id', /no goal/);
    expectDomainError(() => store.deleteGoal(g.id + 1), 'not_found', 'id', /no goal/);
    store.deleteGoal(g.id);
    expectDomainError(() => store.deleteGoal(g.id), 'not_found', 'id', /no goal/);
  });
});
