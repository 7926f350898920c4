/**
 * Controlling categories and rules over real HTTP against a real Store: colours, renames (a name that folds to
 * another's is a conflict), deletes that reassign (or not) with the undo token they answer, the undo of any
 * delete, and a rule's preview before it is saved. Bad input gets a clear error and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../shared/report.ts';
import type { CategoryDeletion, RulePreview } from '../shared/api/index.ts';
import type { Rule } from '../shared/planning.ts';
import { browserEvent, startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const RANGE = { from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z', tz: 'UTC' };
const json = { 'content-type': 'application/json' };
let t: StoreServer;

const send = (method: string, path: string, body?: unknown) =>
  t.call(body === undefined ? { method, path } : { method, path, headers: json, body: JSON.stringify(body) });
const categories = async () => (await t.call({ path: '/v1/categories' })).json as Category[];
const byName = async (name: string) => (await categories()).find((c) => c.name === name)!;
const state = () => ({
  categories: t.store.listCategories(),
  rules: t.store.listRules(),
  subjects: t.store.db.prepare(`SELECT * FROM subjects ORDER BY id`).all(),
});

function expectError(res: RawResponse, status: number, code: string, field: string | undefined): void {
  expect(res.status).toBe(status);
  const error = (res.json as { error: { code: string; message: string; field?: string } }).error;
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
  expect(error.message.length).toBeGreaterThan(5);
}

beforeAll(async () => {
  t = await startStoreServer(NOW);
  await send('POST', '/v1/categories', { name: 'Reading', productivity: 'productive', colour: '#2563EB' });
  await send('POST', '/v1/categories', { name: 'Leisure', productivity: 'unproductive' });
  await send('POST', '/v1/browser/events', {
    events: [
      browserEvent('a', '2026-01-05T09:00:00Z', '2026-01-05T09:30:00Z', 'wiki.example'),
      browserEvent('b', '2026-01-05T09:30:00Z', '2026-01-05T09:40:00Z', 'de.wiki.example'),
      browserEvent('c', '2026-01-05T10:00:00Z', '2026-01-05T10:20:00Z', 'wikigames.example'),
      browserEvent('d', '2026-01-05T11:00:00Z', '2026-01-05T11:05:00Z', 'news.example'),
    ],
  });
  await send('PUT', '/v1/subjects/domain/wikigames.example/category', { category: 'Leisure' });
  // A report makes the subjects of the events; the checks below compare the rows from then on.
  await t.call({ path: `/v1/report?from=${RANGE.from}&to=${RANGE.to}` });
});
afterAll(() => t?.close());

describe('categories over HTTP', () => {
  it('lists the built-in categories on a fresh install, each with a colour or null', async () => {
    const list = await categories();
    expect(list.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Development', 'Email', 'Games', 'Reading']),
    );
    expect(list.find((c) => c.name === 'Reading')?.colour).toBe('#2563eb');
    expect(list.find((c) => c.name === 'Development')?.colour).toBeNull();
  });

  it('renames and recolours; refuses a name that folds to another, a bad colour, an empty patch', async () => {
    const leisure = await byName('Leisure');
    const before = state();
    expectError(
      await send('PATCH', `/v1/categories/${leisure.id}`, { name: 'READING' }),
      409,
      'conflict',
      'name',
    );
    expectError(
      await send('PATCH', `/v1/categories/${leisure.id}`, { colour: 'blue' }),
      400,
      'validation_failed',
      'colour',
    );
    expectError(
      await send('PATCH', `/v1/categories/${leisure.id}`, { colour: '#12345' }),
      400,
      'validation_failed',
      'colour',
    );
    expect((await send('PATCH', `/v1/categories/${leisure.id}`, {})).status).toBe(400);
    expectError(await send('PATCH', '/v1/categories/99999', { colour: '#000000' }), 404, 'not_found', 'id');
    expect(state()).toEqual(before);
    const changed = await send('PATCH', `/v1/categories/${leisure.id}`, { name: 'Play', colour: '#F97316' });
    expect(changed.json).toEqual({
      id: leisure.id,
      name: 'Play',
      productivity: 'unproductive',
      colour: '#f97316',
    });
    const cleared = await send('PATCH', `/v1/categories/${leisure.id}`, { name: 'Leisure', colour: null });
    expect(cleared.json).toMatchObject({ name: 'Leisure', colour: null });
  });

  it('deletes with reassign_to, says what moved, and POST /v1/undo restores it', async () => {
    const leisure = await byName('Leisure');
    const before = state();
    expectError(
      await send('DELETE', `/v1/categories/${leisure.id}?reassign_to=Nope`),
      404,
      'not_found',
      'reassign_to',
    );
    expectError(
      await send('DELETE', `/v1/categories/${leisure.id}?reassign_to=leisure`),
      400,
      'validation_failed',
      'reassign_to',
    );
    expectError(
      await send('DELETE', `/v1/categories/${leisure.id}?other=1`),
      400,
      'validation_failed',
      undefined,
    );
    expect(state()).toEqual(before);

    const res = await send(
      'DELETE',
      `/v1/categories/${leisure.id}?reassign_to=${encodeURIComponent('Social & Video')}`,
    );
    expect(res.status).toBe(200);
    const deletion = res.json as CategoryDeletion;
    expect(deletion).toMatchObject({
      reassigned_to: 'Social & Video',
      domains: 1,
      apps: 0,
      undo: expect.any(String),
    });
    expect((await categories()).map((c) => c.name)).not.toContain('Leisure');
    const report = (await t.call({ path: `/v1/report?from=${RANGE.from}&to=${RANGE.to}` })).json as {
      subjects: Array<{ name: string; category: string | null }>;
    };
    expect(report.subjects.find((s) => s.name === 'wikigames.example')?.category).toBe('Social & Video');

    expectError(await send('POST', '/v1/undo', { token: 'nope' }), 404, 'not_found', 'token');
    expect((await send('POST', '/v1/undo', {})).status).toBe(400);
    const undone = await send('POST', '/v1/undo', { token: deletion.undo });
    expect(undone.json).toEqual({ undone: true });
    expect(state()).toEqual(before);
  });
});

describe('POST /v1/rules/preview', () => {
  const preview = (body: object) => send('POST', '/v1/rules/preview', { ...RANGE, ...body });

  it('counts the subjects and time a rule would take, and lists those that keep their category', async () => {
    const before = state();
    const res = await preview({ field: 'domain', match: 'contains', pattern: 'wiki' });
    expect(res.status).toBe(200);
    const p = res.json as RulePreview;
    expect(p).toEqual({
      subjects: 2,
      ms: 40 * 60_000,
      kept: 1,
      kept_ms: 20 * 60_000,
      matches: [
        expect.objectContaining({ name: 'wiki.example', ms: 30 * 60_000, outcome: 'applies' }),
        expect.objectContaining({ name: 'wikigames.example', ms: 20 * 60_000, outcome: 'kept_by_user' }),
        expect.objectContaining({ name: 'de.wiki.example', ms: 10 * 60_000, outcome: 'applies' }),
      ],
    });
    expect(state()).toEqual(before); // a preview stores nothing
  });

  it('tells a subject an earlier rule decides, and leaves out the rule being edited', async () => {
    const rule = (
      await send('POST', '/v1/rules', {
        field: 'domain',
        match: 'domain',
        pattern: 'wiki.example',
        category: 'Reading',
      })
    ).json as Rule;
    const p = (await preview({ field: 'domain', match: 'contains', pattern: 'wiki' })).json as RulePreview;
    expect(p.matches.map((m) => [m.name, m.outcome])).toEqual([
      ['wiki.example', 'earlier_rule'],
      ['wikigames.example', 'kept_by_user'],
      ['de.wiki.example', 'earlier_rule'],
    ]);
    const first = (await preview({ field: 'domain', match: 'contains', pattern: 'wiki', position: 0 }))
      .json as RulePreview;
    expect(first.subjects).toBe(2);
    const editing = (await preview({ field: 'domain', match: 'contains', pattern: 'wiki', rule_id: rule.id }))
      .json as RulePreview;
    expect(editing.subjects).toBe(2);
    await send('DELETE', `/v1/rules/${rule.id}`);
  });

  it('refuses a bad rule or range with the field at fault', async () => {
    expectError(
      await preview({ field: 'domain', match: 'exact', pattern: 'x' }),
      400,
      'validation_failed',
      'match',
    );
    expectError(
      await preview({ field: 'app', match: 'regex', pattern: '(a' }),
      400,
      'validation_failed',
      'pattern',
    );
    expectError(
      await preview({ field: 'app', match: 'contains', pattern: '' }),
      400,
      'validation_failed',
      'pattern',
    );
    expectError(
      await preview({ field: 'title', match: 'contains', pattern: 'x' }),
      400,
      'validation_failed',
      'field',
    );
    expectError(
      await send('POST', '/v1/rules/preview', {
        field: 'app',
        match: 'contains',
        pattern: 'x',
        from: RANGE.to,
        to: RANGE.from,
      }),
      400,
      'validation_failed',
      'to',
    );
    expectError(
      await preview({ field: 'app', match: 'contains', pattern: 'x', tz: 'Mars/Base' }),
      400,
      'validation_failed',
      'tz',
    );
  });
});
