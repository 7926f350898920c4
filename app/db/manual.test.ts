/** Manual entries in the store: their rules, and how they take time from what was tracked in every report. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../shared/report.ts';
import { MANUAL_OVERLAPS } from './events.ts';
import { Store, type ManualEntryInput } from './store.ts';
import { domainErrorOf, brw, DAY, M, T0, win, YEAR } from './events.testing.ts';

const NOW = T0 + 365 * 24 * 60 * M;
const entry = (label: string, start: number, end: number, category?: string): ManualEntryInput => ({
  label,
  category,
  startMs: T0 + start * M,
  endMs: T0 + end * M,
});

let dir: string;
let store: Store;
const open = (now = NOW) => Store.open({ file: path.join(dir, 'db.sqlite'), now: () => now });
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-manual-'));
  store = open();
  store.createCategory('Sport', 'productive');
  store.createCategory('Fun', 'unproductive');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Minutes per subject, as kind:name. */
const minutes = (r: Report) => Object.fromEntries(r.subjects.map((s) => [`${s.kind}:${s.name}`, s.ms / M]));
const categoryMinutes = (r: Report) =>
  Object.fromEntries(r.categories.map((c) => [String(c.name), c.ms / M]));
const rows = () => ({
  entries: store.db.prepare('SELECT count(*) FROM manual_entries').pluck().get(),
  labels: store.db.prepare(`SELECT count(*) FROM subjects WHERE kind = 'manual'`).pluck().get(),
});
const failure = (f: () => unknown) => {
  const error = domainErrorOf(f);
  return { kind: error.kind, field: error.field, message: error.message };
};

/**
 * Tracked: Code 0–120 (no category), Chrome 120–240 on youtube.com 120–240 (Fun), idle 300–330.
 * Entries:                 [Gym 100–160]                          [Walk 290–340]
 */
function track(): void {
  store.ingest('window', [win('w1', 'Code', 0, 120), win('w2', 'Google Chrome', 120, 240)]);
  store.ingest('browser', [brw('b1', 'youtube.com', 120, 240)]);
  store.ingest('idle', [{ eventId: 'i1', startMs: T0 + 300 * M, endMs: T0 + 330 * M }]);
  store.setSubjectCategory('domain', 'youtube.com', 'Fun');
  store.setSubjectCategory('app', 'Code', null);
}

