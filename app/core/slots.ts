/** From resolved segments and changed intervals to 15-minute UTC slots, the unit of the base rollup. */
import type { Interval, Segment } from './resolve.ts';
import type { SubjectKind } from '../shared/report.ts';
import { SLOT_MS, floorDiv } from './time.ts';

export interface SlotTotal {
  slot: number;
  kind: SubjectKind;
  name: string;
  ms: number;
  /** The raw app id of the first segment of the subject in the slot that had one (resolve.ts). */
  appId?: string | undefined;
}

/**
 * The slot ranges [from, to) touched by some intervals, merged where they overlap or touch:
 * ```
 * intervals: [..]  [....]           [.]
 * slots:     |  |  |  |  |  |  |  |  |  |
 * ranges:    [...........]          [..]
 * ```
 */
export function slotRanges(intervals: Interval[]): Array<[number, number]> {
  return mergeRanges(
    intervals
      .filter((i) => i.endMs > i.startMs)
      .map((i): [number, number] => [floorDiv(i.startMs, SLOT_MS), Math.ceil(i.endMs / SLOT_MS)]),
  );
}

/** Half-open ranges [from, to), sorted and merged where they overlap or touch. */
export function mergeRanges(input: Array<[number, number]>): Array<[number, number]> {
  const ranges = [...input].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Time per slot and subject, segments split at slot boundaries. */
export function slotTotals(segments: Segment[]): SlotTotal[] {
  const totals = new Map<string, SlotTotal>();
  for (const seg of segments) {
    let start = seg.startMs;
    while (start < seg.endMs) {
      const slot = floorDiv(start, SLOT_MS);
      const end = Math.min(seg.endMs, (slot + 1) * SLOT_MS);
      const key = `${slot}\u0000${seg.kind}\u0000${seg.name}`;
      const total = totals.get(key);
      if (total) {
        total.ms += end - start;
        total.appId ??= seg.appId;
      } else totals.set(key, { slot, kind: seg.kind, name: seg.name, ms: end - start, appId: seg.appId });
      start = end;
    }
  }
  return [...totals.values()];
}

/** The intervals whose time changed when an event was replaced by a longer or moved version of itself. */
export function changedIntervals(previous: Interval | null, next: Interval): Interval[] {
  if (!previous) return [next];
  if (previous.startMs === next.startMs) {
    return [{ startMs: Math.min(previous.endMs, next.endMs), endMs: Math.max(previous.endMs, next.endMs) }];
  }
  return [previous, next];
}

/**
 * Splits merged slot ranges into the part to work on now and the rest: only slots inside `window` (all when
 * null), at most `budget` of them, earliest first.
 *
 * ```
 * ranges:  [a.....)   [b..........)        [c..)
 * window:       [.................)
 * now:          [a)   [b.....)             (budget reached inside b)
 * rest:    [a..)            [b...)         [c..)
 * ```
 */
export function takeRanges(
  ranges: Array<[number, number]>,
  window: [number, number] | null,
  budget: number,
): { now: Array<[number, number]>; rest: Array<[number, number]> } {
  const now: Array<[number, number]> = [];
  const rest: Array<[number, number]> = [];
  let left = budget;
  for (const [from, to] of ranges) {
    const lo = Math.max(from, window ? window[0] : from);
    const hi = Math.min(to, window ? window[1] : to, lo + Math.max(0, left));
    if (hi <= lo) {
      rest.push([from, to]);
      continue;
    }
    now.push([lo, hi]);
    left -= hi - lo;
    if (from < lo) rest.push([from, lo]);
    if (hi < to) rest.push([hi, to]);
  }
  return { now, rest };
}
