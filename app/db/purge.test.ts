import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserEvent, IdleEvent, WindowEvent } from '../shared/events.ts';
import { brw, domainErrorOf, M, T0, win, YEAR } from './events.testing.ts';
import { Store } from './store.ts';

const NOW = T0 + 365 * 24 * 60 * M;
const idle = (eventId: string, start: number, end: number): IdleEvent => ({
  eventId,
  startMs: T0 + start * M,
  endMs: T0 + end * M,
});
const titled = (eventId: string, app: string, title: string, start: number, end: number): WindowEvent => ({
  ...win(eventId, app, start, end),
  title,
});

let dir: string;
const stores: Store[] = [];
const open = (name: string): Store => {
  const store = Store.open({ file: path.join(dir, name), now: () => NOW });
  stores.push(store);
  return store;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-purge-'));
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a caller sees of the store: a day's and a year's report in zones whose rollups are kept. */
const seen = (store: Store) => ({
  day: store.report({ fromMs: T0 - 8 * 60 * M, toMs: T0 + 16 * 60 * M, tz: 'Asia/Kolkata' }),
  year: store.report(YEAR),
});
const rows = (store: Store, table: string): number =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const subjectNames = (store: Store): string[] =>
  (store.db.prepare(`SELECT name FROM subjects ORDER BY name`).pluck().all() as string[]).filter(
    (n) => n !== 'Gym' && n !== 'Reading',
  );

interface Data {
  window: WindowEvent[];
  browser: BrowserEvent[];
  idle: IdleEvent[];
}

/** Stores the data in `store`; and with a title rule, so that Code's "jira" windows are a subject of their own. */
function fill(store: Store, data: Data): void {
  if (store.listCategories().every((c) => c.name !== 'Office')) store.createCategory('Office', 'neutral');
  if (store.listRules().length === 0)
    store.createRule({ field: 'title', match: 'contains', pattern: 'jira', category: 'Office' });
  store.ingest('window', data.window);
  store.ingest('browser', data.browser);
  store.ingest('idle', data.idle);
}

const DATA: Data = {
  window: [
    win('w1', 'Code', 0, 60),
    titled('w2', 'Code', 'PROJ-1 jira', 60, 90),
    win('w3', 'Google Chrome', 90, 150),
    win('w4', 'Slack', 150, 200),
  ],
  browser: [
    brw('b1', 'docs.example.org', 90, 110),
    brw('b2', 'example.org', 110, 120),
    brw('b3', 'badexample.org', 120, 150),
  ],
  idle: [idle('i1', 170, 180)],
};

describe('purge', () => {
  it('an app: its window events and title-rule subjects go, as if never recorded', () => {
    const store = open('a.sqlite');
    fill(store, DATA);
    seen(store); // the zones' rollups are kept from here on, and must follow
    const preview = store.previewPurge({ kind: 'app', name: 'Code' });
    expect(preview).toMatchObject({ windowEvents: 2, browserEvents: 0, idleEvents: 0, trackedMs: 90 * M });
    expect(preview.subjects).toEqual([
      { kind: 'app', name: 'Code', ms: 60 * M },
      { kind: 'app', name: 'Code — jira', ms: 30 * M },
    ]);
    const done = store.purge({ kind: 'app', name: 'Code' });
    expect(done).toMatchObject({ ...preview, subjectsRemoved: 2 });

    const expected = open('b.sqlite');
    fill(expected, { ...DATA, window: DATA.window.filter((w) => w.app !== 'Code') });
    expect(seen(store)).toEqual(seen(expected));
    expect(subjectNames(store)).toEqual(subjectNames(expected));
    expect(subjectNames(store)).not.toContain('Code');
  });

  it('a domain: its subdomains go too, a look-alike stays', () => {
    const store = open('a.sqlite');
    fill(store, DATA);
    seen(store);
    const done = store.purge({ kind: 'domain', name: 'Example.ORG.' });
    expect(done).toMatchObject({ browserEvents: 2, trackedMs: 30 * M, subjectsRemoved: 2 });
    expect(done.subjects.map((s) => s.name)).toEqual(['docs.example.org', 'example.org']);

    const expected = open('b.sqlite');
    fill(expected, { ...DATA, browser: DATA.browser.filter((b) => b.domain === 'badexample.org') });
    expect(seen(store)).toEqual(seen(expected));
    expect(subjectNames(store)).toContain('badexample.org');
  });

  it('a range: events over its edges are cut, their parts outside kept; what lay inside goes', () => {
    const store = open('a.sqlite');
    store.createCategory('Sport', 'productive');
    fill(store, { ...DATA, idle: [idle('i1', 20, 170)] });
    store.createManualEntry({ label: 'Gym', category: 'Sport', startMs: T0 + 170 * M, endMs: T0 + 200 * M });
    seen(store);
    // [100, 180) cuts Chrome 90–150 to 90–100, Slack 150–200 to 180–200, the idle period 20–170 to 20–100, Gym 170–200 to 180–200.
    const range = { kind: 'range' as const, fromMs: T0 + 100 * M, toMs: T0 + 180 * M };
    const before = store.report({ fromMs: range.fromMs, toMs: range.toMs, tz: 'UTC' }).total_ms;
    const preview = store.previewPurge(range);
    expect(preview).toMatchObject({
      windowEvents: 2, // Chrome (cut), Slack (cut)
      browserEvents: 3, // docs.example.org (cut), example.org and badexample.org (inside)
      idleEvents: 1, // cut
      manualEntries: 1, // cut
      trackedMs: before,
    });
    expect(preview.cut).toBe(5);
    expect(store.purge(range)).toMatchObject(preview);

    const expected = open('b.sqlite');
    expected.createCategory('Sport', 'productive');
    fill(expected, {
      window: [...DATA.window.slice(0, 2), win('w3', 'Google Chrome', 90, 100), win('w4', 'Slack', 180, 200)],
      browser: [brw('b1', 'docs.example.org', 90, 100)],
      idle: [idle('i1', 20, 100)],
    });
    expected.createManualEntry({
      label: 'Gym',
      category: 'Sport',
      startMs: T0 + 180 * M,
      endMs: T0 + 200 * M,
    });
    expect(seen(store)).toEqual(seen(expected));
    expect(store.report({ fromMs: range.fromMs, toMs: range.toMs, tz: 'UTC' }).total_ms).toBe(0);
    expect(subjectNames(store)).toEqual(subjectNames(expected));
  });

  it('a range within one event splits it in two, the second piece an event of its own', () => {
    const store = open('a.sqlite');
    store.ingest('window', [win('long', 'Code', 0, 120)]);
    store.purge({ kind: 'range', fromMs: T0 + 30 * M, toMs: T0 + 45 * M });
    const events = store.db
      .prepare(`SELECT event_id, start_ms, end_ms FROM window_events ORDER BY start_ms`)
      .all();
    expect(events).toEqual([
      { event_id: 'long', start_ms: T0, end_ms: T0 + 30 * M },
      { event_id: expect.stringMatching(/^long:cut[0-9a-z]+$/), start_ms: T0 + 45 * M, end_ms: T0 + 120 * M },
    ]);
    expect(store.report(YEAR).total_ms).toBe(105 * M);
    // Sending the original again is a duplicate: the purged part does not come back.
    expect(store.ingest('window', [win('long', 'Code', 0, 120)])).toEqual({ accepted: 0, duplicates: 1 });
  });

  it('everything: all recorded data goes, categories, rules and goals stay', () => {
    const store = open('a.sqlite');
    fill(store, DATA);
    store.createManualEntry({ label: 'Reading', category: 'Office', startMs: T0 - 60 * M, endMs: T0 });
    seen(store);
    const done = store.purge({ kind: 'all' });
    expect(done).toMatchObject({ windowEvents: 4, browserEvents: 3, idleEvents: 1, manualEntries: 1 });
    expect(done.trackedMs).toBe(250 * M); // 200 minutes tracked, 10 of them away, and an hour logged
    for (const table of ['window_events', 'browser_events', 'idle_events', 'manual_entries', 'subjects'])
      expect(rows(store, table)).toBe(0);
    expect(seen(store).year.total_ms).toBe(0);
    expect(store.listRules()).toHaveLength(1);
    expect(store.listCategories().some((c) => c.name === 'Office')).toBe(true);
    // Recording goes on as before.
    store.ingest('window', [win('again', 'Code', 0, 10)]);
    expect(seen(store).year.total_ms).toBe(10 * M);
  });

  it('refuses a selector that names nothing, and deletes nothing', () => {
    const store = open('a.sqlite');
    fill(store, DATA);
    const bad = [
      { kind: 'range' as const, fromMs: T0 + 10 * M, toMs: T0 + 10 * M },
      { kind: 'range' as const, fromMs: Number.NaN, toMs: T0 },
      { kind: 'domain' as const, name: 'not a host' },
      { kind: 'app' as const, name: '' },
    ];
    for (const selector of bad) {
      expect(domainErrorOf(() => store.purge(selector)).kind).toBe('invalid');
      expect(domainErrorOf(() => store.previewPurge(selector)).kind).toBe('invalid');
    }
    expect(rows(store, 'window_events')).toBe(4);
    expect(rows(store, 'browser_events')).toBe(3);
  });

  it('a name nothing was recorded under deletes nothing', () => {
    const store = open('a.sqlite');
    fill(store, DATA);
    expect(store.purge({ kind: 'app', name: 'code' })).toMatchObject({
      windowEvents: 0,
      trackedMs: 0,
      subjects: [],
      subjectsRemoved: 0,
    });
    expect(seen(store).year.total_ms).toBe(200 * M - 10 * M);
  });
});
