/**
 * Range arguments of `timeaudit report`, `export` and `purge`: an ISO instant with a zone, a calendar date
 * (YYYY-MM-DD in --tz), or today / yesterday / tomorrow / now. A date as --from is its first instant; a date as
 * --to is included whole (the range ends at the next midnight), as the dashboard's range picker has it:
 *
 *   --from 2026-01-05 --to 2026-01-06:   [5 Jan 00:00 ........ 7 Jan 00:00)
 *   --to 2026-01-06T12:00:00Z (instant): [............ 12:00)   exclusive
 */
import { DAY_MS } from '../core/time.ts';
import { zoneFor, type Zone } from '../core/zone.ts';

export class DateArgumentError extends Error {}

export function parseInstant(text: string, zone: Zone, nowMs: number): number {
  const value = text.trim().toLowerCase();
  const today = zone.localDay(nowMs);
  const named: Record<string, number> = {
    now: nowMs,
    today: zone.dayStart(today),
    yesterday: zone.dayStart(today - 1),
    tomorrow: zone.dayStart(today + 1),
  };
  if (value in named) return named[value] as number;
  const day = calendarDay(value);
  if (day !== null) return zone.dayStart(day);
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && value.includes('t')) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new DateArgumentError(
    `"${text}" is not a date: use YYYY-MM-DD, an ISO instant with a zone (2026-01-31T09:00:00Z), today, yesterday or now`,
  );
}

/** The local day number of "YYYY-MM-DD", null for any other text (or a date that does not exist). */
function calendarDay(value: string): number | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) return null;
  const day = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / DAY_MS;
  return Number.isInteger(day) && new Date(day * DAY_MS).toISOString().startsWith(value) ? day : null;
}

/** Whether `text` names a whole day (a date, today, yesterday, tomorrow) rather than an instant. */
export function isWholeDay(text: string): boolean {
  const value = text.trim().toLowerCase();
  return ['today', 'yesterday', 'tomorrow'].includes(value) || calendarDay(value) !== null;
}

/** The end of a range given as --to: a whole day is included (its next midnight), an instant is not. */
export function parseRangeEnd(text: string, zone: Zone, nowMs: number): number {
  const ms = parseInstant(text, zone, nowMs);
  return isWholeDay(text) ? zone.dayStart(zone.localDay(ms) + 1) : ms;
}

/**
 * A command's --from, --to (a date included whole) and --tz (this machine's zone when left out): the range
 * [fromMs, toMs) in that zone.
 */
export function rangeArguments(opts: { from: string; to: string; tz?: string | undefined }): {
  tz: string;
  fromMs: number;
  toMs: number;
} {
  const tz = opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = zoneFor(tz);
  const now = Date.now();
  const fromMs = parseInstant(opts.from, zone, now);
  const toMs = parseRangeEnd(opts.to, zone, now);
  if (toMs <= fromMs) throw new DateArgumentError('--to must not be before --from');
  return { tz, fromMs, toMs };
}
