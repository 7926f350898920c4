/**
 * Away time: the stretches the idle source reported inside [fromMs, toMs), joined where they touch or overlap,
 * less what was logged by hand over them (a manual entry counts, idle or not; see resolve.ts).
 *
 * ```
 * idle:    [away....]  [away.......]
 *              [away..]
 * manual:                  [gym]
 * result:  [away......][aw]     [a.]
 * ```
 */
import type { Interval } from './resolve.ts';

export function awayStretches(
  idle: Interval[],
  manual: Interval[],
  fromMs: number,
  toMs: number,
): Interval[] {
  const joined: Interval[] = [];
  const clipped = idle
    .map((i) => ({ startMs: Math.max(fromMs, i.startMs), endMs: Math.min(toMs, i.endMs) }))
    .filter((i) => i.endMs > i.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  for (const i of clipped) {
    const last = joined.at(-1);
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else joined.push({ ...i });
  }
  const cuts = [...manual].sort((a, b) => a.startMs - b.startMs);
  const result: Interval[] = [];
  for (const stretch of joined) {
    let start = stretch.startMs;
    for (const cut of cuts) {
      if (cut.endMs <= start || cut.startMs >= stretch.endMs) continue;
      if (cut.startMs > start) result.push({ startMs: start, endMs: cut.startMs });
      start = Math.max(start, cut.endMs);
    }
    if (start < stretch.endMs) result.push({ startMs: start, endMs: stretch.endMs });
  }
  return result;
}
