import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { DAY, domainErrorOf, win } from './events.testing.ts';
import { levelledLogger } from '../shared/logging.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-rules-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => Date.UTC(2026, 4, 4) });
  store.createCategory('Dev', 'productive');
  store.createCategory('Fun', 'unproductive');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (pattern: string, position?: number) =>
  store.createRule({ field: 'app', match: 'contains', pattern, category: 'Dev', position });
const order = () => store.listRules().map((r) => [r.position, r.pattern]);

describe('rules', () => {
  it('are listed in order with their category, appended at the end unless a position is given', () => {
    expect(add('a')).toEqual({
      id: expect.any(Number),
      position: 0,
      field: 'app',
      match: 'contains',
      pattern: 'a',
      category: 'Dev',
      productivity: 'productive',
    });
    add('b');
    add('c');
    add('front', 0);
    add('middle', 2);
    add('far', 99);
    expect(order()).toEqual([
      [0, 'front'],
      [1, 'a'],
      [2, 'middle'],
      [3, 'b'],
      [4, 'c'],
      [5, 'far'],
    ]);
  });

  it('keep positions dense when one moves or goes', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((p) => add(p));
    store.updateRule(d!.id, { position: 0 });
    expect(order()).toEqual([
      [0, 'd'],
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    store.updateRule(a!.id, { position: 3 });
    expect(order()).toEqual([
      [0, 'd'],
      [1, 'b'],
      [2, 'c'],
      [3, 'a'],
    ]);
    store.updateRule(b!.id, { position: 50 }); // past the end: the end
    expect(order()).toEqual([
      [0, 'd'],
      [1, 'c'],
      [2, 'a'],
      [3, 'b'],
    ]);
    store.deleteRule(c!.id);
    expect(order()).toEqual([
      [0, 'd'],
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('change any field, and follow a category’s rename', () => {
    const rule = add('steam');
    expect(
      store.updateRule(rule.id, {
        field: 'domain',
        match: 'domain',
        pattern: 'steampowered.com',
        category: 'Fun',
      }),
    ).toMatchObject({ field: 'domain', match: 'domain', pattern: 'steampowered.com', category: 'Fun' });
    const fun = store.listCategories().find((c) => c.name === 'Fun')!;
    store.updateCategory(fun.id, { name: 'Play' });
    expect(store.listRules()[0]).toMatchObject({ category: 'Play', productivity: 'unproductive' });
  });

  it('refuse an unknown category, an unknown id, and a change that leaves field and match apart; storing nothing', () => {
    const rule = add('code');
    add('x');
    expect(
      domainErrorOf(() =>
        store.createRule({ field: 'app', match: 'exact', pattern: 'y', category: 'Nope', position: 0 }),
      ),
    ).toMatchObject({ kind: 'unknown_category', field: 'category' });
    expect(domainErrorOf(() => store.updateRule(rule.id, { category: 'Nope' }))).toMatchObject({
      kind: 'unknown_category',
    });
    expect(domainErrorOf(() => store.updateRule(999, { pattern: 'x' }))).toMatchObject({
      kind: 'not_found',
      field: 'id',
    });
    expect(domainErrorOf(() => store.deleteRule(999))).toMatchObject({ kind: 'not_found' });
    // Only the field changes: an app rule's 'contains' is fine for domains too, 'exact' is not.
    const exact = store.createRule({ field: 'app', match: 'exact', pattern: 'Code', category: 'Dev' });
    expect(domainErrorOf(() => store.updateRule(exact.id, { field: 'domain' }))).toMatchObject({
      kind: 'invalid',
      field: 'match',
    });
    expect(domainErrorOf(() => store.updateRule(rule.id, { match: 'regex', pattern: '(' }))).toMatchObject({
      kind: 'invalid',
      field: 'pattern',
    });
    expect(store.listRules().map((r) => [r.pattern, r.match, r.field])).toEqual([
      ['code', 'contains', 'app'],
      ['x', 'contains', 'app'],
      ['Code', 'exact', 'app'],
    ]);
  });

  it('let a stored regex RE2 cannot compile match nothing, and say so once in the log', () => {
    const warnings: string[] = [];
    const file = path.join(dir, 'old.sqlite');
    const logged = levelledLogger(
      'store',
      () => 'warn',
      (_level, _name, message) => warnings.push(message),
    );
    const old = Store.open({ file, now: () => Date.UTC(2026, 4, 4, 12), log: logged });
    old.createCategory('Dev', 'productive');
    old.createCategory('Fun', 'unproductive');
    old.createRule({ field: 'app', match: 'contains', pattern: 'term', category: 'Dev' });
    // As a version that matched rules with JavaScript's RegExp could have stored it, before the others.
    old.db
      .prepare(
        `INSERT INTO rules (position, field, match, pattern, category_id) VALUES (-1, 'app', 'regex', ?, ?)`,
      )
      .run('(term)\\1|(?=term)', old.listCategories().find((c) => c.name === 'Fun')!.id);
    old.close();

    const reopened = Store.open({ file, now: () => Date.UTC(2026, 4, 4, 12), log: logged });
    try {
      reopened.ingest('window', [win('w1', 'Terminal', 0, 30), win('w2', 'Terminal', 30, 60)]);
      expect(reopened.report(DAY).subjects).toMatchObject([{ name: 'Terminal', category: 'Dev' }]);
      // Changing the other rules compiles them again: the warning is not repeated.
      reopened.createRule({ field: 'app', match: 'exact', pattern: 'Mail', category: 'Dev' });
      expect(reopened.report(DAY).subjects).toMatchObject([{ name: 'Terminal', category: 'Dev' }]);
      expect(warnings).toEqual([
        expect.stringMatching(/^rule \d+ matches nothing until its pattern is changed: backreferences/),
      ]);
      // The rule is listed as stored, and a change of its pattern makes it usable.
      const stored = reopened.listRules().find((r) => r.match === 'regex')!;
      expect(stored.pattern).toBe('(term)\\1|(?=term)');
      reopened.updateRule(stored.id, { pattern: 'term' });
      expect(reopened.report(DAY).subjects).toMatchObject([{ name: 'Terminal', category: 'Fun' }]);
    } finally {
      reopened.close();
    }
  });
});
