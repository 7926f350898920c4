/**
 * What encryption at rest costs: the same synthetic activity is ingested through store.ingest into a plain
 * database and into an encrypted one (ChaCha20, app/db/cipher.ts), in alternating rounds of the same run, and
 * the same reports are then timed on both: warm (the connection's page cache filled) and cold (a new
 * connection, whose every page read is decrypted). Baseline: the plain file. Goal: encrypted ≤ 1.3× plain.
 *
 *   npm run bench                               (all benchmarks)
 *   node bench/encryption.ts                    (this one; --days 120 / BENCH_ENC_DAYS, --runs 9 / BENCH_RUNS)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDays, type SyntheticDay } from '../app/demo/synthetic.ts';
import { dayFromCivil } from '../app/core/time.ts';
import { Store } from '../app/db/store.ts';
import { databaseState } from '../app/db/cipher.ts';
import { newKey } from '../app/db/keys/key-store.ts';
import { bytes, median, ms, ratio, table, verdict } from './measure.ts';
import { numberOption } from './options.ts';
import { addSyntheticCategories } from './synthetic-store.ts';
import { note } from './progress.ts';

export const ENCRYPTION_TARGET = 1.3;
const TZ = 'Europe/Berlin';
const SEED = 20_240_101;
const PER_DAY = { windowEventsPerDay: 2_000, browserEventsPerDay: 1_500 };
const LAST_DAY = dayFromCivil(2026, 6, 17);
const DAYS_PER_CALL = 7;

export interface EncryptionSummary {
  events: number;
  ingestPlainMs: number;
  ingestEncryptedMs: number;
  ingestRatio: number;
  /** Medians, and the ratio of the fastest runs too: on a shared machine a load spike can hit either side. */
  reports: { label: string; plainMs: number; encryptedMs: number; ratio: number; fastestRatio: number }[];
  worstReportRatio: number;
}

function openStore(file: string, key: Buffer | null): Store {
  return Store.open({ file, key });
}

/** Ingests `days` (7 per call, rollups refreshed after each, as the daemon does) and returns the time in ms. */
function ingestInto(store: Store, days: SyntheticDay[]): { ms: number; events: number } {
  let total = 0;
  let events = 0;
  for (let i = 0; i < days.length; i += DAYS_PER_CALL) {
    const week = days.slice(i, i + DAYS_PER_CALL);
    const idle = week.flatMap((d) => d.idle);
    const window = week.flatMap((d) => d.window);
    const browser = week.flatMap((d) => d.browser);
    const t0 = performance.now();
    store.ingest('idle', idle);
    store.ingest('window', window);
    store.ingest('browser', browser);
    store.refreshRollups();
    total += performance.now() - t0;
    events += idle.length + window.length + browser.length;
  }
  return { ms: total, events };
}

