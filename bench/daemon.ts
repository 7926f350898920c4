/**
 * What the daemon costs standing by: its resident memory idle (on an empty data folder, and after a report over
 * years of demo data), its start (spawn → first 200 from GET /v1/health) and the report's latency, measured in
 * the same run for four processes, each `--no-track` on 127.0.0.1 with a data folder of its own:
 *
 *   shipped        dist/ with the Node flags of `npm run serve` (BUILT_MAIN + BUILT_NODE_FLAGS, as
 *                  startDaemon(…, { built: true }) runs it)
 *   built default  the same dist/ without --max-semi-space-size=1: what the memory flag saves and costs
 *   sources        `node app/cli/main.ts serve`: the TypeScript sources through Node's type stripping
 *   floor          bench/floor-daemon.mjs, plain JavaScript with the shipped flags: SQLite in WAL mode
 *                  (better-sqlite3-multiple-ciphers), one date formatted in a time zone, node:http. The least a
 *                  Node process holds to do the daemon's job at all; the daemon cannot go below it.
 *
 * Memory is read from /proc/<pid>/status after the process has been idle a few seconds: VmRSS, split into
 * RssAnon (what the process allocated: V8's heap, SQLite's cache, stacks) and RssFile (mapped files, mostly the
 * node binary's own code and ICU data). Each figure is the median of --daemon-runs runs, the variants taking
 * turns. It always rebuilds dist/ first (`node app/cli/launch.mjs --build`, ~6–9 s), so that the sources as
 * they are now are measured, and builds the dashboard (renderer/dist, which the daemon serves) only when it is
 * missing. Linux only (/proc).
 *
 *   node bench/daemon.ts [--years 5] [--daemon-runs 3] [--idle-seconds 3]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BUILT_MAIN, BUILT_NODE_FLAGS } from '../app/cli/daemon.testing.ts';
import { median } from './measure.ts';
import {
  cleanup,
  cleanupOnSignals,
  get,
  readMemory,
  startTimed,
  tempFolder,
  type Memory,
} from './daemon-process.ts';
import { daemonTable } from './daemon-table.ts';
import { buildDist, runNode } from './build.ts';
import { numberOption } from './options.ts';
import { note } from './progress.ts';

export { daemonSummaryRows } from './daemon-table.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE_MAIN = path.join(ROOT, 'app', 'cli', 'main.ts');
const FLOOR = path.join(ROOT, 'bench', 'floor-daemon.mjs');
const TZ = 'Europe/Berlin';
const REPORTS_PER_RUN = 5;

export type VariantKey = 'sources' | 'builtDefault' | 'shipped' | 'floor';
export const VARIANTS: readonly VariantKey[] = ['sources', 'builtDefault', 'shipped', 'floor'];
const DAEMONS: readonly VariantKey[] = ['sources', 'builtDefault', 'shipped'];

/** The command line of each, for a data folder and a port. */
function argv(key: VariantKey, dataDir: string): (port: number) => string[] {
  const serve = (port: number) => ['serve', '--port', String(port), '--no-track', '--data-dir', dataDir];
  switch (key) {
    case 'shipped':
      return (port) => [...BUILT_NODE_FLAGS, BUILT_MAIN, ...serve(port)];
    case 'builtDefault':
      return (port) => [BUILT_MAIN, ...serve(port)];
    case 'sources':
      return (port) => [SOURCE_MAIN, ...serve(port)];
    case 'floor':
      return (port) => [...BUILT_NODE_FLAGS, FLOOR, path.join(dataDir, 'floor.sqlite'), TZ, String(port)];
  }
}

export interface DaemonFigures {
  /** Idle, empty data folder (the run with the median VmRSS). */
  idle: Memory;
  startMs: number;
  /** Idle after the years' report; null for the floor, which has no reports. */
  afterReport: Memory | null;
  startWithDataMs: number | null;
  /** The first report, from the first request to its 200 (503s while a zone's rollups are prepared). */
  firstReportMs: number | null;
  /** The report again once answered: the median of every run's requests. */
  reportMs: number | null;
}

export interface DaemonSummary {
  years: number;
  runs: number;
  idleSeconds: number;
  figures: Record<VariantKey, DaemonFigures>;
  /**
   * The first report ever on the data (its zone's rollups prepared), once before the timed runs, in the shipped
   * daemon, and that daemon's memory once idle after it.
   */
  prepared: { ms: number; idle: Memory };
  /** The shipped report's latency over that with Node's default flags: the memory flag's cost in time. */
  reportFlagRatio: number;
}

/** The run whose VmRSS is the median, so that its RssAnon and RssFile add up to the VmRSS shown. */
function medianMemory(samples: Memory[]): Memory {
  const sorted = [...samples].sort((a, b) => a.rss - b.rss);
  return sorted[(sorted.length - 1) >> 1] as Memory;
}

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ,
    TIMEAUDIT_LOG_LEVEL: 'warn',
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  };
  // Flags of the benchmark's own process must not leak into what it measures.
  delete env.NODE_OPTIONS;
  delete env.TIMEAUDIT_PORT;
  return env;
}

/** Asks for the report until it answers 200; returns how long that took and the timed repeats. */
async function reports(
  url: string,
  token: string,
  years: number,
): Promise<{ firstMs: number; times: number[] }> {
  const now = Date.now();
  const query = new URLSearchParams({
    from: new Date(now - Math.round(years * 365.25) * 86_400_000).toISOString(),
    to: new Date(now).toISOString(),
    tz: TZ,
  });
  const ask = () => get(`${url}/v1/report?${query}`, { authorization: `Bearer ${token}` });
  const t0 = performance.now();
  for (;;) {
    const answer = await ask();
    if (answer.status === 200) break;
    if (answer.status !== 503) throw new Error(`GET /v1/report answered ${answer.status}: ${answer.body}`);
    await sleep(100);
  }
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < REPORTS_PER_RUN; i++) {
    const t = performance.now();
    const answer = await ask();
    times.push(performance.now() - t);
    if (answer.status !== 200) throw new Error(`GET /v1/report answered ${answer.status}: ${answer.body}`);
  }
  return { firstMs, times };
}

