/**
 * Text the API stores, over HTTP against a real Store: category names are one name ignoring case in any script
 * (a rename to another spelling of its own name is allowed, to another category's is a conflict, never a 500),
 * and control characters are refused with a 400 naming the field in every name, label, pattern and note; in the
 * window titles and app names of events, which a machine wrote, they become spaces and the event is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Report } from '../shared/report.ts';
import { startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const json = { 'content-type': 'application/json' };
let t: StoreServer;

const send = (method: string, path: string, body: unknown) =>
  t.call({ method, path, headers: json, body: JSON.stringify(body) });
const create = async (name: string): Promise<Category> => {
  const res = await send('POST', '/v1/categories', { name, productivity: 'neutral' });
  expect(res.status).toBe(201);
  return res.json as Category;
};
const names = () => t.store.db.prepare('SELECT name FROM categories ORDER BY id').pluck().all();

function expectError(res: RawResponse, status: number, code: string, field: string | undefined): void {
  expect({ status: res.status, ...(res.json as { error: object }).error }).toMatchObject({
    status,
    code,
    field,
  });
}

beforeAll(async () => {
  t = await startStoreServer(NOW);
  await create('Sport');
});
afterAll(() => t?.close());

describe('category names ignoring case, in any script', () => {
  it('let a category be renamed to another spelling of its own name', async () => {
    const ete = await create('Été');
    const renamed = await send('PATCH', `/v1/categories/${ete.id}`, { name: 'été' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toEqual({ id: ete.id, name: 'été', productivity: 'neutral', colour: null });
    const kelvin = await create('\u212A'); // K, the Kelvin sign
    expect((await send('PATCH', `/v1/categories/${kelvin.id}`, { name: 'k' })).json).toMatchObject({
      name: 'k',
    });
    expect((await send('PATCH', `/v1/categories/${kelvin.id}`, { name: 'K' })).json).toMatchObject({
      name: 'K',
    });
  });

  it('refuse a name that is another category’s in another case, as a conflict', async () => {
    const before = names();
    for (const name of ['ÉTÉ', 'e\u0301te\u0301', '\u212A', 'k']) {
      expectError(
        await send('POST', '/v1/categories', { name, productivity: 'neutral' }),
        409,
        'conflict',
        'name',
      );
    }
    const other = await create('Straße');
    expectError(
      await send('POST', '/v1/categories', { name: 'STRASSE', productivity: 'neutral' }),
      409,
      'conflict',
      'name',
    );
    expectError(await send('PATCH', `/v1/categories/${other.id}`, { name: 'ÉtÉ' }), 409, 'conflict', 'name');
    expectError(
      await send('PATCH', `/v1/categories/${other.id}`, { name: '\u212A' }),
      409,
      'conflict',
      'name',
    );
    expect(names()).toEqual([...before, 'Straße']);
  });

  it('find a category by any spelling of its name, in rules, goals, entries and subjects', async () => {
    const rule = await send('POST', '/v1/rules', {
      field: 'app',
      match: 'contains',
      pattern: 'x',
      category: 'ÉTÉ',
    });
    expect(rule.json).toMatchObject({ category: 'été' });
    const goal = await send('POST', '/v1/goals', {
      category: 'STRASSE',
      direction: 'at_most',
      period: 'day',
      target_ms: 3_600_000,
    });
    expect(goal.json).toMatchObject({ category: 'Straße' });
    const subject = await send('PUT', '/v1/subjects/app/Steam/category', { category: 'e\u0301te\u0301' });
    expect(subject.json).toMatchObject({ category: 'été' });
  });
});

describe('control characters', () => {
  const nul = '\u0000';
  it.each([
    ['a NUL first', `${nul}Dev`],
    ['a tab inside', 'De\tv'],
    ['DEL', 'Dev\u007f'],
    ['a C1 control', 'Dev\u0085x'],
    ['an escape', '\u001b[31mDev'],
  ])('are refused in a category name (%s), a rule pattern, a label and a note', async (_what, text) => {
    const before = names();
    expectError(
      await send('POST', '/v1/categories', { name: text, productivity: 'neutral' }),
      400,
      'validation_failed',
      'name',
    );
    const cat = await create(`Cat ${Math.random()}`);
    expectError(
      await send('PATCH', `/v1/categories/${cat.id}`, { name: text }),
      400,
      'validation_failed',
      'name',
    );
    for (const match of ['contains', 'regex'])
      expectError(
        await send('POST', '/v1/rules', { field: 'title', match, pattern: text, category: 'Sport' }),
        400,
        'validation_failed',
        'pattern',
      );
    const entry = {
      label: 'Gym',
      category: 'Sport',
      start: '2026-03-01T08:00:00Z',
      end: '2026-03-01T09:00:00Z',
    };
    expectError(
      await send('POST', '/v1/manual-entries', { ...entry, label: text }),
      400,
      'validation_failed',
      'label',
    );
    expectError(
      await send('POST', '/v1/manual-entries', { ...entry, note: text }),
      400,
      'validation_failed',
      'note',
    );
    expectError(
      await send('PUT', `/v1/subjects/app/${encodeURIComponent(text)}/category`, { category: 'Sport' }),
      400,
      'validation_failed',
      'name',
    );
    expectError(
      await send('PATCH', '/v1/settings', { excluded_apps: [text] }),
      400,
      'validation_failed',
      'excluded_apps',
    );
    expect(names()).toEqual([...before, cat.name]);
    expect(t.store.db.prepare(`SELECT count(*) FROM rules WHERE pattern = ?`).pluck().get(text)).toBe(0);
    expect(t.store.db.prepare(`SELECT count(*) FROM manual_entries`).pluck().get()).toBe(0);
  });

  it('a NUL-led pattern is a 400, not the CHECK constraint’s 500', async () => {
    const res = await send('POST', '/v1/rules', {
      field: 'app',
      match: 'contains',
      pattern: `${nul}abc`,
      category: 'Sport',
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: 'validation_failed',
        message: 'pattern: control characters (such as NUL, tab or newline) are not allowed',
        field: 'pattern',
      },
    });
  });

  it('in window events become spaces, the event is kept; in a user id the event is rejected, listed', async () => {
    const window = (id: string, app: string, title: string) => ({
      event_id: id,
      app,
      title,
      start_ts: '2026-03-02T09:00:00Z',
      end_ts: '2026-03-02T09:10:00Z',
      duration_ms: 600_000,
      schema_version: 1,
    });
    const posted = await send('POST', '/v1/window/events', {
      events: [
        window('c1', 'Term\u0000inal\n', 'ssh\u001b]0;evil\u0007 host'),
        window('c2', '\u0001\u0002', 'x'),
      ],
    });
    expect(posted.json).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 1, code: 'invalid_event', message: expect.stringMatching(/^app: /) }],
    });
    expect(t.store.db.prepare(`SELECT app, title FROM window_events`).all()).toEqual([
      { app: 'Term inal', title: 'ssh ]0;evil  host' },
    ]);
    const report = (await t.call({ path: '/v1/report?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z' }))
      .json as Report;
    expect(report.subjects.map((s) => [s.name, s.ms])).toEqual([['Term inal', 600_000]]);

    const browser = await send('POST', '/v1/browser/events', {
      events: [
        {
          event_id: 'b1',
          user_id: 'u\u0000',
          domain: 'example.com',
          start_ts: '2026-03-02T10:00:00Z',
          end_ts: '2026-03-02T10:01:00Z',
          duration_ms: 60_000,
          reason_closed: 'tab_switch',
          schema_version: 1,
        },
      ],
    });
    expect(browser.json).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: 'invalid_event' }] });
  });
});
