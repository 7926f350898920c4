/**
 * Splits a report range into the pieces the rollups can answer, coarsest first in the middle:
 *
 * ```
 * range:   from|.....................................................|to
 * pieces:  [raw][slots...][days..][months..][years][months][days][slots][raw]
 *            ^ inside one 15-min slot                  local calendar units ^
 * ```
 *
 * Raw pieces (shorter than a slot) are resolved from the events themselves; slots come from the 15-minute UTC
 * rollup; days, months and years from the per-zone rollups on the local calendar. A long range thus reads a
 * number of rows that grows with its number of years, not with its events.
 */
import { civilFromDay, dayFromCivil, dayOfYear, monthBucket, SLOT_MS } from './time.ts';
import type { Zone } from './zone.ts';

export const LEVELS = { day: 1, month: 2, year: 3 } as const;
export type Level = (typeof LEVELS)[keyof typeof LEVELS];

export type Piece =
  | { kind: 'raw'; startMs: number; endMs: number }
  /** Slot indices [from, to): slot n covers [n × 15 min, (n + 1) × 15 min) UTC. */
  | { kind: 'slots'; from: number; to: number }
  /** Buckets [from, to) of one level: day numbers, month buckets or years, all on the local calendar. */
  | { kind: 'period'; level: Level; from: number; to: number };

/** The range as raw edges and whole slots only: what a zone without its day, month and year summaries can read. */
export function splitSlots(fromMs: number, toMs: number): Piece[] {
  if (toMs <= fromMs) return [];
  const a = Math.ceil(fromMs / SLOT_MS) * SLOT_MS;
  const b = Math.floor(toMs / SLOT_MS) * SLOT_MS;
  if (a >= b) return [{ kind: 'raw', startMs: fromMs, endMs: toMs }];
  const pieces: Piece[] = [];
  if (fromMs < a) pieces.push({ kind: 'raw', startMs: fromMs, endMs: a });
  pieces.push({ kind: 'slots', from: a / SLOT_MS, to: b / SLOT_MS });
  if (b < toMs) pieces.push({ kind: 'raw', startMs: b, endMs: toMs });
  return pieces;
}

export function splitRange(fromMs: number, toMs: number, zone: Zone): Piece[] {
  if (toMs <= fromMs) return [];
  const a = Math.ceil(fromMs / SLOT_MS) * SLOT_MS;
  const b = Math.floor(toMs / SLOT_MS) * SLOT_MS;
  if (a > b) return [{ kind: 'raw', startMs: fromMs, endMs: toMs }];
  const pieces: Piece[] = [];
  if (fromMs < a) pieces.push({ kind: 'raw', startMs: fromMs, endMs: a });
  const firstLocal = zone.localDay(a);
  const firstFull = zone.dayStart(firstLocal) === a ? firstLocal : firstLocal + 1;
  const endFull = zone.localDay(b);
  if (firstFull < endFull) {
    pushSlots(pieces, a, zone.dayStart(firstFull));
    pieces.push(...splitDays(firstFull, endFull));
    pushSlots(pieces, zone.dayStart(endFull), b);
  } else {
    pushSlots(pieces, a, b);
  }
  if (b < toMs) pieces.push({ kind: 'raw', startMs: b, endMs: toMs });
  return pieces;
}

function pushSlots(pieces: Piece[], startMs: number, endMs: number): void {
  if (endMs > startMs) pieces.push({ kind: 'slots', from: startMs / SLOT_MS, to: endMs / SLOT_MS });
}

/** Local days [d0, d1) as runs of whole years, whole months and single days. */
export function splitDays(d0: number, d1: number): Piece[] {
  const out: Piece[] = [];
  const push = (level: Level, bucket: number): void => {
    const last = out.at(-1);
    if (last?.kind === 'period' && last.level === level && last.to === bucket) last.to = bucket + 1;
    else out.push({ kind: 'period', level, from: bucket, to: bucket + 1 });
  };
  let d = d0;
  while (d < d1) {
    const c = civilFromDay(d);
    const nextYear = dayOfYear(c.year + 1);
    const nextMonth = c.month === 12 ? nextYear : dayFromCivil(c.year, c.month + 1, 1);
    if (c.month === 1 && c.day === 1 && nextYear <= d1) {
      push(LEVELS.year, c.year);
      d = nextYear;
    } else if (c.day === 1 && nextMonth <= d1) {
      push(LEVELS.month, monthBucket(c));
      d = nextMonth;
    } else {
      push(LEVELS.day, d);
      d += 1;
    }
  }
  return out;
}
