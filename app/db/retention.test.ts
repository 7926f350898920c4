/**
 * Retention on two years of a data folder (real SQLite file, a backup beside it): what remains is exactly what
 * the cutoffs keep, worked out here from the generated input (events ending after the events' cutoff, cut at it;
 * titles of windows starting before the titles' cutoff blank); reports equal those of a fresh database holding
 * just that, and the brute-force oracle's over days at both cutoffs; the removed titles are nowhere in the file,
 * its WAL or the backup. The preview promised what was done.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDays } from '../demo/synthetic.ts';
import type { BrowserEvent, IdleEvent, WindowEvent } from '../shared/events.ts';
import { DailyBackups } from './daily-backups.ts';
import { figuresOf, localDate, oracle } from './report-oracle.testing.ts';
import { runRetention, type RetentionRun } from './retention-run.ts';
import type { RetentionPreview } from './retention.ts';
import { Store } from './store.ts';

const TZ = 'Europe/Berlin';
const NOW = Date.UTC(2026, 2, 10, 11, 30);
const DAY = 86_400_000;
const KEEP_TITLES = 90;
const KEEP_EVENTS = 365;

/** The instant a local date starts in TZ, found with Intl alone (not the app's Zone). */
function midnight(date: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  for (const offsetH of [-3, -2, -1, 0, 1, 2, 3]) {
    const ms = utc + offsetH * 3_600_000;
    const hm = new Intl.DateTimeFormat('en-GB', {
      timeZone: TZ,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(ms);
    if (hm === '00:00' && localDate(TZ, ms) === date) return ms;
  }
  throw new Error(`no midnight for ${date}`);
}
const daysBefore = (days: number): number => {
  const today = localDate(TZ, NOW);
  const d = new Date(Date.parse(`${today}T12:00:00Z`) - days * DAY);
  return midnight(d.toISOString().slice(0, 10));
};
const TITLES_CUT = daysBefore(KEEP_TITLES);
const EVENTS_CUT = daysBefore(KEEP_EVENTS);

let dir = '';
let store: Store;
const input = { window: [] as WindowEvent[], browser: [] as BrowserEvent[], idle: [] as IdleEvent[] };
let preview: RetentionPreview;
let run: RetentionRun;
const TITLE_RULE = { field: 'title', match: 'contains', pattern: 'github', category: 'Reviews' } as const;

const setUp = (file: string): Store => {
  const s = Store.open({ file });
  s.createCategory('Reviews', 'productive');
  s.createRule(TITLE_RULE);
  return s;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-retention-'));
  store = setUp(path.join(dir, 'timeaudit.sqlite'));
  const firstDay = Math.floor(NOW / DAY) - 2 * 365;
  for (const day of generateDays({ firstDay, days: 2 * 365 + 1, tz: TZ }, 12, {
    windowEventsPerDay: 24,
    browserEventsPerDay: 16,
  })) {
    // Every title unique, so that an old one's bytes cannot hide behind a recent copy of the same text.
    const window = day.window
      .filter((e) => e.endMs <= NOW)
      .map((e) => ({ ...e, title: `${e.title} ~${e.eventId}~` }));
    const browser = day.browser.filter((e) => e.endMs <= NOW);
    const idle = day.idle.filter((e) => e.endMs <= NOW);
    if (window.length) store.ingest('window', window);
    if (browser.length) store.ingest('browser', browser);
    if (idle.length) store.ingest('idle', idle);
    input.window.push(...window);
    input.browser.push(...browser);
    input.idle.push(...idle);
  }
  store.refreshRollups();
  store.prepareZone(TZ);
  // A backup in the data folder, which retention reaches too.
  await new DailyBackups({ dataDir: dir, database: store.file, tz: TZ, now: () => NOW - DAY }).tick();
  const policy = { keepTitlesDays: KEEP_TITLES, keepEventsDays: KEEP_EVENTS };
  preview = store.previewRetention({ titlesBeforeMs: TITLES_CUT, eventsBeforeMs: EVENTS_CUT });
  run = await runRetention(store, policy, { nowMs: NOW, tz: TZ });
  remaining = remainingOf();
}, 240_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What must remain of one event: nothing, or its part from the events' cutoff on. */
function kept<E extends { startMs: number; endMs: number }>(e: E): E | null {
  if (e.startMs >= EVENTS_CUT) return e;
  if (e.endMs > EVENTS_CUT) return { ...e, startMs: EVENTS_CUT };
  return null;
}
const remainingOf = () => ({
  window: input.window.flatMap((e) => {
    const k = kept(e);
    return k ? [{ ...k, title: k.startMs < TITLES_CUT ? '' : k.title }] : [];
  }),
  browser: input.browser.flatMap((e) => {
    const k = kept(e);
    return k ? [{ ...k, durationMs: k.endMs - k.startMs }] : [];
  }),
  idle: input.idle.flatMap((e) => (kept(e) ? [kept(e)!] : [])),
});
let remaining: ReturnType<typeof remainingOf>;

describe('retention over two years', () => {
  it('finds the cutoffs at local midnights', () => {
    expect(run.cutoffs).toEqual({ titlesBeforeMs: TITLES_CUT, eventsBeforeMs: EVENTS_CUT });
    expect(run.steps).toBeGreaterThan(12); // a year of events in monthly steps, then the titles
  });

  it('leaves exactly the events after the cutoff, with the titles before the other one blank', () => {
    const rows = (sql: string) => store.db.prepare(sql).raw().all();
    expect(rows(`SELECT app, title, start_ms, end_ms FROM window_events ORDER BY id`)).toEqual(
      remaining.window.map((e) => [e.app, e.title, e.startMs, e.endMs]),
    );
    expect(rows(`SELECT domain, start_ms, end_ms FROM browser_events ORDER BY id`)).toEqual(
      remaining.browser.map((e) => [e.domain, e.startMs, e.endMs]),
    );
    expect(rows(`SELECT start_ms, end_ms FROM idle_events ORDER BY id`)).toEqual(
      remaining.idle.map((e) => [e.startMs, e.endMs]),
    );
  });

  it('did what the preview said it would', () => {
    const gone = input.window.length + input.browser.length + input.idle.length;
    const left = remaining.window.length + remaining.browser.length + remaining.idle.length;
    expect(run.deleted).toBe(gone - left);
    expect(preview.events.windowEvents + preview.events.browserEvents + preview.events.idleEvents).toBe(
      gone - left + preview.events.cut,
    );
    const blanked = remaining.window.filter((e) => e.startMs < TITLES_CUT).length;
    expect(preview.titles).toBe(blanked);
    expect(run.blanked).toBe(blanked);
  });

  it('reports as a fresh database holding only what remains', () => {
    const fresh = setUp(path.join(dir, 'fresh.sqlite'));
    try {
      fresh.ingest('window', remaining.window);
      fresh.ingest('browser', remaining.browser);
      fresh.ingest('idle', remaining.idle);
      for (const [fromMs, toMs] of [
        [NOW - 3 * 365 * DAY, NOW],
        [EVENTS_CUT - 3 * DAY, EVENTS_CUT + 40 * DAY],
        [TITLES_CUT - 20 * DAY, TITLES_CUT + 5 * DAY],
      ] as const) {
        const q = { fromMs, toMs, tz: TZ };
        expect(store.report(q)).toEqual(fresh.report(q));
      }
    } finally {
      fresh.close();
    }
  });

  it('reports as the brute-force oracle over the days at both cutoffs', () => {
    for (const cut of [EVENTS_CUT, TITLES_CUT]) {
      const [fromMs, toMs] = [cut - 2 * DAY, cut + 2 * DAY];
      const within = <E extends { startMs: number; endMs: number }>(list: E[]) =>
        list.filter((e) => e.endMs > fromMs - DAY && e.startMs < toMs);
      const report = store.report({ fromMs, toMs, tz: TZ });
      const categories = new Map(report.subjects.map((s) => [`${s.kind}:${s.name}`, s.category]));
      const expected = oracle(
        {
          window: within(remaining.window),
          browser: within(remaining.browser),
          idle: within(remaining.idle),
          manual: [],
        },
        fromMs,
        toMs,
        TZ,
        (kind, name) => categories.get(`${kind}:${name}`) ?? null,
        [TITLE_RULE],
        [{ name: 'Reviews', productivity: 'productive' }],
      );
      const { dates: _dates, ...figures } = expected;
      expect(figuresOf(report)).toEqual(figures);
      expect(figures.total).toBeGreaterThan(0);
    }
  });

  it('leaves no removed title in the file, its WAL or the backup', () => {
    const files = [store.file, `${store.file}-wal`, ...run.copies.map((c) => path.join(dir, c.file))];
    expect(run.copies).toEqual([
      expect.objectContaining({ purged: true, file: expect.stringMatching(/^backups\//) }),
    ]);
    const bytes = files.filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('utf8'));
    const removed = input.window.filter((e) => e.startMs < TITLES_CUT);
    const kept = remaining.window.filter((e) => e.title !== '');
    // Every 50th removed title, the last one before the cutoff included; kept ones are found (the search works).
    const sample = [...removed.filter((_, i) => i % 50 === 0), removed.at(-1)!];
    for (const e of sample) for (const b of bytes) expect(b.includes(`~${e.eventId}~`)).toBe(false);
    expect(bytes[0]!.includes(`~${kept[0]!.eventId}~`)).toBe(true);
  });
});
