/**
 * Routes derived from the `api` map: validation failures name their field and change nothing, valid requests reach
 * the store in parsed form (epoch ms, normalized domains), and the batch endpoints check each event on its own.
 * Runs over real HTTP against the real Store on a temporary SQLite file; the tests share it, so each one uses its
 * own names, event ids and days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { api } from '../shared/api/index.ts';
import { MAX_BATCH_EVENTS } from '../shared/events.ts';
import type { Category, Report, SubjectTotal } from '../shared/report.ts';
import type { Store } from '../db/store.ts';
import { browserEvent, startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const json = { 'content-type': 'application/json' };
let store: Store;
let t: StoreServer;

beforeAll(async () => {
  t = await startStoreServer(NOW);
  store = t.store;
});
afterAll(() => t?.close());

const TABLES = ['categories', 'subjects', 'window_events', 'browser_events', 'idle_events', 'zones'] as const;

/** Row counts of the tables a request could write to. */
function rowCounts(): Record<(typeof TABLES)[number], number> {
  const count = (table: string): number =>
    store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return Object.fromEntries(TABLES.map((table) => [table, count(table)])) as ReturnType<typeof rowCounts>;
}

function eventIds(table: 'window_events' | 'browser_events' | 'idle_events', prefix: string): string[] {
  return store.db
    .prepare(`SELECT event_id FROM ${table} WHERE event_id LIKE ? ORDER BY event_id`)
    .pluck()
    .all(`${prefix}%`) as string[];
}

async function report(query: string): Promise<Report> {
  const res = await t.call({ path: `/v1/report?${query}` });
  expect(res.status).toBe(200);
  return res.json as Report;
}

function send(method: string, path: string, body: unknown): Promise<RawResponse> {
  return t.call({ method, path, headers: json, body: JSON.stringify(body) });
}

function expectInvalid(res: RawResponse, field: string | undefined): void {
  expect(res.status).toBe(400);
  const error = (res.json as { error: { code: string; message: string; field?: string } }).error;
  expect(error.code).toBe('validation_failed');
  expect(error.field).toBe(field);
  expect(error.message.length).toBeGreaterThan(5);
}

describe('the routes follow the api map', () => {
  it('registers every entry with its method and path', () => {
    for (const spec of Object.values(api)) {
      expect(
        t.server.app.hasRoute({ method: spec.method, url: spec.path }),
        `${spec.method} ${spec.path}`,
      ).toBe(true);
    }
  });

  it('answers createCategory with 201 and the stored category, trimmed, which is then listed', async () => {
    const res = await send('POST', '/v1/categories', { name: ' Work ', productivity: 'productive' });
    expect(res.status).toBe(201);
    const created = res.json as Category;
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'Work',
      productivity: 'productive',
      colour: null,
    });
    const list = await t.call({ path: '/v1/categories' });
    expect(list.json).toContainEqual(created);
  });

  it('passes PATCH /v1/categories/:id to updateCategory with a numeric id', async () => {
    const created = (await send('POST', '/v1/categories', { name: 'Standups', productivity: 'productive' }))
      .json as Category;
    const res = await send('PATCH', `/v1/categories/${created.id}`, { productivity: 'neutral' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: created.id, name: 'Standups', productivity: 'neutral', colour: null });
    expect((await t.call({ path: '/v1/categories' })).json).toContainEqual(res.json);
    // A leading zero is the same number: the id reaches the store parsed, not as text.
    const padded = await send('PATCH', `/v1/categories/0${created.id}`, { name: 'Calls' });
    expect(padded.json).toEqual({ id: created.id, name: 'Calls', productivity: 'neutral', colour: null });
  });

  it('normalizes the domain of PUT /v1/subjects/domain/:name/category', async () => {
    await send('POST', '/v1/categories', { name: 'Reading', productivity: 'productive' });
    const upload = await send('POST', '/v1/browser/events', {
      events: [browserEvent('n-1', '2026-01-03T10:00:00Z', '2026-01-03T10:30:00Z', 'GitHub.com')],
    });
    expect(upload.json).toMatchObject({ accepted: 1 });

    const res = await send('PUT', '/v1/subjects/domain/GitHub.COM./category', { category: 'Reading' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      kind: 'domain',
      name: 'github.com',
      category: 'Reading',
      productivity: 'productive',
    });
    // The uploaded time and the recategorized subject are the same one: the report shows it categorized.
    const day = await report('from=2026-01-03T00:00:00Z&to=2026-01-04T00:00:00Z');
    expect(day.subjects).toEqual([
      {
        kind: 'domain',
        name: 'github.com',
        ms: 30 * 60_000,
        category: 'Reading',
        productivity: 'productive',
      },
    ]);
    expect(day.by_productivity.productive).toBe(30 * 60_000);
  });

  it('accepts a long app name in the path', async () => {
    const name = 'A'.repeat(200);
    const res = await send('PUT', `/v1/subjects/app/${name}/category`, { category: null });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ kind: 'app', name, category: null, productivity: 'uncategorized' });
    const stored = store.db.prepare(`SELECT name FROM subjects WHERE kind = 'app'`).pluck().all();
    expect(stored).toContain(name);
  });

  it('converts the report range to epoch ms and passes tz and limit', async () => {
    const events = Array.from({ length: 7 }, (_, i) =>
      browserEvent(`r-${i}`, `2026-01-05T0${i}:00:00Z`, `2026-01-05T0${i}:10:00Z`, `site${i}.example`),
    );
    expect((await send('POST', '/v1/browser/events', { events })).json).toMatchObject({ accepted: 7 });

    const res = await report(
      'from=2026-01-05T00:00:00%2B01:00&to=2026-01-06T00:00:00Z&tz=Europe/Paris&limit=5',
    );
    expect(res).toMatchObject({
      from: '2026-01-04T23:00:00.000Z',
      to: '2026-01-06T00:00:00.000Z',
      tz: 'Europe/Paris',
    });
    expect(res.subjects).toHaveLength(5);
    expect(res.total_ms).toBeGreaterThanOrEqual(7 * 10 * 60_000);
  });

  it('defaults the report tz to UTC and lists every subject without a limit', async () => {
    const events = Array.from({ length: 7 }, (_, i) =>
      browserEvent(`d-${i}`, `2026-01-02T0${i}:00:00Z`, `2026-01-02T0${i}:10:00Z`, `day${i}.example`),
    );
    expect((await send('POST', '/v1/browser/events', { events })).json).toMatchObject({ accepted: 7 });
    const res = await report('from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z');
    expect(res.tz).toBe('UTC');
    expect(res.subjects.map((s: SubjectTotal) => s.name).sort()).toEqual(events.map((e) => e.domain));
  });
});

