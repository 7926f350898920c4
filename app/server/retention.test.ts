/**
 * POST /v1/retention/preview over real HTTP on a real store, and the retention job as the daemon wires it
 * (a LiveSettings change runs it at once): the preview counts what the job then does, bad days are refused
 * naming the field, and nothing changes until the settings are saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { RetentionJob, retentionChanged } from '../db/retention-run.ts';
import { startStoreServer, type StoreServer } from './http.testing.ts';

const DAY = 86_400_000;
const M = 60_000;
const NOW = Date.UTC(2026, 5, 15, 12); // tz UTC below: cutoffs at UTC midnights
const json = { 'content-type': 'application/json' };

let t: StoreServer;
let settings: LiveSettings;
beforeEach(async () => {
  settings = new LiveSettings(memorySettings());
  t = await startStoreServer(NOW, { settings, tz: 'UTC' });
  // One hour a day for 100 days, the last one yesterday.
  const events = Array.from({ length: 100 }, (_, i) => {
    const startMs = Date.UTC(2026, 5, 14, 9) - i * DAY;
    return { eventId: `w${i}`, app: 'Code', title: `day ${i} notes`, startMs, endMs: startMs + 60 * M };
  });
  t.store.ingest('window', events);
});
afterEach(() => t.close());

const preview = (body: unknown) =>
  t.call({ method: 'POST', path: '/v1/retention/preview', headers: json, body: JSON.stringify(body) });
const count = (sql: string) => t.store.db.prepare(sql).pluck().get() as number;

describe('POST /v1/retention/preview', () => {
  it('says what would go, and changes nothing', async () => {
    const res = await preview({ keep_titles_days: 10, keep_events_days: 60 });
    expect(res.status).toBe(200);
    // Kept: today (15 June) and 60 days before it, from 16 April 00:00 UTC; titles from 5 June.
    expect(res.json).toEqual({
      events_before: '2026-04-16T00:00:00.000Z',
      titles_before: '2026-06-05T00:00:00.000Z',
      events: 40, // 7 March … 15 April
      manual_entries: 0,
      events_ms: 40 * 60 * M,
      oldest_event: new Date(Date.UTC(2026, 2, 7, 9)).toISOString(),
      titles: 50, // 16 April … 4 June
      titles_ms: 50 * 60 * M,
      oldest_title: new Date(Date.UTC(2026, 3, 16, 9)).toISOString(),
    });
    expect(count(`SELECT count(*) FROM window_events WHERE title <> ''`)).toBe(100);
    const none = await preview({ keep_titles_days: null, keep_events_days: null });
    expect(none.json).toMatchObject({ events: 0, titles: 0, events_before: null, titles_before: null });
  });

  it.each([
    [{ keep_titles_days: 0, keep_events_days: null }, 'keep_titles_days', /at least 1/],
    [{ keep_titles_days: null, keep_events_days: 1.5 }, 'keep_events_days', /whole number/],
    [{ keep_titles_days: null }, 'keep_events_days', /number of days/],
    [{ keep_titles_days: 5, keep_events_days: 5, extra: 1 }, undefined, /extra/],
  ])('refuses %j', async (body, field, message) => {
    const res = await preview(body);
    expect(res.status).toBe(400);
    const error = (res.json as { error: { message: string; field?: string } }).error;
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('the retention job', () => {
  it('runs when the settings change, doing what the preview said', async () => {
    const job = new RetentionJob({ store: t.store, policy: () => settings.get(), tz: 'UTC', now: () => NOW });
    const runs: Array<Promise<unknown>> = [];
    settings.onChange((next, previous) => {
      if (retentionChanged(next, previous)) runs.push(job.runNow());
    });
    const said = (await preview({ keep_titles_days: 10, keep_events_days: 60 })).json as {
      events: number;
      titles: number;
    };
    settings.update({ idleMinutes: 5 });
    expect(runs).toHaveLength(0);
    settings.update({ keepTitlesDays: 10, keepEventsDays: 60 });
    await Promise.all(runs);
    expect(count(`SELECT count(*) FROM window_events`)).toBe(100 - said.events);
    expect(count(`SELECT count(*) FROM window_events WHERE title = ''`)).toBe(said.titles);
    expect(count(`SELECT min(start_ms) FROM window_events WHERE title <> ''`)).toBe(Date.UTC(2026, 5, 5, 9));
    // The window time stays: 60 hours, each still Code's.
    const report = t.store.report({ fromMs: NOW - 200 * DAY, toMs: NOW, tz: 'UTC' });
    expect(report.subjects.map((s) => [s.name, s.ms])).toEqual([['Code', 60 * 60 * M]]);
    // Nothing left to do on the next run.
    expect(await job.runNow()).toMatchObject({ deleted: 0, blanked: 0 });
    await job.stop();
  });
});
