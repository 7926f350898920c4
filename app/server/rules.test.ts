/**
 * The rule and suggestion endpoints over real HTTP against a real Store: bad rules are refused with the field
 * at fault and store nothing, a rule recategorizes what it matches, and suggestions are only read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../shared/planning.ts';
import type { Report } from '../shared/report.ts';
import { browserEvent, startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const json = { 'content-type': 'application/json' };
let t: StoreServer;

beforeAll(async () => {
  t = await startStoreServer(NOW);
  for (const [name, productivity] of [
    ['Reading', 'productive'],
    ['Leisure', 'unproductive'],
  ])
    await send('POST', '/v1/categories', { name, productivity });
});
afterAll(() => t?.close());

const send = (method: string, path: string, body?: unknown) =>
  t.call(body === undefined ? { method, path } : { method, path, headers: json, body: JSON.stringify(body) });
const rules = async () => (await t.call({ path: '/v1/rules' })).json as Rule[];
const ruleCount = () => t.store.db.prepare('SELECT count(*) FROM rules').pluck().get() as number;

function expectError(res: RawResponse, status: number, code: string, field: string | undefined): void {
  expect(res.status).toBe(status);
  const error = (res.json as { error: { code: string; message: string; field?: string } }).error;
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
  expect(error.message.length).toBeGreaterThan(5);
}

describe('rules over HTTP', () => {
  it('creates, lists, moves, changes and deletes rules', async () => {
    const created = await send('POST', '/v1/rules', {
      field: 'domain',
      match: 'domain',
      pattern: 'wikipedia.org',
      category: 'Reading',
    });
    expect(created.status).toBe(201);
    const wiki = created.json as Rule;
    expect(wiki).toEqual({
      id: expect.any(Number),
      position: 0,
      field: 'domain',
      match: 'domain',
      pattern: 'wikipedia.org',
      category: 'Reading',
      productivity: 'productive',
    });
    const games = (
      await send('POST', '/v1/rules', {
        field: 'app',
        match: 'regex',
        pattern: '^steam',
        category: 'Leisure',
      })
    ).json as Rule;
    expect(games.position).toBe(1);

    const moved = await send('PATCH', `/v1/rules/${games.id}`, { position: 0 });
    expect(moved.status).toBe(200);
    expect((await rules()).map((r) => [r.id, r.position])).toEqual([
      [games.id, 0],
      [wiki.id, 1],
    ]);
    const changed = await send('PATCH', `/v1/rules/${wiki.id}`, { match: 'contains', pattern: 'wiki' });
    expect(changed.json).toMatchObject({ match: 'contains', pattern: 'wiki', category: 'Reading' });

    for (const r of [games, wiki]) {
      const deleted = await send('DELETE', `/v1/rules/${r.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.json).toEqual({ id: r.id, deleted: true, undo: expect.any(String) });
    }
    expect(await rules()).toEqual([]);
  });

  it('recategorizes the subjects a new rule matches, subdomains included', async () => {
    await send('POST', '/v1/browser/events', {
      events: [browserEvent('r1', '2026-01-05T10:00:00Z', '2026-01-05T10:30:00Z', 'de.lexicon.example')],
    });
    const report = async () =>
      (await t.call({ path: '/v1/report?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z' })).json as Report;
    expect((await report()).subjects).toMatchObject([{ name: 'de.lexicon.example', category: null }]); // no default
    const rule = (
      await send('POST', '/v1/rules', {
        field: 'domain',
        match: 'domain',
        pattern: 'LEXICON.example',
        category: 'Reading',
      })
    ).json as Rule;
    expect((await report()).subjects).toMatchObject([{ name: 'de.lexicon.example', category: 'Reading' }]);
    expect((await report()).by_productivity.productive).toBe(30 * 60_000);
    await send('DELETE', `/v1/rules/${rule.id}`);
    expect((await report()).subjects).toMatchObject([{ name: 'de.lexicon.example', category: null }]);
  });

  it('creates a title rule, whose windows count as "<app> — <pattern>" in the rule’s category', async () => {
    const window = (id: string, app: string, title: string, start: string, end: string) => ({
      event_id: id,
      app,
      title,
      start_ts: start,
      end_ts: end,
      duration_ms: Date.parse(end) - Date.parse(start),
      schema_version: 1,
    });
    await send('POST', '/v1/window/events', {
      events: [
        window('t1', 'Code', 'PROJ-7 · Jira', '2026-01-02T09:00:00Z', '2026-01-02T09:20:00Z'),
        window('t2', 'Code', 'main.ts', '2026-01-02T09:20:00Z', '2026-01-02T10:00:00Z'),
      ],
    });
    const created = await send('POST', '/v1/rules', {
      field: 'title',
      match: 'contains',
      pattern: ' Jira ',
      category: 'Reading',
    });
    expect(created.status).toBe(201);
    const rule = created.json as Rule;
    expect(rule).toMatchObject({ field: 'title', match: 'contains', pattern: 'Jira', category: 'Reading' });
    const report = async () =>
      (await t.call({ path: '/v1/report?from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z' })).json as Report;
    expect((await report()).subjects).toEqual([
      { kind: 'app', name: 'Code', ms: 40 * 60_000, category: 'Development', productivity: 'productive' },
      { kind: 'app', name: 'Code — Jira', ms: 20 * 60_000, category: 'Reading', productivity: 'productive' },
    ]);
    const regex = await send('PATCH', `/v1/rules/${rule.id}`, { match: 'regex', pattern: '\\.ts$' });
    expect(regex.json).toMatchObject({ field: 'title', match: 'regex', pattern: '\\.ts$' });
    expect((await report()).subjects.map((s) => [s.name, s.ms, s.category])).toEqual([
      ['Code — \\.ts$', 40 * 60_000, 'Reading'],
      ['Code', 20 * 60_000, 'Development'],
    ]);
    await send('DELETE', `/v1/rules/${rule.id}`);
    expect((await report()).subjects.map((s) => [s.name, s.ms])).toEqual([['Code', 60 * 60_000]]);
  });

  it('refuses a title rule that matches by domain or exact name, with a message saying what it takes', async () => {
    const before = ruleCount();
    for (const match of ['domain', 'exact']) {
      const res = await send('POST', '/v1/rules', {
        field: 'title',
        match,
        pattern: 'jira',
        category: 'Reading',
      });
      expectError(res, 400, 'validation_failed', 'match');
      expect((res.json as { error: { message: string } }).error.message).toBe(
        `match: a rule on window titles matches by contains or regex, not ${match}`,
      );
    }
    const rule = (
      await send('POST', '/v1/rules', { field: 'app', match: 'exact', pattern: 'Code', category: 'Reading' })
    ).json as Rule;
    // A patch that makes an exact app rule a title rule leaves field and match apart.
    expectError(
      await send('PATCH', `/v1/rules/${rule.id}`, { field: 'title' }),
      400,
      'validation_failed',
      'match',
    );
    await send('DELETE', `/v1/rules/${rule.id}`);
    expect(ruleCount()).toBe(before);
  });

  it('refuses a bad regex, a match the field does not allow, an unknown key; storing nothing', async () => {
    const before = ruleCount();
    const rule = { field: 'app', match: 'exact', pattern: 'Code', category: 'Reading' };
    expectError(
      await send('POST', '/v1/rules', { ...rule, match: 'regex', pattern: '([a-z' }),
      400,
      'validation_failed',
      'pattern',
    );
    expectError(
      await send('POST', '/v1/rules', { ...rule, match: 'domain' }),
      400,
      'validation_failed',
      'match',
    );
    expectError(
      await send('POST', '/v1/rules', { ...rule, field: 'domain' }),
      400,
      'validation_failed',
      'match',
    );
    expectError(
      await send('POST', '/v1/rules', { ...rule, field: 'window' }),
      400,
      'validation_failed',
      'field',
    );
    expectError(
      await send('POST', '/v1/rules', { ...rule, pattern: '   ' }),
      400,
      'validation_failed',
      'pattern',
    );
    expectError(
      await send('POST', '/v1/rules', { ...rule, position: -1 }),
      400,
      'validation_failed',
      'position',
    );
    expectError(await send('POST', '/v1/rules', { ...rule, extra: 1 }), 400, 'validation_failed', undefined);
    expect(ruleCount()).toBe(before);
  });

  it('refuses an unknown category and a patch that would break a rule; the rule stays as it was', async () => {
    const before = ruleCount();
    expectError(
      await send('POST', '/v1/rules', { field: 'app', match: 'exact', pattern: 'Code', category: 'Nope' }),
      400,
      'unknown_category',
      'category',
    );
    expect(ruleCount()).toBe(before);
    const rule = (
      await send('POST', '/v1/rules', { field: 'app', match: 'exact', pattern: 'Code', category: 'Reading' })
    ).json as Rule;
    expectError(
      await send('PATCH', `/v1/rules/${rule.id}`, { category: 'Nope' }),
      400,
      'unknown_category',
      'category',
    );
    // The patch alone is valid; with the rule's match ('exact') it is not.
    expectError(
      await send('PATCH', `/v1/rules/${rule.id}`, { field: 'domain' }),
      400,
      'validation_failed',
      'match',
    );
    expectError(
      await send('PATCH', `/v1/rules/${rule.id}`, { match: 'regex', pattern: '*' }),
      400,
      'validation_failed',
      'pattern',
    );
    expectError(await send('PATCH', `/v1/rules/${rule.id}`, {}), 400, 'validation_failed', undefined);
    expect((await rules()).find((r) => r.id === rule.id)).toEqual(rule);
    await send('DELETE', `/v1/rules/${rule.id}`);
  });

  it('answers 404 for a rule that does not exist', async () => {
    expectError(await send('PATCH', '/v1/rules/9999', { pattern: 'x' }), 404, 'not_found', 'id');
    expectError(await send('DELETE', '/v1/rules/9999'), 404, 'not_found', 'id');
    expectError(await send('PATCH', '/v1/rules/abc', { pattern: 'x' }), 400, 'validation_failed', 'id');
  });
});

describe('suggestions over HTTP', () => {
  const windowEvent = (id: string, app: string, title: string, startMinute: number) => ({
    event_id: id,
    app,
    title,
    start_ts: new Date(Date.parse('2026-01-04T09:00:00Z') + startMinute * 60_000).toISOString(),
    end_ts: new Date(Date.parse('2026-01-04T09:10:00Z') + startMinute * 60_000).toISOString(),
    duration_ms: 600_000,
    schema_version: 1,
  });

  it('proposes a category learned from the user’s choices, changes nothing, and drops it once accepted', async () => {
    await send('POST', '/v1/window/events', {
      events: [
        windowEvent('s1', 'Lectern', 'Chapter 3 — Dune (epub)', 0),
        windowEvent('s2', 'Folio', 'Chapter 1 — Emma (epub)', 10),
        windowEvent('s3', 'Arcade', 'Level 4 — Boss fight', 20),
        windowEvent('s4', 'Joystick', 'Level 2 — Boss rush', 30),
        windowEvent('s5', 'Pager', 'Chapter 7 — Dune (epub)', 40),
      ],
    });
    for (const [app, category] of [
      ['Lectern', 'Reading'],
      ['Folio', 'Reading'],
      ['Arcade', 'Leisure'],
      ['Joystick', 'Leisure'],
    ])
      await send('PUT', `/v1/subjects/app/${app}/category`, { category });

    const res = await t.call({ path: '/v1/suggestions' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      {
        kind: 'app',
        name: 'Pager',
        category: 'Reading',
        productivity: 'productive',
        confidence: expect.any(Number),
        recent_ms: 600_000,
      },
    ]);
    const pager = () =>
      t.store.db.prepare(`SELECT category_id FROM subjects WHERE name = 'Pager'`).pluck().get();
    expect(pager()).toBeNull();

    await send('PUT', '/v1/subjects/app/Pager/category', { category: 'Reading' });
    expect((await t.call({ path: '/v1/suggestions' })).json).toEqual([]);
    expect(pager()).not.toBeNull();
    expect((await t.call({ path: '/v1/suggestions', headers: { authorization: null } })).status).toBe(401);
  });
});
