/**
 * GET /v1/report/titles and GET /v1/report/days on a real store behind a real HTTP server: titles get the time
 * their app really had (idle, a site in the browser and hand-logged time left out), days follow the local
 * calendar of the zone asked for, and bad queries are refused with the field named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserEvent, startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.UTC(2026, 2, 10, 12);
const M = 60_000;
const json = { 'content-type': 'application/json' };
const at = (iso: string) => `2026-03-${iso}:00.000Z`;

const windowEvent = (id: string, app: string, title: string, start: string, end: string) => ({
  event_id: id,
  app,
  title,
  start_ts: at(start),
  end_ts: at(end),
  duration_ms: Date.parse(at(end)) - Date.parse(at(start)),
  schema_version: 1,
});

let t: StoreServer;
const post = async (path: string, events: unknown[]) => {
  const res = await t.call({ method: 'POST', path, headers: json, body: JSON.stringify({ events }) });
  expect(res.status).toBe(200);
  return res;
};

beforeAll(async () => {
  t = await startStoreServer(NOW);
  await post('/v1/window/events', [
    windowEvent('w1', 'Code', 'a.ts — Code', '08T09:00', '08T09:30'),
    windowEvent('w2', 'Code', 'b.ts — Code', '08T09:30', '08T10:00'),
    windowEvent('w3', 'Google-chrome', 'News - Google Chrome', '08T10:00', '08T10:30'),
    // 00:30 on the 9th in Paris, still the 8th in UTC.
    windowEvent('w4', 'Code', 'c.ts — Code', '08T23:30', '08T23:45'),
    windowEvent('w5', 'Code', 'a.ts — Code', '09T08:00', '09T08:20'),
  ]);
  await post('/v1/idle/events', [
    {
      event_id: 'i1',
      start_ts: at('08T09:10'),
      end_ts: at('08T09:20'),
      duration_ms: 10 * M,
      schema_version: 1,
    },
  ]);
  await post('/v1/browser/events', [browserEvent('b1', at('08T10:00'), at('08T10:20'), 'github.com')]);
});
afterAll(() => t.close());

const get = (path: string, query: Record<string, string>) =>
  t.call({ path: `${path}?${new URLSearchParams(query).toString()}` });

const PARIS_RANGE = { from: '2026-03-08T00:00:00+01:00', to: '2026-03-10T00:00:00+01:00' };

describe('GET /v1/report/titles', () => {
  it("answers an app's titles with the time the app had under each, longest first", async () => {
    const res = await get('/v1/report/titles', { ...PARIS_RANGE, app: 'Code' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      app: 'Code',
      ...PARIS_RANGE,
      total_ms: 85 * M,
      titles: [
        { title: 'a.ts — Code', ms: 40 * M }, // 30 min less the 10 away, and 20 the next day
        { title: 'b.ts — Code', ms: 30 * M },
        { title: 'c.ts — Code', ms: 15 * M },
      ],
    });
  });

  it('leaves out the browser time a site took, and time outside the range', async () => {
    const chrome = await get('/v1/report/titles', { ...PARIS_RANGE, app: 'Google-chrome' });
    expect(chrome.json).toMatchObject({
      total_ms: 10 * M,
      titles: [{ title: 'News - Google Chrome', ms: 10 * M }],
    });
    const firstHour = await get('/v1/report/titles', {
      from: at('08T09:00'),
      to: at('08T09:40'),
      app: 'Code',
    });
    expect(firstHour.json).toMatchObject({
      total_ms: 30 * M,
      titles: [
        { title: 'a.ts — Code', ms: 20 * M },
        { title: 'b.ts — Code', ms: 10 * M },
      ],
    });
  });

  it('answers no titles for an app without time', async () => {
    const res = await get('/v1/report/titles', { ...PARIS_RANGE, app: 'Nothing' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total_ms: 0, titles: [] });
  });

  it('refuses bad queries with the field named', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...PARIS_RANGE }, 'app'],
      [{ ...PARIS_RANGE, app: '' }, 'app'],
      [{ from: PARIS_RANGE.to, to: PARIS_RANGE.from, app: 'Code' }, 'to'],
      [{ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', app: 'Code' }, 'to'],
      [{ from: 'yesterday', to: PARIS_RANGE.to, app: 'Code' }, 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await get('/v1/report/titles', query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.json).toMatchObject({ error: { code: 'validation_failed', field } });
    }
  });
});

describe('GET /v1/report/days', () => {
  it("answers every local day of the range with the subject's time", async () => {
    const paris = await get('/v1/report/days', {
      ...PARIS_RANGE,
      kind: 'app',
      name: 'Code',
      tz: 'Europe/Paris',
    });
    expect(paris.status).toBe(200);
    expect(paris.json).toEqual({
      kind: 'app',
      name: 'Code',
      ...PARIS_RANGE,
      tz: 'Europe/Paris',
      total_ms: 85 * M,
      days: [
        { date: '2026-03-08', ms: 50 * M },
        { date: '2026-03-09', ms: 35 * M }, // c.ts at 00:30 and a.ts
      ],
    });
    const utc = await get('/v1/report/days', {
      from: '2026-03-08T00:00:00Z',
      to: '2026-03-10T00:00:00Z',
      kind: 'app',
      name: 'Code',
      tz: 'UTC',
    });
    expect((utc.json as { days: unknown }).days).toEqual([
      { date: '2026-03-08', ms: 65 * M },
      { date: '2026-03-09', ms: 20 * M },
    ]);
  });

  it("gives a site's days, zeros included", async () => {
    const res = await get('/v1/report/days', {
      ...PARIS_RANGE,
      kind: 'domain',
      name: 'github.com',
      tz: 'Europe/Paris',
    });
    expect(res.json).toMatchObject({
      total_ms: 20 * M,
      days: [
        { date: '2026-03-08', ms: 20 * M },
        { date: '2026-03-09', ms: 0 },
      ],
    });
  });

  it('refuses an unknown zone or kind', async () => {
    const zone = await get('/v1/report/days', {
      ...PARIS_RANGE,
      kind: 'app',
      name: 'Code',
      tz: 'Mars/Olympus',
    });
    expect(zone.status).toBe(400);
    expect(zone.json).toMatchObject({ error: { field: 'tz' } });
    const kind = await get('/v1/report/days', { ...PARIS_RANGE, kind: 'file', name: 'Code', tz: 'UTC' });
    expect(kind.status).toBe(400);
    expect(kind.json).toMatchObject({ error: { field: 'kind' } });
  });
});

describe('GET /v1/timeline', () => {
  it('names the time away from the computer beside what counted', async () => {
    const res = await get('/v1/timeline', { date: '2026-03-08', tz: 'UTC' });
    expect(res.status).toBe(200);
    const timeline = res.json as {
      away: unknown;
      segments: Array<{ start: string; end: string; name: string }>;
    };
    expect(timeline.away).toEqual([{ start: at('08T09:10'), end: at('08T09:20') }]);
    // Nothing counted while away.
    expect(timeline.segments.filter((s) => s.start < at('08T09:20') && s.end > at('08T09:10'))).toEqual([]);
  });
});
