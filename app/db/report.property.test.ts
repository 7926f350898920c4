/**
 * The report semantics, checked against an oracle (report-oracle.testing.ts) that knows nothing of rollups:
 * it walks every elementary interval of the raw events, picks the winner by brute force, and finds the local
 * hour with its own Intl formatter. Random data, random zones (with DST, half-hour and 45-minute offsets),
 * random ranges from minutes to years, events arriving in several batches, categories changing in between,
 * activities logged by hand (manual entries) that take precedence over everything tracked, and window-title
 * rules that give matching window time subjects of their own (one added or deleted at the end, after which
 * the reports must match the oracle again). The oracle applies the title rules itself, from the rule list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { defaultCategoryFor } from './default-categories.ts';
import {
  addToDate,
  figuresOf,
  localDate,
  oracle,
  type Ev,
  type OracleData,
  type TitleRule,
} from './report-oracle.testing.ts';
import type { Report } from '../shared/report.ts';

const MIN = 60_000;
const BASE = Date.UTC(2023, 2, 20, 0, 0, 0);
const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Kolkata',
];
const APPS = ['Code', 'Google Chrome', 'firefox', 'Terminal', 'Slack'];
const DOMAINS = ['github.com', 'youtube.com', 'news.example.test', 'docs.rs'];
const LABELS = ['Gym', 'Reading', 'Meeting'];
const TITLES = ['PROJ-1 Jira board', 'main.ts', 'jira: review', 'Inbox', ''];
/** Title rules to pick from: a match and a pattern. */
const TITLE_RULES = [
  ['contains', 'jira'],
  ['contains', 'BOARD'],
  ['regex', '^proj'],
  ['regex', '\\.ts$'],
  ['regex', 'review|inbox'],
] as const;
const CATEGORIES = [
  { name: 'Dev', productivity: 'productive' },
  { name: 'Fun', productivity: 'unproductive' },
  { name: 'Chat', productivity: 'neutral' },
] as const;

/** Score and pulse as the report defines them, from time per productivity. */
function expectedScores(t: Record<string, number>) {
  const total = t.productive! + t.neutral! + t.unproductive! + t.uncategorized!;
  if (total === 0) return { score: null, pulse: null };
  return {
    score: Math.round((t.productive! * 100) / total),
    pulse: Math.round(((t.productive! + t.neutral! / 2 + t.uncategorized! / 2) * 100) / total),
  };
}

/**
 * The trend: one point per local date (per month past 92 dates) from the range's first to its last instant,
 * each with the time of its date(s) inside the range.
 */
function checkTrend(
  r: Report,
  dates: Map<string, Record<string, number>>,
  fromMs: number,
  toMs: number,
): void {
  const first = Date.parse(localDate(r.tz, fromMs));
  const last = Date.parse(localDate(r.tz, toMs - 1));
  const unit = (last - first) / 86_400_000 + 1 <= 92 ? 'day' : 'month';
  expect(r.trend_unit).toBe(unit);
  const key = (date: string) => (unit === 'day' ? date : `${date.slice(0, 7)}-01`);
  const buckets = new Map<string, Record<string, number>>();
  for (let d = first; d <= last; d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    const row = dates.get(date) ?? { productive: 0, neutral: 0, unproductive: 0, uncategorized: 0 };
    for (const [p, ms] of Object.entries(row)) addToDate(buckets, key(date), p, ms);
  }
  expect(r.trend).toEqual(
    [...buckets].map(([date, t]) => ({
      date,
      total_ms: t.productive! + t.neutral! + t.unproductive! + t.uncategorized!,
      productive_ms: t.productive,
      ...expectedScores(t),
    })),
  );
  const all = { productive: 0, neutral: 0, unproductive: 0, uncategorized: 0 };
  for (const t of dates.values())
    for (const p of Object.keys(all) as Array<keyof typeof all>) all[p] += t[p]!;
  expect({ score: r.score, pulse: r.pulse }).toEqual(expectedScores(all));
}

const span = fc.constantFrom(6 * 60 * MIN, 3 * 24 * 60 * MIN, 70 * 24 * 60 * MIN, 3 * 365 * 24 * 60 * MIN);
const event = (spanMs: number) =>
  fc.record({
    start: fc.integer({ min: 0, max: spanMs }),
    // Mostly short, sometimes a day, rarely weeks (those are read through long_events).
    length: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 90 * MIN }), weight: 6 },
      { arbitrary: fc.integer({ min: 0, max: 26 * 60 * MIN }), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 20 * 24 * 60 * MIN }), weight: 1 },
    ),
    ms: fc.integer({ min: 0, max: 999 }),
  });

