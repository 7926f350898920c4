/**
 * End to end over real HTTP with the real Store on a temporary SQLite file: a batch upload, its duplicates and
 * the report that follows, categories, and the 413 that stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserEvent, startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const DAY = 'from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&tz=UTC';
const json = { 'content-type': 'application/json' };

describe('the API on the real Store', () => {
  let t: StoreServer;

  beforeAll(async () => {
    t = await startStoreServer(NOW);
  });
  afterAll(() => t?.close());

  const send = (method: string, url: string, body: unknown): Promise<RawResponse> =>
    t.call({ method, path: url, headers: json, body: JSON.stringify(body) });
  const totalMs = async (): Promise<number> => {
    const res = await t.call({ path: `/v1/report?${DAY}` });
    expect(res.status).toBe(200);
    return (res.json as { total_ms: number }).total_ms;
  };

  it('reports the migrated schema version on /v1/health', async () => {
    const res = await t.call({ path: '/v1/health', headers: { authorization: null } });
    expect(res.status).toBe(200);
    expect((res.json as { schema_version: number }).schema_version).toBeGreaterThan(0);
  });

  it('refuses a 2 MiB batch with 413 and stores nothing', async () => {
    const one = JSON.stringify(
      browserEvent('big-000000', '2026-01-05T08:00:00Z', '2026-01-05T08:00:01Z'),
    ).length;
    const events = Array.from({ length: Math.ceil((2 * 1_048_576) / one) }, (_, i) =>
      browserEvent(`big-${String(i).padStart(6, '0')}`, '2026-01-05T08:00:00Z', '2026-01-05T08:00:01Z'),
    );
    expect(JSON.stringify({ events }).length).toBeGreaterThan(2 * 1_048_576);
    const res = await send('POST', '/v1/browser/events', { events });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await totalMs()).toBe(0);
  });

  it('stores the good events of a batch, counts a repeat as duplicates, and reports their time', async () => {
    const events = [
      browserEvent('b-1', '2026-01-05T10:00:00Z', '2026-01-05T10:05:00Z'),
      browserEvent('b-2', '2026-01-05T10:10:00Z', '2026-01-05T10:09:00Z'),
      browserEvent('b-3', '2026-01-05T10:10:00Z', '2026-01-05T10:20:00Z'),
    ];
    const first = await send('POST', '/v1/browser/events', { events });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 1, code: 'end_before_start', message: expect.any(String) }],
    });

    const again = await send('POST', '/v1/browser/events', { events });
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 2 });

    expect(await totalMs()).toBe(5 * 60_000 + 10 * 60_000);
  });

  it('creates, lists and renames categories; a taken name is 409, an unknown id 404', async () => {
    const created = await send('POST', '/v1/categories', { name: 'Work', productivity: 'productive' });
    expect(created.status).toBe(201);
    const work = created.json as { id: number; name: string };
    expect(work).toMatchObject({ name: 'Work', productivity: 'productive' });

    const taken = await send('POST', '/v1/categories', { name: 'work', productivity: 'neutral' });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ error: { code: 'conflict' } });

    const list = await t.call({ path: '/v1/categories' });
    expect(list.json).toContainEqual(expect.objectContaining({ id: work.id, name: 'Work' }));

    const renamed = await send('PATCH', `/v1/categories/${work.id}`, { name: 'Deep work' });
    expect(renamed.json).toMatchObject({ id: work.id, name: 'Deep work', productivity: 'productive' });

    const missing = await send('PATCH', '/v1/categories/999999', { name: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'not_found' } });
  });

  it('assigns a subject to a category; an unknown category is 400 unknown_category', async () => {
    const unknown = await send('PUT', '/v1/subjects/domain/github.com/category', { category: 'Nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ error: { code: 'unknown_category', field: 'category' } });

    await send('POST', '/v1/categories', { name: 'Code', productivity: 'productive' });
    const assigned = await send('PUT', '/v1/subjects/domain/GitHub.com/category', { category: 'Code' });
    expect(assigned.status).toBe(200);
    expect(assigned.json).toMatchObject({ kind: 'domain', name: 'github.com', category: 'Code' });

    const report = await t.call({ path: `/v1/report?${DAY}` });
    expect((report.json as { by_productivity: { productive: number } }).by_productivity.productive).toBe(
      15 * 60_000,
    );
  });

  it('refuses an unknown time zone with 400 validation_failed on tz', async () => {
    const res = await t.call({
      path: '/v1/report?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&tz=Mars/Base',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'validation_failed', field: 'tz' } });
  });
});
