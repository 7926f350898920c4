/**
 * Report latency on years of data: synthetic activity (about 2,000 window + 1,500 browser events per active
 * day, Europe/Berlin) is loaded through store.ingest a week per call into a temporary SQLite file, then
 * GET /v1/report is timed through the real listener for 1 month, 1 year and all years ending at the data's end.
 * Baseline, timed the same way (median of warm runs): one plain SQL scan of the raw events over the same range.
 * The first report builds the zone's rollups; that time is shown on its own.
 *
 *   npm run bench                        (both benchmarks)
 *   node bench/report.ts                  (this one: 5 years, ~4.6 M events, a few minutes)
 *   node bench/report.ts --years 1        or BENCH_YEARS=1 (quick run); --runs 15 / BENCH_RUNS
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDays, type SyntheticDay } from '../app/demo/synthetic.ts';
import { dayFromCivil } from '../app/core/time.ts';
import { Store } from '../app/db/store.ts';
import type { Report } from '../app/shared/report.ts';
import { bytes, count, ms, rate, ratio, table, timeOnce, timeRuns, verdict, type Timing } from './measure.ts';
import { numberOption } from './options.ts';
import { addSyntheticCategories } from './synthetic-store.ts';
import { note, progress } from './progress.ts';
import { startServerWorker } from './server-worker.ts';

const TZ = 'Europe/Berlin';
const SEED = 20_210_617;
const PER_DAY = { windowEventsPerDay: 2_000, browserEventsPerDay: 1_500 };
/** The data ends on Wednesday 2026-06-17 (fixed, so that runs on different days compare). */
const LAST_DAY = dayFromCivil(2026, 6, 17);
const DAYS_PER_CALL = 7;
export const SPAN_TARGET = 2;
export const ONE_YEAR_TARGET_MS = 20;

export interface ReportRangeResult {
  label: string;
  years: number;
  report: Timing;
  inProcess: Timing;
  scan: Timing;
  totalMs: number;
}

export interface ReportSummary {
  events: number;
  loadPerSec: number;
  firstCallMs: number;
  ranges: ReportRangeResult[];
  /** Report time of all years over that of one year (null when only one year was loaded). */
  spanRatio: number | null;
  oneYearMs: number | null;
}

interface Loaded {
  events: number;
  ingestMs: number;
  wallMs: number;
  endMs: number;
  days: number;
}

function load(file: string, years: number): Loaded {
  const days = Math.round(years * 365.25);
  const store = Store.open({ file });
  try {
    addSyntheticCategories(store);
    const bar = progress(`report: loading ${days} days`, days);
    const generated = generateDays({ firstDay: LAST_DAY - days + 1, days, tz: TZ }, SEED, PER_DAY);
    const out: Loaded = { events: 0, ingestMs: 0, wallMs: 0, endMs: 0, days };
    const wall = performance.now();
    let week: SyntheticDay[] = [];
    let done = 0;
    const flush = () => {
      const idle = week.flatMap((d) => d.idle);
      const window = week.flatMap((d) => d.window);
      const browser = week.flatMap((d) => d.browser);
      const t0 = performance.now();
      store.ingest('idle', idle);
      store.ingest('window', window);
      store.ingest('browser', browser);
      store.refreshRollups(); // the slot rollups of the week, as the daemon does a moment after writes
      out.ingestMs += performance.now() - t0;
      out.events += idle.length + window.length + browser.length;
      for (const e of [...window, ...browser]) out.endMs = Math.max(out.endMs, e.endMs);
      done += week.length;
      week = [];
      const secs = out.ingestMs / 1000;
      bar.update(done, `${count(out.events)} events, ${rate(out.events / secs)} in ingest`);
    };
    for (const day of generated) {
      week.push(day);
      if (week.length === DAYS_PER_CALL) flush();
    }
    if (week.length > 0) flush();
    out.wallMs = performance.now() - wall;
    bar.finish(`${count(out.events)} events, ${rate(out.events / (out.ingestMs / 1000))} in ingest`);
    return out;
  } finally {
    store.close();
  }
}

