/**
 * The session export against the report, over random data: in every format, read back as a user would (CSV by
 * an RFC 4180 parser, JSON, NDJSON, Parquet by DuckDB), the durations add up to the report's total and to each
 * subject's time to the millisecond, for random ranges cutting through sessions, in a half-hour zone
 * (Asia/Kolkata) and across a DST change (Europe/Berlin, 30 March 2025). Rows are the maximal runs of one
 * subject, in order, inside the range; a session's id is the same in an export of a wider range, whose row
 * holds the narrower one's; and the raw events, ingested into an empty store, give the same report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBrowserEvent, checkIdleEvent, checkWindowEvent } from '../../shared/events.ts';
import { EXPORT_FORMATS } from '../../shared/api/data-export.ts';
import type { Report } from '../../shared/report.ts';
import { Store } from '../../db/store.ts';
import { exportDownload } from './download.ts';
import { bytesOf, parseExport, type ParsedRow } from './parse.testing.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Three days from 29 March 2025: Berlin moves to summer time on the 30th at 01:00 UTC. */
const BASE = Date.UTC(2025, 2, 29, 0, 0, 0);
const SPAN = 3 * DAY;
const NOW = BASE + 30 * DAY;
const ZONES = ['Asia/Kolkata', 'Europe/Berlin', 'UTC'];
const APPS = ['Code', 'Google Chrome', 'Terminal'];
const DOMAINS = ['github.com', 'youtube.com', 'docs.rs'];
const TITLES = ['main.ts', 'Inbox, 3 unread', 'say "hi"\nthere', ''];
const LABELS = ['Gym', 'Reading'];

const event = fc.record({
  start: fc.integer({ min: 0, max: SPAN }),
  // Mostly minutes, sometimes most of a day: sessions cross local midnights and the DST change.
  length: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 90 * MIN }), weight: 5 },
    { arbitrary: fc.integer({ min: 0, max: 26 * 60 * MIN }), weight: 1 },
  ),
  ms: fc.integer({ min: 0, max: 999 }),
});
const at = (e: { start: number; length: number; ms: number }) => ({
  startMs: BASE + e.start + e.ms,
  endMs: BASE + e.start + e.ms + e.length,
});

