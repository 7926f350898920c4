import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { CANDIDATES_SQL, TITLES_SQL } from './suggestions.ts';

const M = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 20, 12);
const YEAR = { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2027, 0, 1), tz: 'UTC' };

let dir: string;
let file: string;
let store: Store;
let cursor: number;
let seq: number;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-suggest-'));
  file = path.join(dir, 'db.sqlite');
  store = Store.open({ file, now: () => NOW });
  cursor = NOW - 5 * DAY;
  seq = 0;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `minutes` of an app in front, one window event per title, back to back after what came before. */
function use(app: string, titles: string[], minutes: number, at = cursor): void {
  const each = (minutes * M) / titles.length;
  store.ingest(
    'window',
    titles.map((title, i) => ({
      eventId: `w${seq++}`,
      app,
      title,
      startMs: at + i * each,
      endMs: at + (i + 1) * each,
    })),
  );
  if (at === cursor) cursor += minutes * M;
}

/** `minutes` on a site with no window event around it (the extension alone counts). */
function visit(domain: string, minutes: number): void {
  store.ingest('browser', [
    {
      eventId: `b${seq++}`,
      userId: 'u',
      domain,
      startMs: cursor,
      endMs: cursor + minutes * M,
      durationMs: minutes * M,
      reasonClosed: 'tab_switch',
    },
  ]);
  cursor += minutes * M;
}

const categoryOf = () => Object.fromEntries(store.report(YEAR).subjects.map((s) => [s.name, s.category]));
const sourceOf = () =>
  Object.fromEntries(
    (
      store.db.prepare('SELECT name, category_source AS source FROM subjects').all() as Array<{
        name: string;
        source: string | null;
      }>
    ).map((r) => [r.name, r.source]),
  );

/** Two categories the user has taught by example. */
function teach(): void {
  store.createCategory('Dev', 'productive');
  store.createCategory('Chat', 'neutral');
  use('Forge', ['store.ts — time-audit', 'main.py — api-server'], 40);
  use('Anvil', ['zones.ts — time-audit', 'Cargo.toml — cli'], 40);
  use('Parrot', ['#general — Acme', 'Alex Kim (DM) — Acme'], 40);
  use('Pigeon', ['#random — Acme', 'Alex Kim (DM)'], 40);
  for (const app of ['Forge', 'Anvil']) store.setSubjectCategory('app', app, 'Dev');
  for (const app of ['Parrot', 'Pigeon']) store.setSubjectCategory('app', app, 'Chat');
}

