/**
 * bench/daemon.ts's results as a table (figure | sources | built default | shipped | floor | target | verdict),
 * the verdict being the shipped daemon's, and a few lines of ratios against the baselines under it.
 */
import type { DaemonSummary } from './daemon.ts';
import type { Memory } from './daemon-process.ts';
import { bytes, ms, ratio, table } from './measure.ts';

export const IDLE_TARGET_BYTES = 60 * 2 ** 20;
export const AFTER_REPORT_TARGET_BYTES = 90 * 2 ** 20;
export const START_TARGET_MS = 500;

const COLUMNS = ['sources', 'builtDefault', 'shipped', 'floor'] as const;

export function daemonTable(s: DaemonSummary): string {
  const f = s.figures;
  const each = (pick: (k: (typeof COLUMNS)[number]) => string) => COLUMNS.map(pick);
  const mem = (get: (m: Memory) => number, which: 'idle' | 'afterReport') =>
    each((k) => {
      const m = f[k][which];
      return m ? bytes(get(m)) : 'n/a';
    });
  const time = (get: (k: (typeof COLUMNS)[number]) => number | null) =>
    each((k) => {
      const v = get(k);
      return v === null ? 'n/a' : ms(v);
    });
  const after = f.shipped.afterReport;
  const y = `${s.years}-year`;
  const years = s.years === 1 ? '1 year' : `${s.years} years`;
  const lines = [
    table([
      ['figure', 'sources', 'built default', 'shipped', 'floor', 'target', 'verdict (shipped)'],
      [
        'idle RSS, empty data folder (VmRSS)',
        ...mem((m) => m.rss, 'idle'),
        `≤ ${bytes(IDLE_TARGET_BYTES)}`,
        memoryVerdict(f.shipped.idle.rss, IDLE_TARGET_BYTES, f.floor.idle.rss),
      ],
      ['  of it RssAnon: heap, caches, stacks', ...mem((m) => m.anon, 'idle'), '', ''],
      ['  of it RssFile: node binary, libraries', ...mem((m) => m.file, 'idle'), '', ''],
      [
        `idle RSS after the ${y} report (VmRSS)`,
        ...mem((m) => m.rss, 'afterReport'),
        `≤ ${bytes(AFTER_REPORT_TARGET_BYTES)}`,
        after ? memoryVerdict(after.rss, AFTER_REPORT_TARGET_BYTES, f.floor.idle.rss) : '',
      ],
      ['  of it RssAnon', ...mem((m) => m.anon, 'afterReport'), '', ''],
      ['  of it RssFile', ...mem((m) => m.file, 'afterReport'), '', ''],
      ['  peak RSS in that run (VmHWM)', ...mem((m) => m.peak, 'afterReport'), '', ''],
      [
        'spawn → first 200 of /v1/health, empty folder',
        ...time((k) => f[k].startMs),
        `≤ ${ms(START_TARGET_MS)}`,
        timeVerdict(f.shipped.startMs, START_TARGET_MS),
      ],
      [
        `spawn → first 200 of /v1/health, ${years} of data`,
        ...time((k) => f[k].startWithDataMs),
        `≤ ${ms(START_TARGET_MS)}`,
        f.shipped.startWithDataMs === null ? '' : timeVerdict(f.shipped.startWithDataMs, START_TARGET_MS),
      ],
      [`first ${y} report (until its first 200)`, ...time((k) => f[k].firstReportMs), '', ''],
      [`${y} report, asked again (median)`, ...time((k) => f[k].reportMs), '', ''],
    ]),
    '',
    `floor: a plain-JavaScript Node process that opens SQLite in WAL mode, formats a date in a time zone and ` +
      `answers HTTP holds ${bytes(f.floor.idle.rss)} idle, ${bytes(f.floor.idle.file)} of it the node binary's ` +
      `and libraries' pages (RssFile).` +
      (f.floor.idle.rss > IDLE_TARGET_BYTES
        ? ` That is over the ${bytes(IDLE_TARGET_BYTES)} target already: no daemon on Node can meet it.`
        : ''),
    `Before the timed runs, the first ${y} report ever on the data (its zone's rollups prepared) took ` +
      `${ms(s.prepared.ms)} in the shipped daemon, which then held ${bytes(s.prepared.idle.rss)} idle (RssAnon ` +
      `${bytes(s.prepared.idle.anon)}, peak ${bytes(s.prepared.idle.peak)}): ` +
      `${memoryVerdict(s.prepared.idle.rss, AFTER_REPORT_TARGET_BYTES, s.figures.floor.idle.rss, true)} until it ` +
      `restarts. Every timed run finds the rollups prepared.`,
    `shipped / floor, idle RSS: ${ratio(f.shipped.idle.rss / f.floor.idle.rss)}; what the daemon adds to the ` +
      `floor: ${bytes(f.shipped.idle.rss - f.floor.idle.rss)} (RssAnon ${bytes(f.shipped.idle.anon - f.floor.idle.anon)}).`,
    `shipped / sources, idle RSS: ${ratio(f.shipped.idle.rss / f.sources.idle.rss)} empty, ` +
      (after && f.sources.afterReport
        ? `${ratio(after.rss / f.sources.afterReport.rss)} after the report; `
        : '') +
      `start: ${ratio(f.shipped.startMs / f.sources.startMs)} empty` +
      (f.shipped.startWithDataMs !== null && f.sources.startWithDataMs !== null
        ? `, ${ratio(f.shipped.startWithDataMs / f.sources.startWithDataMs)} with ${years} of data.`
        : '.'),
    `--max-semi-space-size=1 (shipped / built default): idle RSS ${ratio(f.shipped.idle.rss / f.builtDefault.idle.rss)} ` +
      `empty` +
      (after && f.builtDefault.afterReport
        ? `, ${ratio(after.rss / f.builtDefault.afterReport.rss)} after the report`
        : '') +
      `; the ${y} report's latency ${ratio(s.reportFlagRatio)}.`,
  ];
  return lines.join('\n');
}