describe('validation failures are 400 validation_failed naming the field, and change nothing', () => {
  // A report that reaches the store records its zone (a whole local day is read from the zone rollups), so a
  // zone used nowhere else shows whether a refused report got through.
  const FRESH_TZ = 'Africa/Abidjan';

  it.each([
    ['a bad from', '/v1/report?from=yesterday&to=2026-01-06T00:00:00Z', 'from'],
    ['a missing to', '/v1/report?from=2026-01-05T00:00:00Z', 'to'],
    ['to before from', '/v1/report?from=2026-01-06T00:00:00Z&to=2026-01-05T00:00:00Z', 'to'],
    ['a zero limit', '/v1/report?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&limit=0', 'limit'],
    ['a repeated from', '/v1/report?from=2026-01-05T00:00:00Z&from=x&to=2026-01-06T00:00:00Z', 'from'],
    ['a range over 100 years', '/v1/report?from=1900-01-01T00:00:00Z&to=2026-01-06T00:00:00Z', 'to'],
  ])('GET /v1/report with %s', async (_label, path, field) => {
    const before = rowCounts();
    expectInvalid(await t.call({ path: `${path}&tz=${FRESH_TZ}` }), field);
    expect(rowCounts()).toEqual(before);
  });

  it('records the zone of a valid report, so the checks above can fail', async () => {
    const before = rowCounts();
    await report(`from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&tz=${FRESH_TZ}`);
    expect(rowCounts()).toEqual({ ...before, zones: before.zones + 1 });
  });

  it('a non-numeric category id', async () => {
    const before = rowCounts();
    expectInvalid(await send('PATCH', '/v1/categories/abc', { name: 'x' }), 'id');
    expect(rowCounts()).toEqual(before);
  });

  it('an empty patch', async () => {
    const created = (await send('POST', '/v1/categories', { name: 'Untouched', productivity: 'neutral' }))
      .json as Category;
    expectInvalid(await send('PATCH', `/v1/categories/${created.id}`, {}), undefined);
    expect(store.listCategories()).toContainEqual(created);
  });

  it('an empty category name, an unknown productivity, an unknown key', async () => {
    const before = rowCounts();
    expectInvalid(await send('POST', '/v1/categories', { name: '  ', productivity: 'productive' }), 'name');
    expectInvalid(await send('POST', '/v1/categories', { name: 'x', productivity: 'great' }), 'productivity');
    expectInvalid(
      await send('POST', '/v1/categories', { name: 'x', productivity: 'neutral', id: 1 }),
      undefined,
    );
    expectInvalid(await send('POST', '/v1/categories', ['x']), undefined);
    expect(rowCounts()).toEqual(before);
  });

  it('a subject that is not a hostname, or an unknown kind', async () => {
    const before = rowCounts();
    expectInvalid(
      await send('PUT', '/v1/subjects/domain/not%20a%20host/category', { category: null }),
      'name',
    );
    expectInvalid(await send('PUT', '/v1/subjects/file/x/category', { category: null }), 'kind');
    expect(rowCounts()).toEqual(before);
  });

  it('a batch whose envelope is wrong stores nothing', async () => {
    const before = rowCounts();
    const good = browserEvent('env-1', '2026-01-05T10:00:00Z', '2026-01-05T10:05:00Z');
    expectInvalid(await send('POST', '/v1/browser/events', { events: 'x' }), 'events');
    expectInvalid(await send('POST', '/v1/browser/events', [good]), undefined);
    // One storable event ahead of filler: the whole batch is refused, not checked event by event.
    const tooMany = { events: [good, ...Array.from({ length: MAX_BATCH_EVENTS }, () => 0)] };
    expectInvalid(await send('POST', '/v1/browser/events', tooMany), 'events');
    expect(rowCounts()).toEqual(before);
  });
});