const scenario = span.chain((spanMs) =>
  fc.record({
    spanMs: fc.constant(spanMs),
    window: fc.array(fc.tuple(event(spanMs), fc.constantFrom(...APPS), fc.constantFrom(...TITLES)), {
      maxLength: 25,
    }),
    browser: fc.array(fc.tuple(event(spanMs), fc.constantFrom(...DOMAINS)), { maxLength: 25 }),
    idle: fc.array(event(spanMs), { maxLength: 6 }),
    manual: fc.array(
      fc.tuple(event(spanMs), fc.constantFrom(...LABELS), fc.constantFrom(...CATEGORIES.map((c) => c.name))),
      { maxLength: 4 },
    ),
    manualEdit: fc.constantFrom('none', 'delete', 'shorten'),
    tz: fc.constantFrom(...ZONES),
    batches: fc.integer({ min: 1, max: 3 }),
    range: fc.tuple(
      fc.integer({ min: -60 * MIN, max: spanMs }),
      fc.integer({ min: 1, max: spanMs + 120 * MIN }),
    ),
    categoriesBefore: fc.array(
      fc.tuple(fc.constantFrom(...APPS, ...DOMAINS), fc.constantFrom(null, ...CATEGORIES.map((c) => c.name))),
    ),
    categoriesAfter: fc.array(
      fc.tuple(fc.constantFrom(...APPS, ...DOMAINS), fc.constantFrom(null, ...CATEGORIES.map((c) => c.name))),
    ),
    warmZone: fc.boolean(),
    titleRules: fc.array(
      fc.tuple(fc.constantFrom(...TITLE_RULES), fc.constantFrom(...CATEGORIES.map((c) => c.name))),
      { maxLength: 2 },
    ),
    // Then one more title rule, at some position, or the first one deleted.
    titleEdit: fc.oneof(
      fc.constant({ kind: 'delete' as const }),
      fc.record({
        kind: fc.constant('add' as const),
        rule: fc.constantFrom(...TITLE_RULES),
        category: fc.constantFrom(...CATEGORIES.map((c) => c.name)),
        position: fc.integer({ min: 0, max: 2 }),
      }),
    ),
  }),
);

const at = (e: { start: number; length: number; ms: number }): Ev => ({
  startMs: BASE + e.start + e.ms,
  endMs: BASE + e.start + e.ms + e.length,
});

