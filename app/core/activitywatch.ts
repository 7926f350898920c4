/**
 * ActivityWatch's time model, said in Time Audit's. AW counts an app's time only where its AFK watcher said
 * "not-afk"; Time Audit counts everything that is not marked away. The two differ wherever AW has no AFK
 * event at all: the minutes between the last input and a suspend, or the end of an export, when the window
 * watcher still ran but the AFK watcher had not decided yet. So an import keeps window time only inside
 * not-afk periods, browser time only inside not-afk periods that some window covers (AW's domain time is web
 * ∩ browser-focused window ∩ not-afk; a web event while another app is focused counts for nothing in both
 * models), and records as away only the afk time no not-afk event covers (AW lets not-afk win there):
 *
 * ```
 * afk bucket:  [not-afk.......][afk.......]   [not-afk......]
 * window:      [code.....][chrome..............................]   (still focused while away, and after)
 * web:                [github.com...........][news.com.........]
 * stored:
 *   window     [code.....][chrome.]               [chrome......]
 *   browser           [gh.....]                  [news.com.....]
 *   idle                          [away......]
 * ```
 * Everything here works on sorted, disjoint interval sets kept as flat arrays [start0, end0, start1, …].
 */
import type { Interval } from './resolve.ts';

/** A sorted list of disjoint half-open intervals, flat: [start0, end0, start1, end1, …]. */
export type IntervalSet = Float64Array;

/**
 * The union of intervals given in ascending order of start (touching ones merge).
 *
 * ```
 * in:   [a...]  [b..]
 *          [c.......]   [d]
 * out:  [..............]  [d]
 * ```
 */
export function unionOfSorted(intervals: Iterable<Interval>): IntervalSet {
  const union = new SortedUnion();
  for (const { startMs, endMs } of intervals) union.add(startMs, endMs);
  return union.build();
}

/** The same, built one interval at a time (in ascending order of start) without keeping the intervals. */
export class SortedUnion {
  private readonly out: number[] = [];

  add(startMs: number, endMs: number): void {
    if (endMs <= startMs) return;
    const last = this.out.length - 1;
    if (last > 0 && startMs <= (this.out[last] as number)) {
      if (endMs > (this.out[last] as number)) this.out[last] = endMs;
    } else this.out.push(startMs, endMs);
  }

  build(): IntervalSet {
    return Float64Array.from(this.out);
  }
}

/** The instants in both sets. */
export function intersectSets(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const end = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (start < end) out.push(start, end);
    if ((a[i + 1] as number) <= (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return Float64Array.from(out);
}

/** Index of the first interval of `set` that ends after `ms` (binary search). */
function firstEndingAfter(set: IntervalSet, ms: number): number {
  let lo = 0;
  let hi = set.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((set[2 * mid + 1] as number) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * The parts of [startMs, endMs) inside `set`, in order.
 *
 * ```
 * set:    [.....]    [......]
 * event:     [..............]
 * parts:     [..]    [......]
 * ```
 */
export function partsInside(set: IntervalSet, startMs: number, endMs: number): Interval[] {
  const parts: Interval[] = [];
  for (let i = firstEndingAfter(set, startMs); i < set.length && (set[i] as number) < endMs; i += 2) {
    const s = Math.max(startMs, set[i] as number);
    const e = Math.min(endMs, set[i + 1] as number);
    if (s < e) parts.push({ startMs: s, endMs: e });
  }
  return parts;
}

/** The parts of [startMs, endMs) outside `set`, in order (the complement of partsInside). */
export function partsOutside(set: IntervalSet, startMs: number, endMs: number): Interval[] {
  const parts: Interval[] = [];
  let cursor = startMs;
  for (const inside of partsInside(set, startMs, endMs)) {
    if (inside.startMs > cursor) parts.push({ startMs: cursor, endMs: inside.startMs });
    cursor = inside.endMs;
  }
  if (cursor < endMs) parts.push({ startMs: cursor, endMs });
  return parts;
}

/**
 * The domain AW's web watcher saw, as Time Audit names domains: the URL's host, lower-case (IDN as punycode,
 * as the URL standard gives it), without "www." and without a port; null for URLs without a host name
 * (chrome://newtab, file:///…, about:blank), whose time stays the browser's.
 */
export function domainOfUrl(url: string): string | null {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    host = parsed.hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/^www\./, '');
  return host === '' ? null : host;
}
