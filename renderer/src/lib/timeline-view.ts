/**
 * The timeline's window on a day and its lanes, pure: zooming about a point, panning within the day, the ticks
 * a window needs, the lanes (one strip, one per category, or one per top app) and which session a pointer
 * means on a busy day.
 *
 * ```
 * day:      |00 ............................................... 24|
 * view:                 |09 .......... 12|          zoom ×4 about 10:30, then pan
 * lanes:    Development [code][gh]  [code]
 *           Video              [yt]
 * ```
 */
import type { Session } from './sessions.ts';

export interface View {
  startMs: number;
  endMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The closest look: a quarter of an hour across the strip. */
export const MIN_SPAN_MS = 15 * MINUTE;

/** `view` zoomed by `factor` (> 1 closer) about the instant `anchorMs`, which stays where it is on screen. */
export function zoomView(view: View, day: View, factor: number, anchorMs: number): View {
  const span = view.endMs - view.startMs;
  const daySpan = day.endMs - day.startMs;
  const next = Math.min(daySpan, Math.max(MIN_SPAN_MS, span / factor));
  const anchor = Math.min(view.endMs, Math.max(view.startMs, anchorMs));
  const startMs = anchor - ((anchor - view.startMs) / span) * next;
  return clampView({ startMs, endMs: startMs + next }, day);
}

/** `view` moved by `deltaMs`, kept inside the day. */
export function panView(view: View, day: View, deltaMs: number): View {
  return clampView({ startMs: view.startMs + deltaMs, endMs: view.endMs + deltaMs }, day);
}

function clampView(view: View, day: View): View {
  const span = Math.min(view.endMs - view.startMs, day.endMs - day.startMs);
  const startMs = Math.min(Math.max(view.startMs, day.startMs), day.endMs - span);
  return { startMs, endMs: startMs + span };
}

export const isWholeDay = (view: View, day: View): boolean =>
  view.startMs <= day.startMs && view.endMs >= day.endMs;

const TICK_STEPS = [5, 10, 15, 30, 60, 120, 180].map((m) => m * MINUTE);

/** Tick instants inside the view, about `count` of them, on round local times (`offsetMs`: the day's start). */
export function ticksOf(view: View, dayStartMs: number, count = 8): number[] {
  const span = view.endMs - view.startMs;
  const step = TICK_STEPS.find((s) => span / s <= count) ?? 3 * HOUR;
  const first = dayStartMs + Math.ceil((view.startMs - dayStartMs) / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= view.endMs; t += step) ticks.push(t);
  return ticks;
}

export type LaneMode = 'one' | 'category' | 'app';

export interface Lane {
  key: string;
  label: string;
  sessions: Session[];
}

/** Apps or categories that get a lane of their own; the rest share "Other". */
export const TOP_LANES = 6;

/**
 * The sessions in lanes: all in one; or one lane per category (time without one in "No category"), or per app
 * or site, the biggest of the day first, the rest together in "Other". Logged time is a lane's like any other.
 */
export function lanesOf(sessions: Session[], mode: LaneMode): Lane[] {
  if (mode === 'one') return [{ key: 'all', label: 'All', sessions }];
  const keyOf = (s: Session) => (mode === 'category' ? (s.category ?? '\u0000none') : `${s.kind}:${s.name}`);
  const labelOf = (s: Session) => (mode === 'category' ? (s.category ?? 'No category') : s.name);
  const totals = new Map<string, { label: string; ms: number }>();
  for (const s of sessions) {
    const key = keyOf(s);
    const entry = totals.get(key) ?? { label: labelOf(s), ms: 0 };
    entry.ms += s.endMs - s.startMs;
    totals.set(key, entry);
  }
  const ranked = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const top = new Set(ranked.slice(0, TOP_LANES).map(([key]) => key));
  const lanes: Lane[] = ranked
    .slice(0, TOP_LANES)
    .map(([key, { label }]) => ({ key, label, sessions: sessions.filter((s) => keyOf(s) === key) }));
  const rest = sessions.filter((s) => !top.has(keyOf(s)));
  if (rest.length > 0) lanes.push({ key: '\u0000other', label: 'Other', sessions: rest });
  return lanes;
}

/**
 * The session a pointer at `atMs` means: the one under it, else the nearest within `toleranceMs` (a block too
 * thin to aim at on a busy day is still found), else none. Sessions are in order and do not overlap.
 */
export function sessionAt(sessions: Session[], atMs: number, toleranceMs: number): Session | null {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sessions[mid]?.endMs ?? 0) <= atMs) lo = mid + 1;
    else hi = mid;
  }
  const after = sessions[lo];
  if (after && after.startMs <= atMs) return after;
  const before = sessions[lo - 1];
  const gapAfter = after ? after.startMs - atMs : Infinity;
  const gapBefore = before ? atMs - before.endMs : Infinity;
  const nearest = gapAfter <= gapBefore ? after : before;
  return nearest && Math.min(gapAfter, gapBefore) <= toleranceMs ? nearest : null;
}