function minusCalendar(toMs: number, months: number): number {
  const d = new Date(toMs);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

const SCAN_SQL = (events: string) =>
  `SELECT count(*), sum(min(end_ms, ?) - max(start_ms, ?)) FROM ${events} WHERE start_ms >= ? AND start_ms < ?`;

export async function runReportBench(options: { years: number; runs: number }): Promise<ReportSummary> {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-bench-report-'));
  const file = path.join(dir, 'timeaudit.sqlite');
  try {
    const loaded = load(file, options.years);
    const size = statSync(file).size;
    const server = await startServerWorker({ file, dataDir: dir });
    const store = Store.open({ file });
    const raw = new Database(file, { readonly: true });
    try {
      const scans = [
        raw.prepare(SCAN_SQL('window_events')).raw(),
        raw.prepare(SCAN_SQL('browser_events')).raw(),
      ];
      const fullYears = Math.floor(options.years);
      const ranges = [
        { label: '1 month', years: 1 / 12, fromMs: minusCalendar(loaded.endMs, 1) },
        ...(fullYears >= 1 ? [{ label: '1 year', years: 1, fromMs: minusCalendar(loaded.endMs, 12) }] : []),
        ...(fullYears > 1
          ? [
              {
                label: `${fullYears} years`,
                years: fullYears,
                fromMs: minusCalendar(loaded.endMs, 12 * fullYears),
              },
            ]
          : []),
      ];
      const toMs = loaded.endMs;
      const query = (fromMs: number) =>
        `/v1/report?from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}&tz=${encodeURIComponent(TZ)}`;
      const longest = ranges.at(-1) as (typeof ranges)[number];
      note(`report: first call over ${longest.label} (builds the ${TZ} rollups)…`);
      const first = await timeOnce(() => server.call<Report>('GET', query(longest.fromMs)));

      // The build leaves a large heap behind and cold code paths for short ranges: settle before timing.
      for (let i = 0; i < 3; i++) {
        for (const r of ranges) {
          await server.call<Report>('GET', query(r.fromMs));
          store.report({ fromMs: r.fromMs, toMs, tz: TZ });
        }
      }

      const results: ReportRangeResult[] = [];
      for (const r of ranges) {
        note(`report: timing ${r.label} (${options.runs} runs each: HTTP, in-process, scan)…`);
        const answer = await server.call<Report>('GET', query(r.fromMs));
        const report = await timeRuns(() => server.call<Report>('GET', query(r.fromMs)), {
          runs: options.runs,
          warmup: 1,
        });
        const inProcess = await timeRuns(() => store.report({ fromMs: r.fromMs, toMs, tz: TZ }), {
          runs: options.runs,
          warmup: 1,
        });
        const scan = await timeRuns(() => scans.map((s) => s.get(toMs, r.fromMs, r.fromMs, toMs)), {
          runs: options.runs,
          warmup: 1,
          budgetMs: 30_000,
        });
        results.push({ label: r.label, years: r.years, report, inProcess, scan, totalMs: answer.total_ms });
      }

      const byYears = (y: number) => results.find((r) => r.years === y);
      const one = byYears(1);
      const all = fullYears > 1 ? byYears(fullYears) : undefined;
      const summary: ReportSummary = {
        events: loaded.events,
        loadPerSec: loaded.events / (loaded.ingestMs / 1000),
        firstCallMs: first.ms,
        ranges: results,
        spanRatio: one && all ? all.report.medianMs / one.report.medianMs : null,
        oneYearMs: one ? one.report.medianMs : null,
      };
      print(summary, loaded, size, options);
      return summary;
    } finally {
      raw.close();
      store.close();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(
  s: ReportSummary,
  loaded: Loaded,
  size: number,
  options: { years: number; runs: number },
): void {
  console.log(
    `\n== report: ${options.years} year(s), ${loaded.days} days, ${count(s.events)} events, tz ${TZ}, ` +
      `median of ${options.runs} warm runs ==`,
  );
  console.log(
    `load: ${count(s.events)} events through store.ingest (${DAYS_PER_CALL} days per call) in ` +
      `${(loaded.ingestMs / 1000).toFixed(1)} s = ${rate(s.loadPerSec)} (wall with generation ` +
      `${(loaded.wallMs / 1000).toFixed(1)} s); database ${bytes(size)}`,
  );
  console.log(`first report (builds the ${TZ} rollups over all data): ${ms(s.firstCallMs)}`);
  const hours = (msValue: number) => `${count(msValue / 3_600_000)} h`;
  console.log(
    table([
      ['range', 'report (HTTP)', 'scan (baseline)', 'report/scan', 'store.report in-process', 'report total'],
      ...s.ranges.map((r) => [
        r.label,
        ms(r.report.medianMs),
        `${ms(r.scan.medianMs)}${r.scan.runs < options.runs ? ` (${r.scan.runs} runs)` : ''}`,
        ratio(r.report.medianMs / r.scan.medianMs),
        ms(r.inProcess.medianMs),
        hours(r.totalMs),
      ]),
    ]),
  );
  const last = s.ranges.at(-1);
  console.log(
    s.spanRatio === null
      ? 'all years / 1 year: n/a (load more than one year)'
      : `${last?.label} / 1 year report: ${ratio(s.spanRatio)} — ${verdict(s.spanRatio <= SPAN_TARGET, `≤ ${SPAN_TARGET}`)}`,
  );
  console.log(
    s.oneYearMs === null
      ? '1 year report: n/a'
      : `1 year report: ${ms(s.oneYearMs)} — ${verdict(s.oneYearMs <= ONE_YEAR_TARGET_MS, `≤ ${ONE_YEAR_TARGET_MS} ms`)}`,
  );
}

if (import.meta.main) {
  await runReportBench({
    years: numberOption('--years', 'BENCH_YEARS', 5),
    runs: numberOption('--runs', 'BENCH_RUNS', 15),
  });
}