async function prepare(
  command: (port: number) => string[],
  env: NodeJS.ProcessEnv,
  dataDir: string,
  years: number,
  idleMs: number,
): Promise<DaemonSummary['prepared']> {
  const daemon = await startTimed(command, env);
  try {
    const token = readFileSync(path.join(dataDir, 'token'), 'utf8').trim();
    const { firstMs } = await reports(daemon.url, token, years);
    await sleep(idleMs);
    return { ms: firstMs, idle: readMemory(daemon.pid) };
  } finally {
    await daemon.stop();
  }
}

/** The order of the variants in run `i`: each takes its turn first, so that drift on the machine is shared. */
const rotate = <T>(items: readonly T[], i: number): T[] =>
  items.map((_, k) => items[(k + i) % items.length] as T);

export async function runDaemonBench(options: {
  years: number;
  runs: number;
  idleSeconds: number;
}): Promise<DaemonSummary | null> {
  if (!existsSync('/proc/self/status')) {
    note('daemon: skipped (memory is read from /proc, which this system does not have)');
    return null;
  }
  const stopListening = cleanupOnSignals();
  const env = environment();
  const idleMs = options.idleSeconds * 1_000;
  try {
    buildDist();
    const root = tempFolder('timeaudit-bench-daemon-');
    const samples = Object.fromEntries(
      VARIANTS.map((k) => [
        k,
        { idle: [] as Memory[], start: [] as number[], after: [] as Memory[], startData: [] as number[] },
      ]),
    ) as Record<VariantKey, { idle: Memory[]; start: number[]; after: Memory[]; startData: number[] }>;
    const firstReport: Record<VariantKey, number[]> = {
      sources: [],
      builtDefault: [],
      shipped: [],
      floor: [],
    };
    const reportTimes: Record<VariantKey, number[]> = {
      sources: [],
      builtDefault: [],
      shipped: [],
      floor: [],
    };

    for (let i = 0; i < options.runs; i++) {
      for (const key of rotate(VARIANTS, i)) {
        note(`daemon: ${key}, empty data folder, run ${i + 1}/${options.runs}…`);
        const dataDir = tempFolder(`empty-${key}-`, root);
        const daemon = await startTimed(argv(key, dataDir), env);
        try {
          await sleep(idleMs);
          samples[key].idle.push(readMemory(daemon.pid));
          samples[key].start.push(daemon.startMs);
        } finally {
          await daemon.stop();
        }
      }
    }

    const days = Math.round(options.years * 365.25);
    const dataDir = path.join(root, 'years');
    note(`daemon: writing ${days} days of demo data (timeaudit demo)…`);
    runNode(
      [BUILT_MAIN, 'demo', '--days', String(days), '--tz', TZ, '--data-dir', dataDir],
      'timeaudit demo',
    );
    // Once, before the timed runs: the zone's rollups prepared and the file in the page cache, so that no
    // variant pays for them in its first run.
    note(`daemon: preparing the report's rollups once…`);
    const prepared = await prepare(argv('shipped', dataDir), env, dataDir, options.years, idleMs);
    for (let i = 0; i < options.runs; i++) {
      for (const key of rotate(DAEMONS, i)) {
        note(`daemon: ${key}, ${options.years} years of demo data, run ${i + 1}/${options.runs}…`);
        const daemon = await startTimed(argv(key, dataDir), env);
        try {
          const token = readFileSync(path.join(dataDir, 'token'), 'utf8').trim();
          const { firstMs, times } = await reports(daemon.url, token, options.years);
          firstReport[key].push(firstMs);
          reportTimes[key].push(...times);
          await sleep(idleMs);
          samples[key].after.push(readMemory(daemon.pid));
          samples[key].startData.push(daemon.startMs);
        } finally {
          await daemon.stop();
        }
      }
    }

    const orNull = (values: number[]) => (values.length > 0 ? median(values) : null);
    const figures = Object.fromEntries(
      VARIANTS.map((k) => [
        k,
        {
          idle: medianMemory(samples[k].idle),
          startMs: median(samples[k].start),
          afterReport: samples[k].after.length > 0 ? medianMemory(samples[k].after) : null,
          startWithDataMs: orNull(samples[k].startData),
          firstReportMs: orNull(firstReport[k]),
          reportMs: orNull(reportTimes[k]),
        } satisfies DaemonFigures,
      ]),
    ) as Record<VariantKey, DaemonFigures>;
    const summary: DaemonSummary = {
      years: options.years,
      runs: options.runs,
      idleSeconds: options.idleSeconds,
      figures,
      prepared,
      reportFlagRatio: (figures.shipped.reportMs as number) / (figures.builtDefault.reportMs as number),
    };
    console.log(
      `\n== the daemon standing by (idle ${options.idleSeconds} s; medians of ${options.runs} runs; ` +
        `${options.years} years ≈ ${days} days of demo data) ==`,
    );
    console.log(daemonTable(summary));
    return summary;
  } finally {
    cleanup();
    stopListening();
  }
}

if (import.meta.main) {
  await runDaemonBench({
    years: numberOption('--years', 'BENCH_YEARS', 5),
    runs: numberOption('--daemon-runs', 'BENCH_DAEMON_RUNS', 3),
    idleSeconds: numberOption('--idle-seconds', 'BENCH_IDLE_SECONDS', 3),
  });
}