export function runEncryptionBench(options: { days: number; runs: number }): EncryptionSummary {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-bench-encryption-'));
  const key = newKey();
  const files = { plain: path.join(dir, 'plain.sqlite'), encrypted: path.join(dir, 'encrypted.sqlite') };
  const keyOf = (which: 'plain' | 'encrypted') => (which === 'encrypted' ? key : null);
  try {
    const days = [
      ...generateDays({ firstDay: LAST_DAY - options.days + 1, days: options.days, tz: TZ }, SEED, PER_DAY),
    ];
    // Alternating halves, so that a machine that speeds up or slows down during the run weighs on both alike.
    const halves = [days.slice(0, days.length >> 1), days.slice(days.length >> 1)];
    const ingest = { plain: 0, encrypted: 0 };
    let events = 0;
    for (const which of ['plain', 'encrypted'] as const) {
      const store = openStore(files[which], keyOf(which));
      addSyntheticCategories(store);
      store.close();
    }
    for (const half of halves)
      for (const which of ['plain', 'encrypted'] as const) {
        note(`encryption: ingesting ${half.length} days into the ${which} file`);
        const store = openStore(files[which], keyOf(which));
        const done = ingestInto(store, half);
        store.close();
        ingest[which] += done.ms;
        if (which === 'plain') events += done.events;
      }
    if (databaseState(files.encrypted) !== 'encrypted' || databaseState(files.plain) !== 'plain')
      throw new Error('the benchmark files are not what they should be');

    const endMs = Date.UTC(2026, 5, 18);
    const ranges = [
      { label: '1 week', fromMs: endMs - 7 * 86_400_000 },
      { label: `${options.days} days`, fromMs: endMs - options.days * 86_400_000 },
    ];
    const reports: EncryptionSummary['reports'] = [];
    // The rollups of the zone are built once per file before timing (the daemon keeps them).
    for (const which of ['plain', 'encrypted'] as const) {
      const store = openStore(files[which], keyOf(which));
      store.report({ fromMs: ranges[1]!.fromMs, toMs: endMs, tz: TZ });
      store.close();
    }
    for (const range of ranges) {
      const query = { fromMs: range.fromMs, toMs: endMs, tz: TZ };
      // Warm: both connections open, runs alternating between them, after two untimed runs of each.
      const warm: Record<string, number[]> = {};
      const stores = { plain: openStore(files.plain, null), encrypted: openStore(files.encrypted, key) };
      try {
        const times: Record<string, number[]> = { plain: [], encrypted: [] };
        for (let run = -2; run < options.runs; run++)
          for (const which of ['plain', 'encrypted'] as const) {
            const t0 = performance.now();
            stores[which].report(query);
            if (run >= 0) times[which]!.push(performance.now() - t0);
          }
        warm.plain = times.plain!;
        warm.encrypted = times.encrypted!;
      } finally {
        stores.plain.close();
        stores.encrypted.close();
      }
      const cold: Record<string, number[]> = { plain: [], encrypted: [] };
      for (let run = 0; run < options.runs; run++)
        for (const which of ['plain', 'encrypted'] as const) {
          const t0 = performance.now();
          const store = openStore(files[which], keyOf(which));
          store.report(query);
          store.close();
          cold[which]!.push(performance.now() - t0);
        }
      const figure = (label: string, plain: number[], encrypted: number[]) => ({
        label,
        plainMs: median(plain),
        encryptedMs: median(encrypted),
        ratio: median(encrypted) / median(plain),
        fastestRatio: Math.min(...encrypted) / Math.min(...plain),
      });
      reports.push(figure(`report ${range.label}, warm`, warm.plain!, warm.encrypted!));
      reports.push(figure(`open + report ${range.label}, cold connection`, cold.plain!, cold.encrypted!));
    }
    const summary: EncryptionSummary = {
      events,
      ingestPlainMs: ingest.plain,
      ingestEncryptedMs: ingest.encrypted,
      ingestRatio: ingest.encrypted / ingest.plain,
      reports,
      worstReportRatio: Math.max(...reports.map((r) => r.ratio)),
    };
    console.log(
      `\n== encryption at rest (${options.days} days, ${events.toLocaleString('en-US')} events; ` +
        `files ${bytes(statSync(files.plain).size)} plain, ${bytes(statSync(files.encrypted).size)} encrypted) ==`,
    );
    console.log(
      table([
        ['figure', 'plain (baseline)', 'encrypted', 'encrypted / plain', 'fastest runs', 'verdict (median)'],
        [
          'ingest through store.ingest (7 days per call)',
          ms(summary.ingestPlainMs),
          ms(summary.ingestEncryptedMs),
          ratio(summary.ingestRatio),
          '',
          verdict(summary.ingestRatio <= ENCRYPTION_TARGET, `≤ ${ENCRYPTION_TARGET}`),
        ],
        ...reports.map((r) => [
          r.label,
          ms(r.plainMs),
          ms(r.encryptedMs),
          ratio(r.ratio),
          ratio(r.fastestRatio),
          verdict(r.ratio <= ENCRYPTION_TARGET, `≤ ${ENCRYPTION_TARGET}`),
        ]),
      ]),
    );
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  runEncryptionBench({
    days: numberOption('--days', 'BENCH_ENC_DAYS', 120),
    runs: numberOption('--runs', 'BENCH_RUNS', 9),
  });
}