describe('suggestions', () => {
  it('are offered for uncategorized subjects with recent time only, most time first, and never applied', () => {
    teach();
    use('Hammer', ['report.ts — time-audit', 'main.py — api-server'], 30);
    use('Crow', ['#general — Acme'], 10);
    use('Mystery', ['qwerty'], 20); // nothing the model has seen: no suggestion
    use('Firefox', ['time-audit — Mozilla Firefox'], 20); // a browser: its time belongs to its sites
    use('Refused', ['store.ts — time-audit'], 20);
    store.setSubjectCategory('app', 'Refused', null); // "no category" is the user's choice
    use('Stale', ['store.ts — time-audit'], 20, NOW - 40 * DAY); // no time in the last 30 days

    const reportBefore = store.report(YEAR); // brings the rollups, and the subjects, up to date
    const subjectsBefore = store.db.prepare('SELECT * FROM subjects ORDER BY id').all();
    const suggestions = store.suggestions();
    expect(suggestions).toEqual([
      {
        kind: 'app',
        name: 'Hammer',
        category: 'Dev',
        productivity: 'productive',
        confidence: expect.any(Number),
        recent_ms: 30 * M,
      },
      {
        kind: 'app',
        name: 'Crow',
        category: 'Chat',
        productivity: 'neutral',
        confidence: expect.any(Number),
        recent_ms: 10 * M,
      },
    ]);
    for (const s of suggestions) {
      expect(s.confidence).toBeGreaterThanOrEqual(0.5);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(store.db.prepare('SELECT * FROM subjects ORDER BY id').all()).toEqual(subjectsBefore);
    expect(store.report(YEAR)).toEqual(reportBefore);
    expect(categoryOf()).toMatchObject({ Hammer: null, Crow: null });
  });

  it('disappear once accepted, and the accepted one is learned from', () => {
    teach();
    use('Hammer', ['report.ts — time-audit'], 30);
    use('Crow', ['#general — Acme'], 10);
    const [first] = store.suggestions();
    expect(first).toMatchObject({ name: 'Hammer', category: 'Dev' });
    store.setSubjectCategory(first!.kind, first!.name, first!.category);
    expect(store.suggestions().map((s) => s.name)).toEqual(['Crow']);
    expect(categoryOf()).toMatchObject({ Hammer: 'Dev', Crow: null });
  });

  it('learn from the user’s choices and rules, never from the built-in defaults', () => {
    store.createCategory('Dev', 'productive');
    use('Visual Studio Code', ['store.ts — time-audit'], 30); // Development by default
    use('Xcode', ['zones.ts — time-audit'], 30); // Development by default too
    use('Hammer', ['report.ts — time-audit'], 30);
    use('Parrot', ['#general — Acme'], 10);
    expect(store.suggestions()).toEqual([]); // nothing the user taught

    store.createCategory('Chat', 'neutral');
    store.createRule({ field: 'app', match: 'exact', pattern: 'Parrot', category: 'Chat' });
    store.setSubjectCategory('app', 'Visual Studio Code', 'Dev');
    expect(sourceOf()).toMatchObject({ Parrot: 'rule', 'Visual Studio Code': 'user', Xcode: 'default' });
    expect(store.suggestions()).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Dev' })]);
  });

  it('learn a title rule’s subject from its pattern, and never suggest one', () => {
    store.createCategory('Dev', 'productive');
    store.createCategory('Chat', 'neutral');
    use('Forge', ['store.ts — time-audit', 'main.py — api-server'], 40);
    use('Anvil', ['zones.ts — time-audit'], 40);
    use('Parrot', ['#general — Acme'], 40);
    for (const app of ['Forge', 'Anvil']) store.setSubjectCategory('app', app, 'Dev');
    store.setSubjectCategory('app', 'Parrot', 'Chat');
    const rule = store.createRule({
      field: 'title',
      match: 'contains',
      pattern: 'standup',
      category: 'Chat',
    });
    use('Forge', ['Standup notes'], 20); // "Forge — standup", in Chat by the rule
    use('Huddle', ['daily standup — Acme'], 10); // "Huddle — standup"
    use('Standup Bot', ['Reminders'], 15); // uncategorized: what the rule taught applies to it
    expect(categoryOf()).toMatchObject({ 'Forge — standup': 'Chat', 'Huddle — standup': 'Chat' });
    expect(sourceOf()).toMatchObject({ 'Forge — standup': 'rule', 'Huddle — standup': 'rule' });
    expect(store.suggestions()).toEqual([
      expect.objectContaining({ name: 'Standup Bot', category: 'Chat', recent_ms: 15 * M }),
    ]);
    // Once the rule is gone its subjects have no category and no time: nothing to suggest for them. Their
    // time is the apps' again (Huddle is uncategorized).
    store.deleteRule(rule.id);
    expect(sourceOf()).toMatchObject({ 'Forge — standup': null, 'Huddle — standup': null });
    const after = store.suggestions().map((s) => s.name);
    expect(after).toContain('Huddle');
    expect(after.filter((name) => name.includes(' — '))).toEqual([]);
    expect(categoryOf()).not.toHaveProperty('Forge — standup');
  });

  it('stay the same while nothing they learn from changes, and follow a changed categorization at once', () => {
    teach();
    use('Hammer', ['report.ts — time-audit'], 30);
    const first = store.suggestions();
    expect(first).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Dev', recent_ms: 30 * M })]);
    expect(store.suggestions()).toEqual(first);
    use('Hammer', ['report.ts — time-audit'], 30); // more of the same: only the time grows
    expect(store.suggestions()).toEqual([{ ...first[0]!, recent_ms: 60 * M }]);

    // The user teaches the other way round: the same subject is now suggested the other category.
    for (const app of ['Forge', 'Anvil']) store.setSubjectCategory('app', app, 'Chat');
    for (const app of ['Parrot', 'Pigeon']) store.setSubjectCategory('app', app, 'Dev');
    expect(store.suggestions()).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Chat' })]);
    // Rules teach as the user does: back to the first way round, by rules this time.
    for (const [app, category] of [
      ['Forge', 'Dev'],
      ['Anvil', 'Dev'],
      ['Parrot', 'Chat'],
      ['Pigeon', 'Chat'],
    ] as const) {
      store.createRule({ field: 'app', match: 'exact', pattern: app, category });
      store.resetSubjectCategory('app', app); // the user's word would stand over a rule
    }
    expect(sourceOf()).toMatchObject({ Forge: 'rule', Anvil: 'rule', Parrot: 'rule', Pigeon: 'rule' });
    expect(store.suggestions()).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Dev' })]);
  });

  it('include a subject first seen since the last ones, judged by its titles', () => {
    teach();
    use('Hammer', ['report.ts — time-audit'], 30);
    expect(store.suggestions().map((s) => s.name)).toEqual(['Hammer']);
    use('Crow', ['#general — Acme', 'Alex Kim (DM) — Acme'], 10);
    expect(store.suggestions()).toEqual([
      expect.objectContaining({ name: 'Hammer', category: 'Dev' }),
      expect.objectContaining({ name: 'Crow', category: 'Chat', recent_ms: 10 * M }),
    ]);
  });

  it('follow a categorization changed by another process on the same database', () => {
    teach();
    use('Hammer', ['report.ts — time-audit'], 30);
    expect(store.suggestions()).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Dev' })]);
    const other = Store.open({ file, now: () => NOW }); // e.g. the CLI while the daemon runs
    try {
      for (const app of ['Forge', 'Anvil']) other.setSubjectCategory('app', app, 'Chat');
      for (const app of ['Parrot', 'Pigeon']) other.setSubjectCategory('app', app, 'Dev');
    } finally {
      other.close();
    }
    expect(store.suggestions()).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Chat' })]);
  });

  it('read their subjects and titles through indexes', () => {
    const plan = (sql: string) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan(CANDIDATES_SQL)).toMatch(
      /SEARCH slot_subjects USING (COVERING )?INDEX slot_subjects_by_subject/,
    );
    expect(plan(TITLES_SQL)).toMatch(/SCAN window_events USING INDEX window_events_by_start/);
    expect(plan(TITLES_SQL)).not.toMatch(/TEMP B-TREE/);
  });
});

