/**
 * Team sync against a real S3 protocol server (s3rver on a loopback port): three users with different demo data
 * sync to one bucket, and DuckDB over the objects the manifests name gives each user's own /v1/report per day;
 * a second sync uploads nothing; a recategorized day is replaced; a purged day's objects go; an outage mid-sync
 * loses and duplicates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Objects } from './s3-objects.ts';
import { runSync, SyncFailed } from './run.ts';
import { SyncStateFile } from './state.ts';
import { cacheDays, readManifests, runViews, type Row } from './team-report.ts';
import { TestS3, TEST_BUCKET } from './s3rver.testing.ts';
import { demoUser, type TestUser } from './sync.testing.ts';
import { datesBetween } from './day-files.ts';
import { zoneFor } from '../core/zone.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TZ = 'Asia/Kolkata';
const NOW = Date.parse('2026-03-12T06:30:00Z');
const PREFIX = 'acme/time';
const FAST = { attempts: 3, firstDelayMs: 20, maxDelayMs: 50 };

let s3: TestS3;
let users: TestUser[] = [];
let cache: string;

function syncOf(user: TestUser, retry = FAST) {
  const objects = new S3Objects({ bucket: TEST_BUCKET, region: 'us-east-1', endpoint: s3.endpoint }, 's3');
  return runSync({
    store: user.store,
    objects,
    target: `${s3.endpoint}|${TEST_BUCKET}|${PREFIX}`,
    prefix: PREFIX,
    tz: TZ,
    titles: false,
    displayName: null,
    state: new SyncStateFile(user.dir),
    retry,
    checkpointEvery: 2,
    now: () => NOW,
  }).finally(() => objects.close());
}

const bucketObjects = () =>
  new S3Objects({ bucket: TEST_BUCKET, region: 'us-east-1', endpoint: s3.endpoint }, 's3');

/** DuckDB over the manifests' objects of one date (or all dates). */
async function views(from = '0000-00-00', to = '9999-99-99') {
  const objects = bucketObjects();
  try {
    const manifests = await readManifests(objects, PREFIX);
    const files = await cacheDays({ objects, prefix: PREFIX, from, to, tz: TZ, cacheDir: cache }, manifests);
    return { manifests, files, views: await runViews(files, TZ) };
  } finally {
    objects.close();
  }
}

const sum = (rows: Row[]) => rows.reduce((s, r) => s + Number(r.ms), 0);

async function reportOf(user: TestUser, date: string) {
  const zone = zoneFor(TZ);
  const day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  return user.api.report({
    query: {
      from: new Date(zone.dayStart(day)).toISOString(),
      to: new Date(zone.dayStart(day + 1)).toISOString(),
      tz: TZ,
    },
  });
}

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  s3 = new TestS3();
  await s3.start();
  cache = mkdtempSync(path.join(tmpdir(), 'timeaudit-team-cache-'));
  users = await Promise.all([11, 22, 33].map((seed) => demoUser({ seed, days: 5, tz: TZ, nowMs: NOW })));
});

afterAll(async () => {
  for (const u of users) await u.close();
  await s3?.close();
  rmSync(cache, { recursive: true, force: true });
});

