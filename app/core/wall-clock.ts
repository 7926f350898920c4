/**
 * Wall-clock times of a zone, as people read and type them: "2026-11-21 18:00". Instants become local
 * dates and times here, and a typed local date and time becomes an instant, DST included:
 *
 * ```
 * Europe/Paris, 2026-03-29 (clocks go 02:00 → 03:00)   local 02:30 does not exist → null
 * Europe/Paris, 2026-10-25 (clocks go 03:00 → 02:00)   local 02:30 happens twice  → the first one
 * ```
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';
import type { Zone } from './zone.ts';

export interface WallClock {
  /** YYYY-MM-DD on the zone's calendar. */
  date: string;
  /** HH:MM, 24-hour. */
  time: string;
}

export function wallClock(zone: Zone, ms: number): WallClock {
  const iso = new Date(ms + zone.offsetAt(ms)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "2026-11-21 18:00–19:00", or "2026-11-21 23:00 – 2026-11-22 01:00" across midnight. */
export function formatWallSpan(zone: Zone, startMs: number, endMs: number): string {
  const a = wallClock(zone, startMs);
  const b = wallClock(zone, endMs);
  return a.date === b.date ? `${a.date} ${a.time}–${b.time}` : `${a.date} ${a.time} – ${b.date} ${b.time}`;
}

/**
 * The instant at which the zone's clocks show `minute` (minutes since midnight) on local day `day`; the
 * earlier one when the time happens twice, null when it does not happen (skipped by a DST change).
 */
export function localInstant(zone: Zone, day: number, minute: number): number | null {
  const wall = day * DAY_MS + minute * MINUTE_MS;
  // The offsets a day before and after bracket any change near this time (changes are hours apart).
  const candidates = [wall - zone.offsetAt(wall - 14 * HOUR_MS), wall - zone.offsetAt(wall + 14 * HOUR_MS)];
  const matches = candidates.filter((t) => t + zone.offsetAt(t) === wall);
  return matches.length === 0 ? null : Math.min(...matches);
}
