/**
 * Runs every benchmark (ingest, report, dashboard, responsiveness, daemon, tracking, encryption) and ends with a summary of the ratios against their baselines and the targets.
 * Results go to stdout, progress to stderr. Takes a few minutes with the defaults (5 years of data).
 *
 *   npm run bench
 *   npm run bench -- --years 1 --events 20000 --rounds 1 --daemon-runs 1
 *                     (quick; or BENCH_YEARS, BENCH_EVENTS, BENCH_ROUNDS, BENCH_DAEMON_RUNS)
 */
import { INGEST_TARGET, runIngestBench } from './ingest.ts';
import { ms, rate, ratio, table, verdict } from './measure.ts';
import { numberOption } from './options.ts';
import { ONE_YEAR_TARGET_MS, SPAN_TARGET, runReportBench } from './report.ts';
import { runDashboardBench } from './dashboard.ts';
import { RESPONSIVE_TARGET_MS, runResponsivenessBench } from './responsiveness.ts';
import { TRACKING_CPU_TARGET_S, runTrackingBench } from './tracking.ts';
import { daemonSummaryRows, runDaemonBench } from './daemon.ts';
import { ENCRYPTION_TARGET, runEncryptionBench } from './encryption.ts';

const ingest = await runIngestBench({
  events: numberOption('--events', 'BENCH_EVENTS', 100_000),
  rounds: numberOption('--rounds', 'BENCH_ROUNDS', 3),
});
const report = await runReportBench({
  years: numberOption('--years', 'BENCH_YEARS', 5),
  runs: numberOption('--runs', 'BENCH_RUNS', 15),
});

const dashboard = await runDashboardBench({
  years: numberOption('--years', 'BENCH_YEARS', 5),
  loads: numberOption('--loads', 'BENCH_LOADS', 5),
});

const responsive = await runResponsivenessBench({ years: numberOption('--years', 'BENCH_YEARS', 5) });

const daemon = await runDaemonBench({
  years: numberOption('--years', 'BENCH_YEARS', 5),
  runs: numberOption('--daemon-runs', 'BENCH_DAEMON_RUNS', 3),
  idleSeconds: numberOption('--idle-seconds', 'BENCH_IDLE_SECONDS', 3),
});

const tracking = await runTrackingBench({
  seconds: numberOption('--tracking-seconds', 'BENCH_TRACKING_SECONDS', 60),
});

const encryption = runEncryptionBench({
  days: numberOption('--enc-days', 'BENCH_ENC_DAYS', 120),
  runs: numberOption('--runs', 'BENCH_RUNS', 15),
});

const longest = report.ranges.at(-1);
console.log('\n== summary ==');
console.log(
  table([
    ['figure', 'value', 'verdict'],
    [
      'ingest: HTTP / raw SQLite inserts (1 zone kept)',
      ratio(ingest.httpOverRaw),
      verdict(ingest.httpOverRaw >= INGEST_TARGET, `≥ ${INGEST_TARGET}`),
    ],
    ['ingest: HTTP / raw SQLite inserts (no zone kept)', ratio(ingest.httpNoZoneOverRaw), ''],
    ['ingest: HTTP + JSON alone / raw (transport ceiling)', ratio(ingest.transportOverRaw), ''],
    ...report.ranges.map((r) => [
      `report ${r.label} / raw scan`,
      ratio(r.report.medianMs / r.scan.medianMs),
      '',
    ]),
    ...(report.spanRatio === null
      ? []
      : [
          [
            `report ${longest?.label ?? ''} / report 1 year`,
            ratio(report.spanRatio),
            verdict(report.spanRatio <= SPAN_TARGET, `≤ ${SPAN_TARGET}`),
          ],
        ]),
    [
      'report 1 year (HTTP, warm)',
      report.oneYearMs === null ? 'n/a' : ms(report.oneYearMs),
      report.oneYearMs === null
        ? ''
        : verdict(report.oneYearMs <= ONE_YEAR_TARGET_MS, `≤ ${ONE_YEAR_TARGET_MS} ms`),
    ],
    ['first report in a new zone (rollup build)', ms(report.firstCallMs), ''],
    ['load through store.ingest (7 days per call)', rate(report.loadPerSec), ''],
    [
      `dashboard first render (${dashboard.years} years of demo data)`,
      ms(dashboard.firstRenderMs),
      verdict(dashboard.firstRenderMs <= 1000, '≤ 1 s'),
    ],
    [
      'GET /v1/health p99 while summaries build / once built',
      `${ms(responsive.busy.healthP99)} / ${ms(responsive.idle.healthP99)}`,
      verdict(responsive.busy.healthP99 <= RESPONSIVE_TARGET_MS, `≤ ${RESPONSIVE_TARGET_MS} ms`),
    ],
    [
      'POST one event p99 while summaries build / once built',
      `${ms(responsive.busy.ingestP99)} / ${ms(responsive.idle.ingestP99)}`,
      verdict(responsive.busy.ingestP99 <= RESPONSIVE_TARGET_MS, `≤ ${RESPONSIVE_TARGET_MS} ms`),
    ],
    [
      'ingest encrypted / plain (same run)',
      ratio(encryption.ingestRatio),
      verdict(encryption.ingestRatio <= ENCRYPTION_TARGET, `≤ ${ENCRYPTION_TARGET}`),
    ],
    [
      'reports encrypted / plain, worst of warm and cold',
      ratio(encryption.worstReportRatio),
      verdict(encryption.worstReportRatio <= ENCRYPTION_TARGET, `≤ ${ENCRYPTION_TARGET}`),
    ],
    [
      'daemon start → first /v1/health',
      ms(responsive.firstHealthMs),
      verdict(responsive.firstHealthMs <= 1000, '≤ 1 s'),
    ],
    ...daemonSummaryRows(daemon),
    ...(tracking
      ? [
          [
            'tracking on X11: CPU s/min, pure X11 (get-windows)',
            `${tracking.x11.cpuSecondsPerMinute.toFixed(3)} (${tracking.getWindows.cpuSecondsPerMinute.toFixed(3)})`,
            verdict(
              tracking.x11.cpuSecondsPerMinute <= TRACKING_CPU_TARGET_S,
              `≤ ${TRACKING_CPU_TARGET_S} s`,
            ),
          ],
          ['tracking on X11: get-windows / pure X11 CPU', ratio(tracking.cpuRatio), ''],
          [
            'tracking on X11: processes per poll, pure X11 (get-windows)',
            tracking.x11.processesPerPoll === null
              ? 'n/a (strace unavailable)'
              : `${tracking.x11.processesPerPoll.toFixed(2)} (${tracking.getWindows.processesPerPoll?.toFixed(2)})`,
            tracking.x11.processesPerPoll === null ? '' : verdict(tracking.x11.processesPerPoll === 0, '= 0'),
          ],
        ]
      : [['tracking on X11', 'skipped: no Xvfb/xterm/xdotool', '']]),
  ]),
);
