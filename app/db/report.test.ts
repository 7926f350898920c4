/**
 * The report's score, pulse and trend on a real store: the formulas, daily and monthly trends in zones away from
 * UTC (midnights, a DST day, month ends), buckets cut at the range's edges, and ranges without time.
 * (The same figures are checked against a brute-force oracle in report.property.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';

const M = 60_000;
const H = 60 * M;

let dir: string;
let store: Store;
let n = 0;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-report-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => Date.UTC(2026, 5, 1) });
  // App names outside the built-in category database, given categories of each productivity.
  store.createCategory('Dev', 'productive');
  store.createCategory('Chat', 'neutral');
  store.createCategory('Fun', 'unproductive');
  store.setSubjectCategory('app', 'ta-editor', 'Dev');
  store.setSubjectCategory('app', 'ta-chat', 'Chat');
  store.setSubjectCategory('app', 'ta-game', 'Fun');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function use(app: string, startIso: string, minutes: number): void {
  const startMs = Date.parse(startIso);
  store.ingest('window', [{ eventId: `e${n++}`, app, title: '', startMs, endMs: startMs + minutes * M }]);
}

const range = (fromIso: string, toIso: string, tz: string) =>
  store.report({ fromMs: Date.parse(fromIso), toMs: Date.parse(toIso), tz });

describe('report score and pulse', () => {
  it('score is the productive share; pulse weighs neutral and uncategorized ½, unproductive 0', () => {
    use('ta-editor', '2026-05-04T08:00:00Z', 60);
    use('ta-chat', '2026-05-04T09:00:00Z', 30);
    use('ta-game', '2026-05-04T09:30:00Z', 20);
    use('ta-unknown', '2026-05-04T09:50:00Z', 10); // no category
    const r = range('2026-05-04T00:00:00Z', '2026-05-05T00:00:00Z', 'UTC');
    expect(r.total_ms).toBe(120 * M);
    expect(r.score).toBe(50); // 60 / 120
    expect(r.pulse).toBe(67); // (60 + 15 + 5) / 120 = 66.7
    expect(r.trend_unit).toBe('day');
    expect(r.trend).toEqual([
      { date: '2026-05-04', total_ms: 120 * M, productive_ms: 60 * M, score: 50, pulse: 67 },
    ]);
  });

  it('follows a recategorization at once', () => {
    use('ta-game', '2026-05-04T08:00:00Z', 60);
    const before = range('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z', 'UTC');
    expect([before.score, before.pulse]).toEqual([0, 0]);
    store.setSubjectCategory('app', 'ta-game', 'Dev');
    const after = range('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z', 'UTC');
    expect([after.score, after.pulse]).toEqual([100, 100]);
    expect(after.trend.find((p) => p.date === '2026-05-04')).toMatchObject({ score: 100, pulse: 100 });
  });

  it('is null without tracked time, and every day of the range still has its point', () => {
    const r = range('2026-05-04T00:00:00Z', '2026-05-07T00:00:00Z', 'UTC');
    expect([r.score, r.pulse]).toEqual([null, null]);
    expect(r.trend).toEqual(
      ['2026-05-04', '2026-05-05', '2026-05-06'].map((date) => ({
        date,
        total_ms: 0,
        productive_ms: 0,
        score: null,
        pulse: null,
      })),
    );
    const empty = range('2026-05-04T00:00:00Z', '2026-05-04T00:00:00Z', 'UTC');
    expect(empty).toMatchObject({ total_ms: 0, score: null, pulse: null, trend: [] });
  });
});

describe('report trend', () => {
  it('per local day in Los Angeles, across midnight and the DST day, cut at the range edges', () => {
    // Sat 7 March 2026 is PST (−8); DST starts Sun 8 March at 02:00 (−7 after).
    use('ta-editor', '2026-03-07T19:00:00Z', 60); // 11:00–12:00 local, before the range: cut off
    use('ta-editor', '2026-03-08T07:30:00Z', 60); // 23:30–00:30 local: 30 min on the 7th, 30 on the 8th
    use('ta-game', '2026-03-08T09:00:00Z', 120); // 01:00–04:00 local (the 02:00 hour is skipped): the 8th
    use('ta-chat', '2026-03-10T06:45:00Z', 30); // 23:45 on the 9th – 00:15 on the 10th (PDT)
    use('ta-editor', '2026-03-10T16:00:00Z', 60); // 09:00 on the 10th, after the range's end: cut at 09:30
    const r = range('2026-03-07T20:00:00Z', '2026-03-10T16:30:00Z', 'America/Los_Angeles');
    expect(r.trend_unit).toBe('day');
    expect(r.trend).toEqual([
      { date: '2026-03-07', total_ms: 30 * M, productive_ms: 30 * M, score: 100, pulse: 100 },
      { date: '2026-03-08', total_ms: 150 * M, productive_ms: 30 * M, score: 20, pulse: 20 },
      { date: '2026-03-09', total_ms: 15 * M, productive_ms: 0, score: 0, pulse: 50 },
      { date: '2026-03-10', total_ms: 45 * M, productive_ms: 30 * M, score: 67, pulse: 83 },
    ]);
    expect(r.total_ms).toBe(240 * M);
    expect(r.score).toBe(38); // 90 / 240 = 37.5
    expect(r.pulse).toBe(44); // (90 + 30 / 2) / 240 = 43.75
  });

  it('per day up to 92 local days, per month beyond', () => {
    const days92 = range('2026-01-01T00:00:00Z', '2026-04-03T00:00:00Z', 'UTC');
    expect(days92.trend_unit).toBe('day');
    expect(days92.trend).toHaveLength(92);
    expect([days92.trend[0]?.date, days92.trend.at(-1)?.date]).toEqual(['2026-01-01', '2026-04-02']);
    const days93 = range('2026-01-01T00:00:00Z', '2026-04-04T00:00:00Z', 'UTC');
    expect(days93.trend_unit).toBe('month');
    expect(days93.trend.map((p) => p.date)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
  });

  it('per local month in Kolkata (+05:30), across a month end, cut at the range edges', () => {
    use('ta-editor', '2025-11-14T18:00:00Z', 60); // 23:30 on 14 Nov: 30 min before the range, 30 inside
    use('ta-game', '2025-12-31T18:00:00Z', 60); // 23:30 on 31 Dec: 30 min in December, 30 in January
    use('ta-chat', '2026-02-10T04:00:00Z', 60);
    use('ta-editor', '2026-03-10T06:00:00Z', 60); // 11:30 on 10 March: cut at the range's end, 12:00
    const r = range('2025-11-14T18:30:00Z', '2026-03-10T06:30:00Z', 'Asia/Kolkata');
    expect(r.trend_unit).toBe('month');
    expect(r.trend).toEqual([
      { date: '2025-11-01', total_ms: 30 * M, productive_ms: 30 * M, score: 100, pulse: 100 },
      { date: '2025-12-01', total_ms: 30 * M, productive_ms: 0, score: 0, pulse: 0 },
      { date: '2026-01-01', total_ms: 30 * M, productive_ms: 0, score: 0, pulse: 0 },
      { date: '2026-02-01', total_ms: 60 * M, productive_ms: 0, score: 0, pulse: 50 },
      { date: '2026-03-01', total_ms: 30 * M, productive_ms: 30 * M, score: 100, pulse: 100 },
    ]);
  });

  it('splits a whole local year of the range into its months', () => {
    use('ta-editor', '2024-12-31T18:00:00Z', 60); // 23:30 on 31 Dec 2024 in Kolkata: half in 2025
    use('ta-editor', '2025-07-14T10:00:00Z', 90);
    use('ta-game', '2025-12-31T18:29:00Z', 2); // the last local minute of 2025 and the first of 2026
    const r = range('2024-12-19T18:30:00Z', '2026-01-04T18:30:00Z', 'Asia/Kolkata');
    expect(r.trend_unit).toBe('month');
    expect(r.trend.map((p) => p.date)).toEqual([
      '2024-12-01',
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}-01`),
      '2026-01-01',
    ]);
    const at = (date: string) => r.trend.find((p) => p.date === date);
    expect(at('2024-12-01')).toMatchObject({ total_ms: 30 * M, score: 100 });
    expect(at('2025-01-01')).toMatchObject({ total_ms: 30 * M, score: 100 });
    expect(at('2025-07-01')).toMatchObject({ total_ms: 90 * M, productive_ms: 90 * M });
    expect(at('2025-12-01')).toMatchObject({ total_ms: M, productive_ms: 0, score: 0 });
    expect(at('2026-01-01')).toMatchObject({ total_ms: M, score: 0 });
    expect(r.trend.reduce((sum, p) => sum + p.total_ms, 0)).toBe(r.total_ms);
    expect(r.total_ms).toBe(2 * H + 32 * M);
  });
});