describe('manual entries in reports', () => {
  it('take their interval from the tracked subjects, without double counting', () => {
    track();
    store.report(YEAR); // the Berlin rollups exist before the entry: they are updated, not rebuilt
    const before = store.report(DAY);
    expect(before.total_ms).toBe(240 * M);
    expect(minutes(before)).toEqual({ 'app:Code': 120, 'domain:youtube.com': 120 });

    const gym = store.createManualEntry(entry('Gym', 100, 160, 'Sport'));
    expect(gym).toEqual({
      id: gym.id,
      label: 'Gym',
      category: 'Sport',
      productivity: 'productive',
      start: new Date(T0 + 100 * M).toISOString(),
      end: new Date(T0 + 160 * M).toISOString(),
      note: '',
    });
    for (const q of [DAY, YEAR]) {
      const r = store.report(q);
      expect(r.total_ms).toBe(240 * M); // all of the gym's hour was tracked time already
      expect(minutes(r)).toEqual({ 'app:Code': 100, 'domain:youtube.com': 80, 'manual:Gym': 60 });
      expect(categoryMinutes(r)).toEqual({ Fun: 80, Sport: 60, null: 100 });
      expect(r.by_productivity).toMatchObject({ productive: 60 * M, unproductive: 80 * M });
    }
    const subject = store.report(DAY).subjects.find((s) => s.kind === 'manual');
    expect(subject).toEqual({
      kind: 'manual',
      name: 'Gym',
      ms: 60 * M,
      category: 'Sport',
      productivity: 'productive',
    });

    // Over idle time the entry adds what the idle time had taken away.
    store.createManualEntry(entry('Walk', 290, 340, 'Sport'));
    expect(store.report(DAY).total_ms).toBe(290 * M);
    expect(minutes(store.report(YEAR))['manual:Walk']).toBe(50);
  });

  it('moves the time when an entry is edited, and gives it back when it is deleted', () => {
    track();
    store.report(YEAR);
    const gym = store.createManualEntry(entry('Gym', 100, 160, 'Sport'));
    const moved = store.updateManualEntry(gym.id, { startMs: T0 + 200 * M, endMs: T0 + 230 * M });
    expect(moved).toMatchObject({
      label: 'Gym',
      category: 'Sport',
      start: new Date(T0 + 200 * M).toISOString(),
    });
    for (const q of [DAY, YEAR]) {
      expect(minutes(store.report(q))).toEqual({
        'app:Code': 120,
        'domain:youtube.com': 90,
        'manual:Gym': 30,
      });
      expect(store.report(q).total_ms).toBe(240 * M);
    }
    // Renamed, the entry brings its category to the new label.
    const swim = store.updateManualEntry(gym.id, { label: '  Swim ', note: 'pool' });
    expect(swim).toMatchObject({
      label: 'Swim',
      category: 'Sport',
      productivity: 'productive',
      note: 'pool',
    });
    expect(minutes(store.report(YEAR))).toEqual({
      'app:Code': 120,
      'domain:youtube.com': 90,
      'manual:Swim': 30,
    });

    expect(store.deleteManualEntry(gym.id)).toEqual({ id: gym.id, deleted: true, undo: expect.any(String) });
    for (const q of [DAY, YEAR])
      expect(minutes(store.report(q))).toEqual({ 'app:Code': 120, 'domain:youtube.com': 120 });
    expect(store.listManualEntries(DAY.fromMs, DAY.toMs)).toEqual([]);
  });

  it('agrees across zone rollups, day ranges and raw edges in a zone that is not UTC', () => {
    track();
    const tz = 'Asia/Kolkata'; // 08:00 UTC is 13:30 local
    store.report({ fromMs: YEAR.fromMs, toMs: YEAR.toMs, tz }); // kept rollups, updated by the writes below
    store.createManualEntry(entry('Gym', 100, 160, 'Sport'));
    store.createManualEntry(entry('Walk', 290, 340, 'Sport'));
    store.updateManualEntry(1, { endMs: T0 + 170 * M });
    const expected = { 'app:Code': 100, 'domain:youtube.com': 70, 'manual:Gym': 70, 'manual:Walk': 50 };
    const days = (from: string, to: string) => ({ fromMs: Date.parse(from), toMs: Date.parse(to), tz });
    for (const q of [
      days('2026-05-03T18:30:00Z', '2026-05-04T18:30:00Z'), // the local day of May 4
      days('2026-04-30T18:30:00Z', '2026-05-31T18:30:00Z'), // the local month of May
      { fromMs: YEAR.fromMs, toMs: YEAR.toMs, tz },
      { fromMs: YEAR.fromMs, toMs: YEAR.toMs, tz: 'America/New_York' }, // a zone built after the writes
    ]) {
      expect(minutes(store.report(q))).toEqual(expected);
      expect(store.report(q).total_ms).toBe(290 * M);
    }
    // Raw edges: the range cuts the entries, off slot boundaries, to the millisecond.
    const edges = store.report({ fromMs: T0 + 130 * M + 7_001, toMs: T0 + 310 * M - 999, tz });
    expect(edges.subjects.map((s) => [s.name, s.ms])).toEqual([
      ['youtube.com', 70 * M],
      ['Gym', 40 * M - 7_001],
      ['Walk', 20 * M - 999],
    ]);
    // Local hours: Gym 09:40Z–10:50Z is 15:10–16:20 IST, Walk 12:50Z–13:40Z is 18:20–19:10 IST.
    const local = store.report(days('2026-05-03T18:30:00Z', '2026-05-04T18:30:00Z')).hour_categories;
    expect(local.filter((h) => h.category === 'Sport').map((h) => [h.hour, h.ms / M])).toEqual([
      [15, 50],
      [16, 20],
      [18, 40],
      [19, 10],
    ]);
  });

  it('shows in the day’s timeline as a segment of kind manual', () => {
    track();
    store.createManualEntry(entry('Gym', 100, 160, 'Sport'));
    const segments = store
      .timeline('2026-05-04', 'UTC')
      .segments.map((s) => [s.kind, s.name, s.start, s.end]);
    const at = (m: number) => new Date(T0 + m * M).toISOString();
    expect(segments).toEqual([
      ['app', 'Code', at(0), at(100)],
      ['manual', 'Gym', at(100), at(160)],
      ['domain', 'youtube.com', at(160), at(240)],
    ]);
    expect(store.timeline('2026-05-04', 'UTC').segments[1]).toMatchObject({
      category: 'Sport',
      productivity: 'productive',
    });
  });
});

