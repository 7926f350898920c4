/**
 * Range arguments of `timeaudit report`: an ISO instant with a zone, a calendar date (YYYY-MM-DD, midnight in
 * --tz), or today / yesterday / tomorrow / now.
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
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const day = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / DAY_MS;
    if (Number.isInteger(day) && new Date(day * DAY_MS).toISOString().startsWith(value))
      return zone.dayStart(day);
  } else if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && value.includes('t')) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new DateArgumentError(
    `"${text}" is not a date: use YYYY-MM-DD, an ISO instant with a zone (2026-01-31T09:00:00Z), today, yesterday or now`,
  );
}

/** A command's --from, --to and --tz (this machine's zone when left out): the range [fromMs, toMs) in that zone. */
export function rangeArguments(opts: { from: string; to: string; tz?: string | undefined }): {
  tz: string;
  fromMs: number;
  toMs: number;
} {
  const tz = opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = zoneFor(tz);
  const now = Date.now();
  const fromMs = parseInstant(opts.from, zone, now);
  const toMs = parseInstant(opts.to, zone, now);
  if (toMs <= fromMs)
    throw new DateArgumentError(`--to (${new Date(toMs).toISOString()}) must be after --from`);
  return { tz, fromMs, toMs };
}
