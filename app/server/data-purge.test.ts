/**
 * DELETE /v1/data and GET /v1/data/purge over real HTTP: the selectors, what they answer, their errors, the
 * report that follows at once, and the backups of the data folder purged alongside.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserEvent, startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-11-21T20:00:00Z');
const json = { 'content-type': 'application/json' };

let t: StoreServer;
beforeEach(async () => {
  t = await startStoreServer(NOW);
  const post = (source: string, events: object[]) =>
    t.call({ method: 'POST', path: `/v1/${source}/events`, headers: json, body: JSON.stringify({ events }) });
  const window = (id: string, app: string, start: string, end: string) => ({
    event_id: id,
    app,
    title: `${app} window`,
    start_ts: start,
    end_ts: end,
    duration_ms: Date.parse(end) - Date.parse(start),
    schema_version: 1,
  });
  expect(
    (
      await post('window', [
        window('w1', 'Code', '2026-11-21T09:00:00Z', '2026-11-21T10:00:00Z'),
        window('w2', 'Slack', '2026-11-21T10:00:00Z', '2026-11-21T10:30:00Z'),
      ])
    ).status,
  ).toBe(200);
  expect(
    (
      await post('browser', [
        browserEvent('b1', '2026-11-21T11:00:00Z', '2026-11-21T11:20:00Z', 'reddit.com'),
        browserEvent('b2', '2026-11-21T11:20:00Z', '2026-11-21T11:30:00Z', 'old.reddit.com'),
      ])
    ).status,
  ).toBe(200);
});
afterEach(() => t?.close());

const M = 60_000;
const report = async () =>
  (await t.call({ path: '/v1/report?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z&tz=UTC' })).json as {
    total_ms: number;
    subjects: Array<{ name: string; ms: number }>;
  };

describe('deleting recorded data over HTTP', () => {
  it('previews, then deletes a domain with its subdomains; the report follows at once', async () => {
    const preview = await t.call({ path: '/v1/data/purge?domain=reddit.com' });
    expect(preview.status).toBe(200);
    expect(preview.json).toEqual({
      window_events: 0,
      browser_events: 2,
      idle_events: 0,
      manual_entries: 0,
      cut: 0,
      tracked_ms: 30 * M,
      titles_cleared: 0,
      subjects: [
        { kind: 'domain', name: 'reddit.com', ms: 20 * M },
        { kind: 'domain', name: 'old.reddit.com', ms: 10 * M },
      ],
    });
    expect((await report()).total_ms).toBe(120 * M); // the preview deleted nothing

    const done = await t.call({ method: 'DELETE', path: '/v1/data?domain=reddit.com' });
    expect(done.status).toBe(200);
    expect(done.json).toEqual({
      ...(preview.json as object),
      subjects_removed: 2,
      file_clean: true,
      copies: [],
    });
    const after = await report();
    expect(after.total_ms).toBe(90 * M);
    expect(after.subjects.map((s) => s.name)).toEqual(['Code', 'Slack']);
  });

  it('deletes a range, cutting what crosses its edges', async () => {
    const done = await t.call({
      method: 'DELETE',
      path: '/v1/data?from=2026-11-21T09:30:00Z&to=2026-11-21T10:15:00Z',
    });
    expect(done.json).toMatchObject({ window_events: 2, cut: 2, tracked_ms: 45 * M });
    expect((await report()).subjects).toMatchObject([
      { name: 'Code', ms: 30 * M },
      { name: 'reddit.com', ms: 20 * M },
      { name: 'Slack', ms: 15 * M },
      { name: 'old.reddit.com', ms: 10 * M },
    ]);
  });

  it('purges the backups of the data folder alongside', async () => {
    const backups = path.join(path.dirname(t.store.file), 'backups');
    mkdirSync(backups);
    await t.store.db.backup(path.join(backups, 'timeaudit-2026-11-20.sqlite'));
    const done = await t.call({ method: 'DELETE', path: '/v1/data?app=Slack' });
    expect(done.json).toMatchObject({
      window_events: 1,
      copies: [{ file: path.join('backups', 'timeaudit-2026-11-20.sqlite'), purged: true }],
    });
  });

  it.each([
    ['', 'say what to delete'],
    ['?app=Code&domain=reddit.com', 'exactly one'],
    ['?from=2026-11-21T09:00:00Z', 'both from and to'],
    ['?from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z', 'to must be after from'],
    ['?all=1', 'all=true'],
    ['?domain=not%20a%20host', 'not a host name'],
    ['?app=a%00b', 'control characters'],
    ['?colour=red', 'colour'],
  ])('refuses %j with a 400 and deletes nothing', async (query, message) => {
    const res = await t.call({ method: 'DELETE', path: `/v1/data${query}` });
    expect(res.status).toBe(400);
    expect((res.json as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'validation_failed',
    });
    expect(JSON.stringify(res.json)).toContain(message);
    expect((await report()).total_ms).toBe(120 * M);
  });

  it('needs the token', async () => {
    const res = await t.call({ method: 'DELETE', path: '/v1/data?all=true', headers: { authorization: '' } });
    expect(res.status).toBe(401);
    expect((await report()).total_ms).toBe(120 * M);
  });
});