/** One line per figure for run.ts's summary. */
export function daemonSummaryRows(s: DaemonSummary | null): string[][] {
  if (s === null) return [['daemon memory and start', 'skipped: no /proc', '']];
  const { shipped, floor, builtDefault } = s.figures;
  return [
    [
      'daemon idle RSS, empty folder: shipped (floor: minimal Node)',
      `${bytes(shipped.idle.rss)} (${bytes(floor.idle.rss)})`,
      memoryVerdict(shipped.idle.rss, IDLE_TARGET_BYTES, floor.idle.rss, true),
    ],
    [
      `daemon idle RSS after a ${s.years}-year report`,
      shipped.afterReport ? bytes(shipped.afterReport.rss) : 'n/a',
      shipped.afterReport
        ? memoryVerdict(shipped.afterReport.rss, AFTER_REPORT_TARGET_BYTES, floor.idle.rss, true)
        : '',
    ],
    [
      `daemon idle RSS after preparing a zone's rollups (${s.years} years, once)`,
      bytes(s.prepared.idle.rss),
      memoryVerdict(s.prepared.idle.rss, AFTER_REPORT_TARGET_BYTES, floor.idle.rss, true),
    ],
    [
      'daemon start → first 200 of /v1/health, empty folder (floor)',
      `${ms(shipped.startMs)} (${ms(floor.startMs)})`,
      timeVerdict(shipped.startMs, START_TARGET_MS, true),
    ],
    [
      `report ${s.years} years: shipped flags / Node's default flags`,
      `${ratio(s.reportFlagRatio)} (${ms(shipped.reportMs ?? NaN)} / ${ms(builtDefault.reportMs ?? NaN)})`,
      '',
    ],
  ];
}

/**
 * "met", or plainly "over target" by how much, with the floor when the floor itself is over; the target too
 * where no column shows it.
 */
export function memoryVerdict(value: number, target: number, floor: number, showTarget = false): string {
  const shown = showTarget ? ` (target ≤ ${bytes(target)})` : '';
  if (value <= target) return `met${shown}`;
  const floorNote = floor > target ? `; the floor alone is ${bytes(floor)}` : '';
  return `over target by ${bytes(value - target)}${shown}${floorNote}`;
}

export function timeVerdict(value: number, target: number, showTarget = false): string {
  const shown = showTarget ? ` (target ≤ ${ms(target)})` : '';
  return value <= target ? `met${shown}` : `over target by ${ms(value - target)}${shown}`;
}