describe('manual entries', () => {
  it('lists the entries overlapping a range, by start, with their label’s category', () => {
    store.createManualEntry(entry('Walk', 300, 330, 'Sport'));
    store.createManualEntry({ ...entry('Gym', 100, 160, 'Sport'), note: 'legs' });
    store.createManualEntry(entry('Reading', 160, 170));
    const labels = (from: number, to: number) =>
      store.listManualEntries(T0 + from * M, T0 + to * M).map((e) => e.label);
    expect(labels(0, 1000)).toEqual(['Gym', 'Reading', 'Walk']);
    expect(labels(159, 301)).toEqual(['Gym', 'Reading', 'Walk']);
    expect(labels(160, 300)).toEqual(['Reading']); // [from, to): touching is not overlapping
    expect(labels(0, 100)).toEqual([]);
    expect(store.listManualEntries(T0, T0 + 200 * M)[0]).toMatchObject({ note: 'legs', category: 'Sport' });
    expect(store.listManualEntries(T0, T0 + 200 * M)[1]).toMatchObject({
      category: null,
      productivity: 'uncategorized',
    });
  });

  it('shares one category among the entries of a label', () => {
    const a = store.createManualEntry(entry('Gym', 0, 60, 'Sport'));
    const b = store.createManualEntry(entry('Gym', 1440, 1500)); // no category: the label keeps Sport
    expect(b.category).toBe('Sport');
    store.updateManualEntry(b.id, { category: 'Fun' });
    expect(store.listManualEntries(T0, T0 + 2000 * M).map((e) => [e.id, e.category])).toEqual([
      [a.id, 'Fun'],
      [b.id, 'Fun'],
    ]);
    const source = store.db
      .prepare(`SELECT category_source FROM subjects WHERE kind = 'manual' AND name = 'Gym'`)
      .pluck()
      .get();
    expect(source).toBe('user');
    expect(categoryMinutes(store.report(YEAR))).toEqual({ Fun: 120 });
    // A label that looks like a site is still the user's own: no built-in default category.
    expect(store.createManualEntry(entry('github.com', 3000, 3010, 'Sport')).category).toBe('Sport');
    expect(store.resetSubjectCategory('manual', 'github.com').category).toBeNull();
  });

  it('refuses an entry that overlaps another, naming it in the zone asked for', () => {
    store.createManualEntry(entry('Gym', 600, 660, 'Sport')); // 18:00–19:00 UTC
    const before = rows();
    const clash = failure(() => store.createManualEntry(entry('Run', 630, 700, 'Sport'), 'Europe/Paris'));
    expect(clash).toEqual({
      kind: 'conflict',
      field: 'startMs',
      message: 'overlaps "Gym" 2026-05-04 20:00–21:00 Europe/Paris (entry 1); manual entries cannot overlap',
    });
    expect(failure(() => store.createManualEntry(entry('Run', 500, 601, 'Sport'))).kind).toBe('conflict');
    expect(failure(() => store.createManualEntry(entry('Run', 610, 620, 'Sport'))).kind).toBe('conflict');
    expect(rows()).toEqual(before);
    // Touching is fine, and an entry may be moved over its own old interval.
    const run = store.createManualEntry(entry('Run', 660, 700, 'Sport'));
    expect(store.updateManualEntry(1, { startMs: T0 + 590 * M }).start).toBe(
      new Date(T0 + 590 * M).toISOString(),
    );
    expect(failure(() => store.updateManualEntry(run.id, { startMs: T0 + 650 * M })).message).toMatch(
      /overlaps "Gym" 2026-05-04 17:50–19:00 UTC \(entry 1\)/,
    );
  });

  it('refuses bad intervals, labels and notes, storing nothing', () => {
    const before = rows();
    const cases: Array<[ManualEntryInput, string, RegExp]> = [
      [entry('Gym', 60, 60, 'Sport'), 'endMs', /end must be after start/],
      [entry('Gym', 60, 0, 'Sport'), 'endMs', /end must be after start/],
      [entry('Gym', 0, 7 * 1440 + 1, 'Sport'), 'endMs', /at most 7 days/],
      [{ ...entry('Gym', 0, 60, 'Sport'), startMs: Number.NaN }, 'startMs', /not a time/],
      [
        { ...entry('Gym', 0, 60, 'Sport'), startMs: Date.UTC(1999, 0, 1), endMs: Date.UTC(1999, 0, 2) },
        'startMs',
        /2000/,
      ],
      [entry('   ', 0, 60, 'Sport'), 'label', /a label is required/],
      [entry('x'.repeat(121), 0, 60, 'Sport'), 'label', /at most 120/],
      [{ ...entry('Gym', 0, 60, 'Sport'), note: 'n'.repeat(1001) }, 'note', /at most 1000/],
    ];
    for (const [input, field, message] of cases) {
      const error = failure(() => store.createManualEntry(input));
      expect(error.kind).toBe('invalid');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }
    expect(store.createManualEntry(entry('Gym', 0, 7 * 1440, 'Sport')).label).toBe('Gym'); // exactly a week
    store.deleteManualEntry(1);
    expect(rows()).toEqual({ entries: 0, labels: 1 });
    expect(before.entries).toBe(0);
  });

  it('refuses an entry that ends in the future, with a minute of slack', () => {
    store.close();
    store = open(T0 + 200 * M);
    expect(store.createManualEntry(entry('Gym', 150, 201, 'Sport')).label).toBe('Gym');
    const error = failure(() => store.createManualEntry(entry('Run', 201, 202, 'Sport'), 'Europe/Paris'));
    expect(error).toMatchObject({ kind: 'invalid', field: 'endMs' });
    expect(error.message).toMatch(/ends in the future \(2026-05-04 13:22 Europe\/Paris\)/);
    expect(failure(() => store.updateManualEntry(1, { endMs: T0 + 230 * M })).field).toBe('endMs');
    expect(store.listManualEntries(0, NOW)).toHaveLength(1);
  });

  it('answers not_found for an unknown id, and unknown_category for an unknown category', () => {
    expect(failure(() => store.updateManualEntry(42, { note: 'x' }))).toMatchObject({
      kind: 'not_found',
      field: 'id',
    });
    expect(failure(() => store.deleteManualEntry(42)).kind).toBe('not_found');
    const error = failure(() => store.createManualEntry(entry('Ghost', 0, 60, 'Nope')));
    expect(error).toEqual({
      kind: 'unknown_category',
      field: 'category',
      message: 'there is no category named "Nope"',
    });
    expect(rows()).toEqual({ entries: 0, labels: 0 });
    const gym = store.createManualEntry(entry('Gym', 0, 60, 'Sport'));
    expect(failure(() => store.updateManualEntry(gym.id, { label: 'Ghost', category: 'Nope' })).kind).toBe(
      'unknown_category',
    );
    expect(store.listManualEntries(0, NOW)).toEqual([gym]);
    // Nothing half-made survives a refused write: new subjects still get ids of their own.
    store.ingest('window', [win('w1', 'Terminal', 100, 130)]);
    store.createManualEntry(entry('Ghost', 200, 230, 'Fun'));
    expect(minutes(store.report(DAY))).toEqual({ 'manual:Gym': 60, 'app:Terminal': 30, 'manual:Ghost': 30 });
  });

  it('finds the entries of a range through the start_ms index', () => {
    const plan = (
      store.db
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM manual_entries WHERE ${MANUAL_OVERLAPS}`)
        .all(0, 0, 0) as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(
      /SEARCH manual_entries USING INDEX manual_entries_by_start \(start_ms>\? AND start_ms<\?\)/,
    );
    expect(plan).not.toMatch(/SCAN/);
  });
});