describe('batch endpoints check each event and store the good ones', () => {
  it('stores 2 of 3 browser events and lists the bad one by index; a repeat counts as duplicates', async () => {
    const events = [
      browserEvent('b-1', '2026-01-05T10:00:00Z', '2026-01-05T10:05:00Z'),
      browserEvent('b-2', '2026-01-05T10:10:00Z', '2026-01-05T10:09:00Z'),
      browserEvent('b-3', '2026-01-05T10:10:00Z', '2026-01-05T10:20:00Z', 'News.Example.com'),
    ];
    const first = await send('POST', '/v1/browser/events', { events });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 1, code: 'end_before_start', message: expect.any(String) }],
    });
    const stored = store.db
      .prepare(`SELECT event_id, domain, start_ms, end_ms FROM browser_events WHERE event_id LIKE 'b-%'`)
      .all();
    expect(stored).toEqual([
      {
        event_id: 'b-1',
        domain: 'github.com',
        start_ms: Date.parse('2026-01-05T10:00:00Z'),
        end_ms: Date.parse('2026-01-05T10:05:00Z'),
      },
      {
        event_id: 'b-3',
        domain: 'news.example.com',
        start_ms: Date.parse('2026-01-05T10:10:00Z'),
        end_ms: Date.parse('2026-01-05T10:20:00Z'),
      },
    ]);

    const again = await send('POST', '/v1/browser/events', { events });
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(eventIds('browser_events', 'b-')).toEqual(['b-1', 'b-3']);
  });

  it('judges the future by the injected clock', async () => {
    const soon = new Date(NOW + 60_000).toISOString();
    const late = new Date(NOW + 10 * 60_000).toISOString();
    const res = await send('POST', '/v1/idle/events', {
      events: [
        {
          event_id: 'i-1',
          start_ts: new Date(NOW).toISOString(),
          end_ts: soon,
          duration_ms: 60_000,
          schema_version: 1,
        },
        { event_id: 'i-2', start_ts: soon, end_ts: late, duration_ms: 9 * 60_000, schema_version: 1 },
      ],
    });
    expect(res.json).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 1, code: 'in_future', message: expect.any(String) }],
    });
    expect(eventIds('idle_events', 'i-')).toEqual(['i-1']);
  });

  it('sends window events to the window source and stores nothing when all are bad', async () => {
    const ok = {
      event_id: 'w-1',
      app: 'Code',
      title: 'main.ts',
      start_ts: '2026-01-05T09:00:00Z',
      end_ts: '2026-01-05T09:30:00Z',
      duration_ms: 30 * 60_000,
      schema_version: 1,
    };
    expect((await send('POST', '/v1/window/events', { events: [ok] })).json).toMatchObject({ accepted: 1 });
    expect(eventIds('window_events', 'w-')).toEqual(['w-1']);
    expect(eventIds('browser_events', 'w-')).toEqual([]);
    expect(eventIds('idle_events', 'w-')).toEqual([]);

    const before = rowCounts();
    const res = await send('POST', '/v1/window/events', {
      events: [null, 7, { ...ok, event_id: 'w-2', schema_version: 2 }],
    });
    expect(res.json).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [
        { index: 0, code: 'invalid_event', message: expect.any(String) },
        { index: 1, code: 'invalid_event', message: expect.any(String) },
        { index: 2, code: 'unsupported_schema_version', message: expect.any(String) },
      ],
    });
    expect(rowCounts()).toEqual(before);
  });
});

describe('bad input never yields a 5xx', () => {
  const paths = Object.values(api).map((spec) =>
    spec.path.replace(':id', '1').replace(':kind/:name', 'app/x'),
  );

  it('for any JSON body on any endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('POST', 'PUT', 'PATCH'),
        fc.jsonValue(),
        async (path, method, body) => {
          const res = await send(method, path, body);
          expect(res.status).toBeLessThan(500);
          expect(res.json).toBeDefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for any bytes labelled as JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (body) => {
        const res = await t.call({ method: 'POST', path: '/v1/browser/events', headers: json, body });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });

  it('for any query string and path segment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string({ minLength: 1 }), async (query, segment) => {
        const q = await t.call({ path: `/v1/report?${encodeURI(query)}` });
        expect(q.status).toBeLessThan(500);
        const p = await send('PUT', `/v1/subjects/domain/${encodeURIComponent(segment)}/category`, {
          category: null,
        });
        expect(p.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