describe('team sync to S3', () => {
  it('three users sync, and DuckDB over the bucket gives each one’s own report per day; the team is their sum', async () => {
    for (const user of users) {
      const outcome = await syncOf(user);
      expect(outcome.ok).toBe(true);
      expect(outcome.uploaded).toBeGreaterThanOrEqual(5);
    }
    const all = await views();
    expect(all.manifests.map((m) => m.user_id).sort()).toEqual(users.map((u) => u.store.userId()).sort());
    const span = users[0]!.store.countedSpan()!;
    const dates = datesBetween(TZ, span.fromMs, span.toMs);
    expect(dates.length).toBeGreaterThanOrEqual(5);

    for (const date of dates) {
      const { views: day } = await views(date, date);
      let teamTotal = 0;
      for (const user of users) {
        const id = user.store.userId();
        const report = await reportOf(user, date);
        const mine = (rows: Row[]) => rows.filter((r) => r.user_id === id);
        expect(sum(mine(day.allocation)), `${id} ${date} total`).toBe(report.total_ms);
        for (const p of ['productive', 'neutral', 'unproductive', 'uncategorized'] as const) {
          const ms = mine(day.allocation).find((r) => r.productivity === p)?.ms ?? 0;
          expect(ms, `${id} ${date} ${p}`).toBe(report.by_productivity[p]);
        }
        const categories = Object.fromEntries(
          mine(day.categories).map((r) => [r.category ?? '(none)', r.ms]),
        );
        expect(categories).toEqual(
          Object.fromEntries(
            report.categories.filter((c) => c.ms > 0).map((c) => [c.name ?? '(none)', c.ms]),
          ),
        );
        const hours: Record<number, number> = {};
        for (const r of mine(day.time_of_day))
          hours[Number(r.hour)] = (hours[Number(r.hour)] ?? 0) + Number(r.ms);
        expect(hours).toEqual(
          Object.fromEntries(report.by_hour.filter((h) => h.total_ms > 0).map((h) => [h.hour, h.total_ms])),
        );
        teamTotal += report.total_ms;
      }
      const team = (rows: Row[]) => rows.filter((r) => r.user_id === null);
      expect(sum(team(day.allocation)), `team ${date}`).toBe(teamTotal);
      expect(sum(team(day.time_of_day))).toBe(teamTotal);
      expect(sum(team(day.day_of_week))).toBe(teamTotal);
      expect(sum(team(day.categories))).toBe(teamTotal);
    }
  });

  it('a second sync with nothing changed uploads nothing', async () => {
    const before = await s3.list(PREFIX);
    const events = s3.events.length;
    for (const user of users) {
      const outcome = await syncOf(user);
      expect(outcome).toMatchObject({ ok: true, uploaded: 0, deleted: 0 });
    }
    expect(s3.events.slice(events)).toEqual([]);
    expect(await s3.list(PREFIX)).toEqual(before);
  });

  it('a recategorized day is replaced, not duplicated', async () => {
    const user = users[0]!;
    const id = user.store.userId();
    const before = (await views()).views.categories.filter((r) => r.user_id === id);
    // The app with the most time moves to another category.
    const top = user.store.report({ fromMs: 0, toMs: NOW, tz: TZ }).subjects.find((s) => s.kind === 'app')!;
    user.store.createCategory('Moved here', 'neutral');
    user.store.setSubjectCategory('app', top.name, 'Moved here');
    const outcome = await syncOf(user);
    expect(outcome.ok).toBe(true);
    expect(outcome.uploaded).toBeGreaterThan(0);
    expect(outcome.deleted).toBe(outcome.uploaded);
    const keys = (await s3.list(`${PREFIX}/sessions/user_id=${id}/`)).map((o) => o.key);
    const perDay = new Map<string, number>();
    for (const key of keys) {
      const date = /date=([\d-]+)/.exec(key)![1]!;
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    expect([...perDay.values()].every((n) => n === 1)).toBe(true);
    const after = (await views()).views;
    const moved = after.categories.find((r) => r.user_id === id && r.category === 'Moved here');
    expect(moved?.ms).toBe(top.ms);
    expect(sum(after.categories.filter((r) => r.user_id === id))).toBe(sum(before));
    expect(sum(after.allocation.filter((r) => r.user_id === id))).toBe(
      user.store.report({ fromMs: 0, toMs: NOW, tz: TZ }).total_ms,
    );
  });

  it('a purged day’s objects are gone', async () => {
    const user = users[1]!;
    const id = user.store.userId();
    const span = user.store.countedSpan()!;
    const date = datesBetween(TZ, span.fromMs, span.toMs)[1]!;
    const zone = zoneFor(TZ);
    const day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    user.store.purge({ kind: 'range', fromMs: zone.dayStart(day), toMs: zone.dayStart(day + 1) });
    const outcome = await syncOf(user);
    expect(outcome).toMatchObject({ ok: true, deleted: 1 });
    expect(await s3.list(`${PREFIX}/sessions/user_id=${id}/date=${date}/`)).toEqual([]);
    const { manifests, views: v } = await views(date, date);
    expect(manifests.find((m) => m.user_id === id)?.days[date]).toBeUndefined();
    expect(v.allocation.filter((r) => r.user_id === id)).toEqual([]);
  });

  it('the store goes down mid-sync: nothing lost, nothing counted twice, the next sync completes', async () => {
    const late = await demoUser({ seed: 44, days: 8, tz: TZ, nowMs: NOW });
    users.push(late);
    const id = late.store.userId();
    let puts = 0;
    s3.onEvent((e) => {
      if (e.name.startsWith('ObjectCreated') && e.key.includes(id) && ++puts === 5) void s3.stop();
    });
    const failed = await syncOf(late).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(SyncFailed);
    expect(new SyncStateFile(late.dir).load().last).toMatchObject({ ok: false });
    await s3.start(); // back, on the same port, with what it stored
    // What a reader sees meanwhile: only whole days the manifest names, each once.
    const meanwhile = await views();
    const named = meanwhile.manifests.find((m) => m.user_id === id);
    const namedDays = Object.keys(named?.days ?? {});
    expect(namedDays.length).toBeGreaterThan(0);
    expect(namedDays.length).toBeLessThan(8);
    for (const date of namedDays) {
      const report = await reportOf(late, date);
      const rows = (await views(date, date)).views.allocation.filter((r) => r.user_id === id);
      expect(sum(rows)).toBe(report.total_ms);
    }

    const outcome = await syncOf(late);
    expect(outcome.ok).toBe(true);
    // Resumed: the days the manifest already named were not uploaded again.
    expect(outcome.uploaded).toBe(8 - namedDays.length);
    const keys = (await s3.list(`${PREFIX}/sessions/user_id=${id}/`)).map((o) => o.key);
    expect(new Set(keys.map((k) => /date=([\d-]+)/.exec(k)![1])).size).toBe(keys.length);
    const span = late.store.countedSpan()!;
    for (const date of datesBetween(TZ, span.fromMs, span.toMs)) {
      const report = await reportOf(late, date);
      const rows = (await views(date, date)).views.allocation.filter((r) => r.user_id === id);
      expect(sum(rows), date).toBe(report.total_ms);
    }
  });
});