const scenario = fc.record({
  window: fc.array(fc.tuple(event, fc.constantFrom(...APPS), fc.constantFrom(...TITLES)), { maxLength: 20 }),
  browser: fc.array(fc.tuple(event, fc.constantFrom(...DOMAINS)), { maxLength: 20 }),
  idle: fc.array(event, { maxLength: 4 }),
  manual: fc.array(fc.tuple(event, fc.constantFrom(...LABELS)), { maxLength: 3 }),
  tz: fc.constantFrom(...ZONES),
  range: fc.tuple(fc.integer({ min: -60 * MIN, max: SPAN }), fc.integer({ min: 1, max: SPAN })),
  categorized: fc.subarray([...APPS, ...DOMAINS]),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function fill(store: Store, s: Scenario): void {
  store.createCategory('Sport', 'productive');
  let n = 0;
  const id = () => `e${n++}`;
  store.ingest(
    'window',
    s.window.map(([e, app, title]) => ({ eventId: id(), app, title, ...at(e) })),
  );
  store.ingest(
    'browser',
    s.browser.map(([e, domain]) => ({
      eventId: id(),
      userId: 'u',
      domain,
      durationMs: e.length,
      reasonClosed: 'tab_switch',
      ...at(e),
    })),
  );
  store.ingest(
    'idle',
    s.idle.map((e) => ({ eventId: id(), ...at(e) })),
  );
  const taken: Array<{ startMs: number; endMs: number }> = [];
  for (const [e, label] of s.manual) {
    const { startMs } = at(e);
    const x = { startMs, endMs: startMs + Math.max(1, e.length) };
    if (taken.some((o) => o.startMs < x.endMs && o.endMs > x.startMs)) continue;
    taken.push(x);
    store.createManualEntry({ label, category: 'Sport', ...x });
  }
  for (const name of s.categorized)
    store.setSubjectCategory(APPS.includes(name) ? 'app' : 'domain', name, 'Sport');
}

async function exported(store: Store, format: (typeof EXPORT_FORMATS)[number], q: Query) {
  return parseExport(
    format,
    await bytesOf(exportDownload(store, { ...q, format, titles: true, raw: false })),
  );
}

interface Query {
  fromMs: number;
  toMs: number;
  tz: string;
}

/** What must hold of one export against the report of its range. */
function checkAgainstReport(rows: ParsedRow[], report: Report, q: Query): void {
  expect(rows.reduce((sum, r) => sum + r.duration_ms, 0)).toBe(report.total_ms);
  const bySubject = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.subject_kind}:${r.subject}`;
    bySubject.set(key, (bySubject.get(key) ?? 0) + r.duration_ms);
  }
  expect(bySubject).toEqual(new Map(report.subjects.map((s) => [`${s.kind}:${s.name}`, s.ms])));
  const categoryOf = new Map(report.subjects.map((s) => [`${s.kind}:${s.name}`, s]));
  rows.forEach((r, i) => {
    expect(r.duration_ms).toBe(r.end_ms - r.start_ms);
    expect(r.duration_ms).toBeGreaterThan(0);
    expect(r.start_ms).toBeGreaterThanOrEqual(q.fromMs);
    expect(r.end_ms).toBeLessThanOrEqual(q.toMs);
    expect(r.source).toBe({ app: 'window', domain: 'browser', manual: 'manual' }[r.subject_kind]);
    const subject = categoryOf.get(`${r.subject_kind}:${r.subject}`)!;
    expect(r.category).toBe(subject.category);
    expect(r.productivity).toBe(subject.productivity === 'uncategorized' ? null : subject.productivity);
    if (r.subject_kind !== 'app') expect(r.title).toBe('');
    else expect(TITLES).toContain(r.title);
    expect(r.schema_version).toBe(1);
    const previous = rows[i - 1];
    if (previous) {
      // In time order, never overlapping, and maximal: a run of one subject is one row.
      expect(r.start_ms).toBeGreaterThanOrEqual(previous.end_ms);
      if (r.start_ms === previous.end_ms)
        expect(`${r.subject_kind}:${r.subject}`).not.toBe(`${previous.subject_kind}:${previous.subject}`);
    }
  });
}

/** The raw export's lines through the API's own event checks, into an empty store. */
async function reimported(store: Store, q: Query): Promise<Store> {
  const text = (await bytesOf(exportDownload(store, { ...q, titles: true, raw: true }))).toString('utf8');
  const copy = Store.open({ file: ':memory:', now: () => NOW });
  copy.createCategory('Sport', 'productive');
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const checked = <T>(check: (raw: unknown, now: number) => { ok: true; value: T } | { ok: false }) =>
    lines
      .filter((l) => l.source === check.name.replace(/^check|Event$/g, '').toLowerCase())
      .map((l) => {
        const result = check(l, NOW);
        if (!result.ok) throw new Error(`a raw line is refused by the API: ${JSON.stringify(l)}`);
        return result.value;
      });
  copy.ingest('window', checked(checkWindowEvent));
  copy.ingest('browser', checked(checkBrowserEvent));
  copy.ingest('idle', checked(checkIdleEvent));
  for (const l of lines.filter((x) => x.source === 'manual'))
    copy.createManualEntry({
      label: l.label as string,
      category: l.category as string,
      startMs: Date.parse(l.start_ts as string),
      endMs: Date.parse(l.end_ts as string),
    });
  return copy;
}

describe('the session export (property)', () => {
  it('adds up to the report in every format, with stable ids and maximal sessions', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const store = Store.open({ file: ':memory:', now: () => NOW });
        try {
          fill(store, s);
          const fromMs = BASE + s.range[0];
          const q: Query = { fromMs, toMs: fromMs + s.range[1], tz: s.tz };
          const report = store.report(q);
          const all = await Promise.all(EXPORT_FORMATS.map((format) => exported(store, format, q)));
          for (const rows of all) checkAgainstReport(rows, report, q);
          // Every format says the same thing.
          for (const rows of all.slice(1)) expect(rows).toEqual(all[0]);

          // Stable ids: each row is part of the row with its id in an export of a wider range.
          const wide: Query = { fromMs: BASE - DAY, toMs: BASE + SPAN + 2 * DAY, tz: s.tz };
          const wider = new Map((await exported(store, 'csv', wide)).map((r) => [r.session_id, r]));
          for (const r of all[0]!) {
            const whole = wider.get(r.session_id);
            expect(whole, `session ${r.subject} at ${r.start_ms}`).toBeDefined();
            expect(whole!.subject).toBe(r.subject);
            expect(whole!.start_ms).toBeLessThanOrEqual(r.start_ms);
            expect(whole!.end_ms).toBeGreaterThanOrEqual(r.end_ms);
            // Uncut by the range, a session is the whole one.
            if (r.start_ms > q.fromMs && r.end_ms < q.toMs) expect(whole!.start_ms).toBe(r.start_ms);
            if (r.start_ms > q.fromMs && r.end_ms < q.toMs) expect(whole!.end_ms).toBe(r.end_ms);
          }

          // The raw events, taken into an empty store, give the same report over the range.
          const copy = await reimported(store, q);
          try {
            const again = copy.report(q);
            expect(again.total_ms).toBe(report.total_ms);
            expect(again.subjects.map((x) => [x.kind, x.name, x.ms])).toEqual(
              report.subjects.map((x) => [x.kind, x.name, x.ms]),
            );
          } finally {
            copy.close();
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
