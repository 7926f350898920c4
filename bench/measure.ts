/**
 * Timing and printing for the benchmarks: medians of repeated runs, a ratio against a named baseline, and
 * numbers formatted for a terminal. Figures are printed, never asserted: machines differ, ratios travel.
 */

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export interface TimingOptions {
  runs: number;
  /** Untimed runs first (JIT, page cache). */
  warmup?: number;
  /** Stop early, after at least 3 runs, once this much time has gone by (slow baselines on big data). */
  budgetMs?: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` repeatedly and returns the median and the fastest time. */
export async function timeRuns(fn: () => unknown, options: TimingOptions): Promise<Timing> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < options.runs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= 3 && performance.now() - started > (options.budgetMs ?? Infinity)) break;
  }
  return { medianMs: median(times), minMs: Math.min(...times), runs: times.length };
}

export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const ms = (value: number): string =>
  value >= 100
    ? `${Math.round(value).toLocaleString('en-US')} ms`
    : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;

export const rate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')}/s`;

export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export const ratio = (value: number): string =>
  value >= 10 ? value.toFixed(1) : value.toFixed(value >= 1 ? 2 : 3);

export const bytes = (n: number): string =>
  n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GiB` : `${(n / (1 << 20)).toFixed(1)} MiB`;

/** A verdict for a target, e.g. `met (target ≤ 2)`. */
export const verdict = (met: boolean, target: string): string =>
  `${met ? 'met' : 'NOT MET'} (target ${target})`;

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '),
    )
    .join('\n');
}

/** Calls `fn` until the daemon no longer answers 503 'preparing' (a zone's summaries being built). */
export async function untilPrepared<T>(fn: () => Promise<T>, pauseMs = 200): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== 'preparing') throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