describe('precedence: user > rule > default > suggestion', () => {
  it('decides each subject by the strongest source it has, in reports and rollups alike', () => {
    store.createCategory('Tools', 'neutral');
    store.createCategory('Mine', 'productive');
    store.createCategory('Fun', 'unproductive');
    // A rule before its subject is first seen: the new subject starts in the rule's category.
    store.createRule({ field: 'app', match: 'contains', pattern: 'forge', category: 'Tools' });
    use('Visual Studio Code', ['store.ts — time-audit'], 60); // default only
    use('Forge', ['deploy — pipeline', 'build log — pipeline'], 30); // rule
    use('Anvil', ['sketch.png — canvas'], 20); // user
    use('Forgery Helper', ['deploy — pipeline'], 5); // the same rule
    use('Hammer', ['build log — pipeline'], 10); // a suggestion only
    visit('gist.github.com', 15); // a default now, and a rule later
    store.setSubjectCategory('app', 'Anvil', 'Mine');

    expect(categoryOf()).toEqual({
      'Visual Studio Code': 'Development',
      Forge: 'Tools',
      Anvil: 'Mine',
      'Forgery Helper': 'Tools',
      Hammer: null,
      'gist.github.com': 'Development',
    });
    expect(sourceOf()).toMatchObject({
      'Visual Studio Code': 'default',
      Forge: 'rule',
      Anvil: 'user',
      Hammer: null,
      'gist.github.com': 'default',
    });
    expect(store.suggestions()).toEqual([expect.objectContaining({ name: 'Hammer', category: 'Tools' })]);

    // A rule and a default: the rule wins, for the time already counted too.
    const rule = store.createRule({
      field: 'domain',
      match: 'domain',
      pattern: 'github.com',
      category: 'Mine',
    });
    expect(categoryOf()['gist.github.com']).toBe('Mine');
    const byCategory = () => Object.fromEntries(store.report(YEAR).categories.map((c) => [c.name, c.ms / M]));
    expect(byCategory()).toEqual({ Development: 60, Tools: 35, Mine: 35, null: 10 });

    // The user's choice wins over the rule; forgetting it goes back to the rule; without the rule, the default.
    store.setSubjectCategory('domain', 'gist.github.com', 'Fun');
    expect(byCategory()).toMatchObject({ Mine: 20, Fun: 15 });
    expect(store.resetSubjectCategory('domain', 'gist.github.com')).toMatchObject({ category: 'Mine' });
    expect(sourceOf()['gist.github.com']).toBe('rule');
    expect(store.deleteRule(rule.id)).toEqual({ id: rule.id, deleted: true, undo: expect.any(String) });
    expect(categoryOf()['gist.github.com']).toBe('Development');
    expect(sourceOf()['gist.github.com']).toBe('default');
    expect(byCategory()).toEqual({ Development: 75, Tools: 35, Mine: 20, null: 10 });

    // Changing a rule moves what it decided, and leaves the user's choices alone.
    store.setSubjectCategory('app', 'Forgery Helper', 'Fun');
    const forge = store.listRules()[0]!;
    store.updateRule(forge.id, { category: 'Mine' });
    expect(categoryOf()).toMatchObject({ Forge: 'Mine', 'Forgery Helper': 'Fun' });
    store.updateRule(forge.id, { match: 'exact', pattern: 'Forgery Helper' });
    expect(categoryOf()).toMatchObject({ Forge: null, 'Forgery Helper': 'Fun' });
  });

  it('keeps rules ahead of the defaults when a new default database is applied', () => {
    store.createCategory('Mine', 'productive');
    use('Visual Studio Code', ['store.ts — time-audit'], 60);
    use('Xcode', ['store.ts — time-audit'], 10);
    store.createRule({ field: 'app', match: 'exact', pattern: 'visual studio code', category: 'Mine' });
    store.db.prepare(`UPDATE app_meta SET value = '0' WHERE key = 'default_categories'`).run();
    store.close();
    store = Store.open({ file, now: () => NOW });
    expect(categoryOf()).toEqual({ 'Visual Studio Code': 'Mine', Xcode: 'Development' });
    expect(sourceOf()).toEqual({ 'Visual Studio Code': 'rule', Xcode: 'default' });
  });

  it('refuses a bad rule change whole, and goes on matching with the rules as stored', () => {
    store.createCategory('Mine', 'productive');
    use('Forge', ['x'], 10);
    const rule = store.createRule({ field: 'app', match: 'exact', pattern: 'Forge', category: 'Mine' });
    expect(() => store.updateRule(rule.id, { pattern: 'Other', category: 'Nope' })).toThrow(
      /no category named/,
    );
    expect(categoryOf()).toEqual({ Forge: 'Mine' });
    expect(store.listRules()).toEqual([rule]);
    use('Forge 2', ['x'], 10);
    store.createRule({ field: 'app', match: 'exact', pattern: 'Forge 2', category: 'Mine' });
    expect(categoryOf()).toEqual({ Forge: 'Mine', 'Forge 2': 'Mine' });
  });
});
