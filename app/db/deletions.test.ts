/**
 * Deleting categories, rules, goals and manual entries on a real store, and undoing it: a category's subjects,
 * labels, rules and goals go exactly where the user said (and no other row moves), reports after the delete
 * equal the report before with the two categories' time added up, and an undo gives back the very report,
 * rows, ids and rule order of before. Built-in categories are listed on a fresh install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../shared/report.ts';
import { Store } from './store.ts';
import { DAY, M, T0, brw, domainErrorOf, win } from './events.testing.ts';
import { DEFAULT_CATEGORY_DB } from './default-categories.ts';

let dir: string;
let store: Store;
const NOW = T0 + 12 * 60 * M;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-deletions-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => NOW });
  store.createCategory('Fun', 'unproductive', '#ff0000');
  store.createCategory('Work', 'productive');
  // ta-* apps are outside the built-in category database.
  store.ingest('window', [
    win('w1', 'ta-game', 0, 60),
    win('w2', 'ta-editor', 60, 120),
    win('w3', 'ta-player', 120, 150),
    win('w4', 'Google Chrome', 150, 200),
  ]);
  store.ingest('browser', [brw('b1', 'fun.example', 150, 200)]);
  store.setSubjectCategory('app', 'ta-game', 'Fun');
  store.setSubjectCategory('app', 'ta-editor', 'Work');
  store.setSubjectCategory('domain', 'fun.example', 'Fun');
  store.createRule({ field: 'app', match: 'contains', pattern: 'editor', category: 'Work' });
  store.createRule({ field: 'app', match: 'contains', pattern: 'player', category: 'Fun' });
  store.createRule({ field: 'domain', match: 'contains', pattern: 'other', category: 'Work' });
  store.createGoal({ category: 'Fun', direction: 'at_most', period: 'day', targetMs: 30 * M });
  store.createGoal({ category: 'Work', direction: 'at_least', period: 'day', targetMs: 60 * M });
  store.createManualEntry({
    label: 'Board games',
    category: 'Fun',
    startMs: T0 + 300 * M,
    endMs: T0 + 330 * M,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const idOf = (name: string) => store.listCategories().find((c) => c.name === name)!.id;
const snapshot = () => ({
  categories: store.listCategories(),
  rules: store.listRules(),
  goals: store.listGoals('UTC'),
  entries: store.listManualEntries(0, NOW),
  subjects: store.db.prepare(`SELECT * FROM subjects ORDER BY id`).all(),
  report: store.report(DAY),
});
const categoryMs = (report: Report, name: string | null) =>
  report.categories.find((c) => c.name === name)?.ms ?? 0;

describe('deleting a category', () => {
  it('reassigns its subjects, labels, rules and goals to the category picked, and undo restores everything', () => {
    const before = snapshot();
    const fun = idOf('Fun');
    const deletion = store.deleteCategory(fun, 'work'); // found as names are, ignoring case
    expect(deletion).toMatchObject({
      id: fun,
      deleted: true,
      category: { id: fun, name: 'Fun', productivity: 'unproductive', colour: '#ff0000' },
      reassigned_to: 'Work',
      apps: 2, // ta-game (the user's) and ta-player (its rule's)
      domains: 1,
      labels: 1,
      manual_entries: 1,
      rules: { count: 1, outcome: 'moved' },
      goals: { count: 1, outcome: 'moved' },
      undo: expect.any(String),
    });
    const after = snapshot();
    expect(after.categories.map((c) => c.name)).not.toContain('Fun');
    expect(after.rules.map((r) => [r.id, r.position, r.category])).toEqual(
      before.rules.map((r) => [r.id, r.position, 'Work']),
    );
    expect(after.goals.map((g) => [g.id, g.category, g.target_ms])).toEqual(
      before.goals.map((g) => [g.id, 'Work', g.target_ms]),
    );
    expect(after.entries).toEqual(
      before.entries.map((e) => ({ ...e, category: 'Work', productivity: 'productive' })),
    );
    // The oracle: every subject keeps its time; what was Fun's is now Work's; nothing else moves.
    expect(after.report.total_ms).toBe(before.report.total_ms);
    expect(after.report.subjects.map((s) => [s.kind, s.name, s.ms])).toEqual(
      before.report.subjects.map((s) => [s.kind, s.name, s.ms]),
    );
    for (const s of before.report.subjects) {
      const now = after.report.subjects.find((a) => a.kind === s.kind && a.name === s.name)!;
      expect(now.category).toBe(s.category === 'Fun' ? 'Work' : s.category);
    }
    expect(categoryMs(after.report, 'Work')).toBe(
      categoryMs(before.report, 'Work') + categoryMs(before.report, 'Fun'),
    );
    expect(categoryMs(after.report, null)).toBe(categoryMs(before.report, null));
    expect(categoryMs(after.report, 'Fun')).toBe(0);

    expect(store.undo(deletion.undo!)).toEqual({ undone: true });
    expect(snapshot()).toEqual(before);
    // A token undoes once.
    expect(domainErrorOf(() => store.undo(deletion.undo!))).toMatchObject({
      kind: 'not_found',
      field: 'token',
    });
  });

  it('to none: its subjects and labels have no category, its rules and goals are deleted; undo puts them back in order', () => {
    const before = snapshot();
    const deletion = store.deleteCategory(idOf('Fun'), null);
    expect(deletion).toMatchObject({
      reassigned_to: null,
      rules: { count: 1, outcome: 'deleted' },
      goals: { count: 1, outcome: 'deleted' },
    });
    const after = snapshot();
    expect(after.rules.map((r) => [r.position, r.pattern])).toEqual([
      [0, 'editor'],
      [1, 'other'],
    ]);
    expect(after.goals.map((g) => g.category)).toEqual(['Work']);
    expect(after.entries.map((e) => e.category)).toEqual([null]);
    expect(categoryMs(after.report, null)).toBe(
      categoryMs(before.report, null) + categoryMs(before.report, 'Fun'),
    );
    expect(after.report.total_ms).toBe(before.report.total_ms);
    // ta-player stays out of a category now its rule is gone: the user's delete is final for it, until undone.
    expect(after.report.subjects.find((s) => s.name === 'ta-player')?.category).toBeNull();
    store.undo(deletion.undo!);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown id, an unknown target, or itself as the target, and changes nothing', () => {
    const before = snapshot();
    expect(domainErrorOf(() => store.deleteCategory(9999, null))).toMatchObject({
      kind: 'not_found',
      field: 'id',
    });
    expect(domainErrorOf(() => store.deleteCategory(idOf('Fun'), 'Nope'))).toMatchObject({
      kind: 'not_found',
      field: 'reassign_to',
    });
    expect(domainErrorOf(() => store.deleteCategory(idOf('Fun'), 'FUN'))).toMatchObject({
      kind: 'invalid',
      field: 'reassign_to',
    });
    expect(snapshot()).toEqual(before);
  });

  it('cannot be undone once its name is taken again, and says so; the token still works after a rename', () => {
    const deletion = store.deleteCategory(idOf('Fun'), 'Work');
    const again = store.createCategory('fun', 'neutral');
    expect(domainErrorOf(() => store.undo(deletion.undo!))).toMatchObject({
      kind: 'conflict',
      field: 'name',
    });
    store.updateCategory(again.id, { name: 'Other fun' });
    store.undo(deletion.undo!);
    expect(store.listCategories().find((c) => c.name === 'Fun')).toMatchObject({ colour: '#ff0000' });
  });
});

describe('renaming and colouring a category', () => {
  it('refuses a name that folds to another category’s, and a bad colour; stores nothing', () => {
    const before = snapshot();
    expect(domainErrorOf(() => store.updateCategory(idOf('Fun'), { name: 'WORK' }))).toMatchObject({
      kind: 'conflict',
      field: 'name',
    });
    expect(domainErrorOf(() => store.updateCategory(idOf('Fun'), { name: 'Wor\u212A' }))).toMatchObject({
      kind: 'conflict',
    });
    expect(domainErrorOf(() => store.updateCategory(idOf('Fun'), { colour: 'red' }))).toMatchObject({
      kind: 'invalid',
      field: 'colour',
    });
    expect(snapshot()).toEqual(before);
    expect(store.updateCategory(idOf('Fun'), { name: 'Play', colour: null })).toMatchObject({
      name: 'Play',
      colour: null,
    });
    expect(store.report(DAY).categories.map((c) => c.name)).toContain('Play');
  });
});

describe('deleting a rule, a goal or a manual entry', () => {
  it('is undone exactly: the same id, the same place among the rules, the same report', () => {
    const before = snapshot();
    const middle = store.listRules()[1]!;
    const rule = store.deleteRule(middle.id);
    const goal = store.deleteGoal(store.listGoals('UTC')[0]!.id);
    const entry = store.deleteManualEntry(store.listManualEntries(0, NOW)[0]!.id);
    expect(store.listRules()).toHaveLength(2);
    expect(store.listManualEntries(0, NOW)).toEqual([]);
    for (const token of [entry.undo!, goal.undo!, rule.undo!]) store.undo(token);
    expect(snapshot()).toEqual(before);
  });

  it('an entry is not put back over one logged in its time since', () => {
    const entry = store.listManualEntries(0, NOW)[0]!;
    const deleted = store.deleteManualEntry(entry.id);
    store.createManualEntry({ label: 'Nap', startMs: T0 + 310 * M, endMs: T0 + 320 * M });
    expect(domainErrorOf(() => store.undo(deleted.undo!))).toMatchObject({ kind: 'conflict' });
    expect(store.listManualEntries(0, NOW).map((e) => e.label)).toEqual(['Nap']);
  });
});

describe('built-in categories', () => {
  it('are listed on a fresh install, and one the user deleted does not come back at the next start', () => {
    const names = store.listCategories().map((c) => c.name);
    for (const c of DEFAULT_CATEGORY_DB.categories) expect(names).toContain(c.name);
    store.deleteCategory(idOf('Games'), null);
    store.ingest('window', [win('w9', 'Steam', 400, 420)]); // Steam's built-in category is Games
    const file = store.file;
    store.close();
    store = Store.open({ file, now: () => NOW });
    expect(store.listCategories().map((c) => c.name)).not.toContain('Games');
    expect(store.report(DAY).subjects.find((s) => s.name === 'Steam')?.category).toBeNull();
  });
});