function checkInvariants(r: Report, fromMs: number, toMs: number): void {
  expect(r.total_ms).toBeLessThanOrEqual(toMs - fromMs);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  expect(sum(Object.values(r.by_productivity))).toBe(r.total_ms);
  expect(sum(r.by_hour.map((h) => h.total_ms))).toBe(r.total_ms);
  expect(sum(r.by_weekday.map((h) => h.total_ms))).toBe(r.total_ms);
  expect(sum(r.subjects.map((s) => s.ms))).toBe(r.total_ms);
  expect(sum(r.categories.map((s) => s.ms))).toBe(r.total_ms);
  for (const h of [...r.by_hour, ...r.by_weekday]) {
    expect(h.productive + h.neutral + h.unproductive + h.uncategorized).toBe(h.total_ms);
  }
  for (const h of r.by_hour) {
    expect(sum(r.hour_categories.filter((c) => c.hour === h.hour).map((c) => c.ms))).toBe(h.total_ms);
  }
  for (const w of r.by_weekday) {
    expect(sum(r.weekday_categories.filter((c) => c.weekday === w.weekday).map((c) => c.ms))).toBe(
      w.total_ms,
    );
  }
  for (const c of r.categories) {
    expect(sum(r.hour_categories.filter((h) => h.category === c.name).map((h) => h.ms))).toBe(c.ms);
  }
  expect(r.by_hour.map((h) => h.hour)).toEqual([...Array(24).keys()]);
  expect(r.by_weekday.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
}

describe('report semantics (property)', () => {
  it('matches a brute-force oracle for any data, zone, range, batching and recategorization', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const store = Store.open({ file: ':memory:', now: () => BASE + 10 * 365 * 24 * 60 * MIN });
        try {
          for (const c of CATEGORIES) store.createCategory(c.name, c.productivity);
          const kindOf = (name: string) => (APPS.includes(name) ? 'app' : 'domain') as 'app' | 'domain';
          const assigned = new Map<string, string | null>();
          const assign = (list: Array<[string, string | null]>) => {
            for (const [name, cat] of list) {
              store.setSubjectCategory(kindOf(name), name, cat);
              assigned.set(`${kindOf(name)}:${name}`, cat);
            }
          };
          const data: OracleData = {
            window: s.window.map(([e, app, title]) => ({ ...at(e), app, title })),
            browser: s.browser.map(([e, domain]) => ({ ...at(e), domain })),
            idle: s.idle.map(at),
            manual: [],
          };
          // Manual entries last 1 ms to 7 days and never overlap: the store refuses any other.
          const entries: Array<Ev & { label: string; category: string }> = [];
          for (const [e, label, category] of s.manual) {
            const { startMs } = at(e);
            const x = {
              startMs,
              endMs: startMs + Math.min(Math.max(1, e.length), 7 * 24 * 60 * MIN),
              label,
              category,
            };
            if (!entries.some((o) => o.startMs < x.endMs && o.endMs > x.startMs)) entries.push(x);
          }
          data.manual = entries;
          const fromMs = BASE + s.range[0];
          const toMs = fromMs + s.range[1];
          if (s.warmZone) store.report({ fromMs: BASE - 400 * 24 * 60 * MIN, toMs: BASE, tz: s.tz });
          assign(s.categoriesBefore);
          const titleRules: TitleRule[] = s.titleRules.map(([[match, pattern], category]) => ({
            match,
            pattern,
            category,
          }));
          for (const r of titleRules) store.createRule({ field: 'title', ...r });
          let n = 0;
          const id = () => `e${n++}`;
          for (let b = 0; b < s.batches; b++) {
            const part = <T>(xs: T[]) => xs.filter((_, i) => i % s.batches === b);
            store.ingest(
              'window',
              part(data.window).map((e) => ({ eventId: id(), ...e })),
            );
            store.ingest(
              'browser',
              part(data.browser).map((e) => ({
                eventId: id(),
                userId: 'u',
                durationMs: e.endMs - e.startMs,
                reasonClosed: 'tab_switch',
                ...e,
              })),
            );
            store.ingest(
              'idle',
              part(data.idle).map((e) => ({ eventId: id(), ...e })),
            );
            for (const e of part(entries)) {
              store.createManualEntry(e);
              // All entries of a label share the category given last.
              assigned.set(`manual:${e.label}`, e.category);
            }
          }
          // Deleted or shortened afterwards, an entry gives (part of) its interval back to what was tracked.
          const edited = entries[0];
          if (edited && s.manualEdit !== 'none') {
            const entryId = store.listManualEntries(edited.startMs, edited.endMs)[0]!.id;
            if (s.manualEdit === 'delete') {
              store.deleteManualEntry(entryId);
              data.manual = entries.slice(1);
            } else {
              edited.endMs = edited.startMs + Math.max(1, Math.floor((edited.endMs - edited.startMs) / 2));
              store.updateManualEntry(entryId, { endMs: edited.endMs });
            }
          }
          assign(s.categoriesAfter);
          // The oracle's tie-break follows storage order, which is batch order.
          const stored = {
            window: [...Array(s.batches).keys()].flatMap((b) =>
              data.window.filter((_, i) => i % s.batches === b),
            ),
            browser: [...Array(s.batches).keys()].flatMap((b) =>
              data.browser.filter((_, i) => i % s.batches === b),
            ),
            idle: data.idle,
            manual: data.manual,
          };
          const check = () => {
            const report = store.report({ fromMs, toMs, tz: s.tz });
            checkInvariants(report, fromMs, toMs);
            const expected = oracle(
              stored,
              fromMs,
              toMs,
              s.tz,
              // The user's choice (none included) wins; then a title rule's category for its subjects; otherwise
              // the built-in default category, if any.
              (kind, name) => {
                if (assigned.has(`${kind}:${name}`)) return assigned.get(`${kind}:${name}`) ?? null;
                const ruled = titleRules.find(
                  (r) => kind === 'app' && APPS.some((app) => name === `${app} — ${r.pattern}`),
                );
                if (ruled) return ruled.category;
                return defaultCategoryFor(kind as 'app' | 'domain', name)?.name ?? null;
              },
              titleRules,
              CATEGORIES,
            );
            const { dates, ...figures } = expected;
            expect(figuresOf(report)).toEqual(figures);
            checkTrend(report, dates, fromMs, toMs);
          };
          check();
          // A title rule added somewhere among the others, or the first one deleted: window time moves.
          const edit = s.titleEdit;
          if (edit.kind === 'add') {
            const rule: TitleRule = { match: edit.rule[0], pattern: edit.rule[1], category: edit.category };
            const position = Math.min(edit.position, titleRules.length);
            store.createRule({ field: 'title', ...rule, position });
            titleRules.splice(position, 0, rule);
            check();
          } else if (titleRules.length > 0) {
            store.deleteRule(store.listRules()[0]!.id);
            titleRules.shift();
            check();
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
