import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { APP_VERSION } from '../shared/version.ts';
import { Store } from './store.ts';
import { MAX_ZONES } from './zones.ts';
import { LONG_EVENT_MS, OVERLAPS } from './events.ts';

import { brw, DAY, M, T0, win, YEAR } from './events.testing.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-store-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => T0 + 365 * 24 * 60 * M });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const subjectMs = (r: ReturnType<Store['report']>) =>
  Object.fromEntries(r.subjects.map((s) => [s.name, s.ms / M]));

describe('Store', () => {
  it('stores each event_id once, whatever the batch', () => {
    expect(store.ingest('window', [win('a', 'Code', 0, 30), win('a', 'Code', 0, 30)])).toEqual({
      accepted: 1,
      duplicates: 1,
    });
    expect(store.ingest('window', [win('a', 'Code', 0, 30), win('b', 'Slack', 30, 40)])).toEqual({
      accepted: 1,
      duplicates: 1,
    });
    expect(store.report(DAY).total_ms).toBe(40 * M);
    expect(store.report(YEAR).total_ms).toBe(40 * M);
  });

  it('replaces the tracker’s open event when it is saved again, and keeps API events', () => {
    store.saveTrackedWindow(win('t1', 'Code', 0, 1));
    store.saveTrackedWindow(win('t1', 'Code', 0, 20));
    store.saveTrackedIdle({ eventId: 'i1', startMs: T0 + 20 * M, endMs: T0 + 21 * M });
    store.saveTrackedIdle({ eventId: 'i1', startMs: T0 + 20 * M, endMs: T0 + 25 * M });
    store.saveTrackedWindow(win('t2', 'Terminal', 25, 40));
    store.ingest('window', [win('api', 'Slack', 40, 50)]);
    store.saveTrackedWindow(win('api', 'Hacked', 0, 100));
    expect(subjectMs(store.report(DAY))).toEqual({ Code: 20, Terminal: 15, Slack: 10 });
    expect(store.db.prepare('SELECT count(*) FROM window_events').pluck().get()).toBe(3);
  });

  it('recategorizes all past time at once, in warm zone rollups too', () => {
    store.createCategory('Video', 'unproductive');
    const fun = store.createCategory('Fun', 'neutral');
    // Host names outside the built-in category database, so that they start uncategorized.
    store.ingest('browser', [
      brw('b1', 'videos.example.test', 0, 45),
      brw('b2', 'docs.example.test', 45, 60),
    ]);
    expect(store.report(YEAR).by_productivity.uncategorized).toBe(60 * M); // builds Europe/Berlin's rollups
    expect(store.setSubjectCategory('domain', 'videos.example.test', 'Video')).toEqual({
      kind: 'domain',
      name: 'videos.example.test',
      category: 'Video',
      productivity: 'unproductive',
    });
    let r = store.report(YEAR);
    expect(r.by_productivity).toEqual({
      productive: 0,
      neutral: 0,
      unproductive: 45 * M,
      uncategorized: 15 * M,
    });
    expect(r.by_hour[10]).toMatchObject({ hour: 10, unproductive: 45 * M, uncategorized: 15 * M }); // 08:00Z = 10:00 CEST
    expect(r.by_weekday[0]).toMatchObject({ weekday: 1, total_ms: 60 * M });
    expect(r.shrinkage.map((s) => s.name)).toEqual(['videos.example.test']);
    store.updateCategory(fun.id, { productivity: 'productive' });
    store.setSubjectCategory('domain', 'videos.example.test', 'fun'); // names match case-insensitively
    r = store.report(YEAR);
    expect(r.by_productivity.productive).toBe(45 * M);
    expect(r.by_hour[10]!.productive).toBe(45 * M);
    expect(r.categories).toEqual([
      { name: 'Fun', ms: 45 * M, productivity: 'productive' },
      { name: null, ms: 15 * M, productivity: 'uncategorized' },
    ]);
    store.setSubjectCategory('domain', 'videos.example.test', null);
    expect(store.report(YEAR).by_hour[10]!.uncategorized).toBe(60 * M);
  });

  it('applies a category to a subject before any of its time arrives', () => {
    store.createCategory('Dev', 'productive');
    store.setSubjectCategory('app', 'Code', 'Dev');
    store.ingest('window', [win('a', 'Code', 0, 10)]);
    expect(store.report(YEAR).by_productivity.productive).toBe(10 * M);
  });

  it('starts known apps and sites in their default category; the user’s choice wins and can be reset', () => {
    store.ingest('window', [win('a', 'Visual Studio Code', 0, 30)]);
    store.ingest('browser', [brw('b', 'gist.github.com', 30, 40)]);
    let r = store.report(YEAR);
    expect(r.subjects.map((s) => [s.name, s.category, s.productivity])).toEqual([
      ['Visual Studio Code', 'Development', 'productive'],
      ['gist.github.com', 'Development', 'productive'],
    ]);
    store.createCategory('Mine', 'neutral');
    store.setSubjectCategory('app', 'Visual Studio Code', 'Mine');
    store.setSubjectCategory('domain', 'gist.github.com', null); // "no category" is a choice too
    r = store.report(YEAR);
    expect(r.by_productivity).toMatchObject({ productive: 0, neutral: 30 * M, uncategorized: 10 * M });
    expect(store.resetSubjectCategory('domain', 'gist.github.com')).toMatchObject({
      category: 'Development',
    });
    expect(store.report(YEAR).by_productivity.productive).toBe(10 * M);
  });

  it('forgets the ids of subjects created in a transaction that rolled back', () => {
    // A write that creates a subject and then fails: SQLite gives the rolled-back id to the next subject.
    const internals = store as unknown as {
      write<T>(work: () => T): T;
      subjects: { idFor(kind: 'app', name: string): number };
    };
    expect(() =>
      internals.write(() => {
        internals.subjects.idFor('app', 'Ghost');
        throw new Error('fails after creating a subject');
      }),
    ).toThrow(/fails after/);
    store.ingest('window', [win('a', 'Code', 0, 30), win('b', 'Ghost', 30, 40)]);
    expect(subjectMs(store.report(DAY))).toEqual({ Code: 30, Ghost: 10 });
  });

  it('refuses unknown and duplicate categories with typed errors', () => {
    store.createCategory('Dev', 'productive');
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof DomainError ? [e.kind, e.field] : e;
      }
      return 'no error';
    };
    expect(err(() => store.createCategory('dev', 'neutral'))).toEqual(['conflict', 'name']);
    expect(err(() => store.updateCategory(999, { name: 'x' }))).toEqual(['not_found', 'id']);
    expect(err(() => store.setSubjectCategory('app', 'Code', 'Nope'))).toEqual([
      'unknown_category',
      'category',
    ]);
    expect(err(() => store.report({ ...DAY, tz: 'Nowhere/City' }))).toEqual(['invalid', 'tz']);
  });

  it('never lets a report see an event without its rollup, even across a crash or from another process', () => {
    store.report(YEAR); // keep Europe/Berlin's rollups, so pending work must reach them too
    store.ingest('window', [win('a', 'Code', 0, 30)]);
    expect(store.db.prepare('SELECT count(*) FROM pending_slots').pluck().get()).toBeGreaterThan(0);
    // A second process reading the same file refreshes what the first has not yet.
    const other = Store.open({ file: path.join(dir, 'db.sqlite') });
    expect(other.report(YEAR).total_ms).toBe(30 * M);
    other.close();
    // A crash before the refresh: the pending ranges were committed with the events.
    store.ingest('window', [win('b', 'Slack', 30, 45)]);
    store.db.close();
    store = Store.open({ file: path.join(dir, 'db.sqlite') });
    expect(subjectMs(store.report(YEAR))).toEqual({ Code: 30, Slack: 15 });
    expect(subjectMs(store.report(DAY))).toEqual({ Code: 30, Slack: 15 });
    expect(store.db.prepare('SELECT count(*) FROM pending_slots').pluck().get()).toBe(0);
  });

  it('refreshes the rollups by itself shortly after a write', async () => {
    const quick = Store.open({ file: path.join(dir, 'quick.sqlite'), refreshDelayMs: 10 });
    try {
      quick.ingest('window', [win('a', 'Code', 0, 30)]);
      const pending = () => quick.db.prepare('SELECT count(*) FROM pending_slots').pluck().get();
      expect(pending()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pending()).toBe(0);
      expect(quick.db.prepare('SELECT sum(ms) FROM slot_subjects').pluck().get()).toBe(30 * M);
    } finally {
      quick.close();
    }
  });

  it('keeps events longer than a day out of every range read’s look-back', () => {
    const day = 24 * 60 * M;
    store.ingest('idle', [{ eventId: 'holiday', startMs: T0 - 30 * day, endMs: T0 - 2 * day }]);
    store.saveTrackedWindow(win('t', 'Code', 0, 25 * 60)); // open for 25 hours so far
    const longEvents = () => store.db.prepare('SELECT source FROM long_events ORDER BY source').pluck().all();
    expect(longEvents()).toEqual(['idle', 'window']);
    expect(store.report({ fromMs: T0 + 10 * 60 * M, toMs: T0 + 11 * 60 * M, tz: 'UTC' }).total_ms).toBe(
      60 * M,
    );
    expect(store.db.prepare('SELECT max(longest_ms) FROM source_extents').pluck().get()).toBeLessThanOrEqual(
      LONG_EVENT_MS,
    );
    store.saveTrackedWindow(win('t', 'Code', 0, 60)); // idle trimming cut it back
    expect(longEvents()).toEqual(['idle']);
    expect(store.report(YEAR).total_ms).toBe(60 * M);
  });

  it('gives a local day’s timeline, 23 hours long on a DST day, with categories', () => {
    store.createCategory('Dev', 'productive');
    store.setSubjectCategory('app', 'Code', 'Dev');
    const start = Date.UTC(2026, 2, 29, 0, 30); // 01:30 CET, before Europe/Berlin springs forward at 02:00
    store.ingest('window', [
      { eventId: 'a', app: 'Code', title: '', startMs: start, endMs: start + 60 * M },
      { eventId: 'b', app: 'Slack', title: '', startMs: start + 60 * M, endMs: start + 90 * M },
    ]);
    const t = store.timeline('2026-03-29', 'Europe/Berlin');
    expect(Date.parse(t.to) - Date.parse(t.from)).toBe(23 * 60 * M);
    expect(t.from).toBe('2026-03-28T23:00:00.000Z');
    expect(t.segments).toEqual([
      {
        start: '2026-03-29T00:30:00.000Z',
        end: '2026-03-29T01:30:00.000Z',
        kind: 'app',
        name: 'Code',
        category: 'Dev',
        productivity: 'productive',
      },
      {
        start: '2026-03-29T01:30:00.000Z',
        end: '2026-03-29T02:00:00.000Z',
        kind: 'app',
        name: 'Slack',
        category: null,
        productivity: 'uncategorized',
      },
    ]);
    expect(store.timeline('2026-03-30', 'Europe/Berlin').segments).toEqual([]);
  });

  it('prepares a zone’s rollups ahead of the first report, once', () => {
    store.ingest('window', [win('a', 'Code', 0, 30)]);
    expect(store.prepareZone('Asia/Tokyo')).toBe(true);
    expect(store.prepareZone('Asia/Tokyo')).toBe(false);
    expect(store.db.prepare('SELECT name FROM zones').pluck().all()).toEqual(['Asia/Tokyo']);
    expect(store.report({ ...YEAR, tz: 'Asia/Tokyo' }).total_ms).toBe(30 * M);
  });

  it('keeps a bounded number of zones, rebuilding an evicted one on demand', () => {
    store.ingest('window', [win('a', 'Code', 0, 30)]);
    const zones = [
      'UTC',
      'Asia/Tokyo',
      'America/New_York',
      'Europe/Paris',
      'Asia/Kathmandu',
      'Australia/Sydney',
      'Africa/Cairo',
    ];
    expect(zones.length).toBeGreaterThan(MAX_ZONES);
    for (const tz of zones) expect(store.report({ ...YEAR, tz }).total_ms).toBe(30 * M);
    expect(store.db.prepare('SELECT count(*) FROM zones').pluck().get()).toBe(MAX_ZONES);
    store.ingest('window', [win('b', 'Code', 60, 90)]);
    for (const tz of zones) expect(store.report({ ...YEAR, tz }).total_ms).toBe(60 * M);
  });

  it('reads ranges through indexes, never a full scan', () => {
    const plan = (sql: string) =>
      (
        store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(sql.split('?').length - 1).fill(0)) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    for (const source of ['window', 'browser', 'idle'] as const) {
      const p = plan(`SELECT * FROM ${source}_events WHERE ${OVERLAPS(source)}`);
      expect(p).toMatch(new RegExp(`SEARCH ${source}_events USING INDEX ${source}_events_by_start`));
      expect(p).toMatch(/SEARCH long_events USING INDEX long_events_by_start/);
      expect(p).not.toMatch(/SCAN/);
    }
    expect(plan('SELECT slot, subject_id, ms FROM slot_subjects WHERE slot >= ? AND slot < ?')).toMatch(
      /SEARCH slot_subjects USING PRIMARY KEY/,
    );
    expect(plan('SELECT slot, ms FROM slot_subjects WHERE subject_id = ?')).toMatch(
      /slot_subjects_by_subject/,
    );
    expect(
      plan(
        'SELECT subject_id, sum(ms) FROM zone_subjects WHERE zone_id = ? AND level = ? AND bucket >= ? AND bucket < ? GROUP BY subject_id',
      ),
    ).toMatch(
      /SEARCH zone_subjects USING PRIMARY KEY \(zone_id=\? AND level=\? AND bucket>\? AND bucket<\?\)/,
    );
    expect(
      plan(
        'SELECT weekday, hour, category_id, sum(ms) FROM zone_hours WHERE zone_id = ? AND level = ? AND bucket >= ? AND bucket < ? GROUP BY weekday, hour, category_id',
      ),
    ).toMatch(/SEARCH zone_hours USING PRIMARY KEY \(zone_id=\? AND level=\? AND bucket>\? AND bucket<\?\)/);
  });

  it('keeps the database readable by its owner only', () => {
    if (process.platform === 'win32') return;
    expect(statSync(path.join(dir, 'db.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
