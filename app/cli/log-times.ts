/**
 * Times and durations as `timeaudit log` takes them, on the local clock of --tz: "18:00" (today, or the day
 * given), "2026-11-21 18:00", "yesterday 18:00", plus every form `report` takes (a date is its midnight, an
 * ISO instant with a zone, now); durations "45m", "1h", "1.5h", "1h30m".
 */
import { DAY_MS } from '../core/time.ts';
import { parseDuration as parseTypedDuration } from '../shared/duration-input.ts';
import { localInstant } from '../core/wall-clock.ts';
import type { Zone } from '../core/zone.ts';
import { DateArgumentError, parseInstant } from './dates.ts';

/** A bad argument of `timeaudit log`: explained, and nothing is stored. */
export class LogArgumentError extends Error {}

const LOCAL_TIME = /^(?:(today|yesterday|\d{4}-\d{2}-\d{2})[ t]+)?(\d{1,2}):(\d{2})$/;

/**
 * The instant `text` names on the zone's clock. A time of day alone falls on `baseDay` (a local day number;
 * today when left out).
 */
export function parseLocalTime(
  option: string,
  text: string,
  zone: Zone,
  nowMs: number,
  baseDay = zone.localDay(nowMs),
): number {
  const value = text.trim().toLowerCase();
  const m = LOCAL_TIME.exec(value);
  if (!m) {
    try {
      return parseInstant(text, zone, nowMs);
    } catch (error) {
      if (!(error instanceof DateArgumentError)) throw error;
      throw new LogArgumentError(
        `${option} "${text}" is not a time: use HH:MM (${baseDay === zone.localDay(nowMs) ? 'today' : "the entry's day"}), ` +
          `"YYYY-MM-DD HH:MM", "yesterday HH:MM", a date (midnight), now, or an ISO instant with a zone`,
      );
    }
  }
  const [, dayText, hourText, minuteText] = m;
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59)
    throw new LogArgumentError(`${option} "${text}": ${hourText}:${minuteText} is not a time of day`);
  const day = dayText === undefined ? baseDay : dayNumber(option, text, dayText, zone, nowMs);
  const ms = localInstant(zone, day, hour * 60 + minute);
  if (ms === null)
    throw new LogArgumentError(
      `${option} "${text}" does not exist in ${zone.name}: the clocks skip that time (a daylight-saving change)`,
    );
  return ms;
}

function dayNumber(option: string, text: string, dayText: string, zone: Zone, nowMs: number): number {
  const today = zone.localDay(nowMs);
  if (dayText === 'today') return today;
  if (dayText === 'yesterday') return today - 1;
  const day = Date.parse(`${dayText}T00:00:00Z`) / DAY_MS;
  if (!Number.isInteger(day) || !new Date(day * DAY_MS).toISOString().startsWith(dayText))
    throw new LogArgumentError(`${option} "${text}": ${dayText} is not a calendar date`);
  return day;
}

/** "45m", "1h", "1.5h", "1h30m", "1:30" (as the dashboard's goal form reads them) → milliseconds, more than zero. */
export function parseDuration(text: string, option = '--duration'): number {
  const ms = parseTypedDuration(text);
  if (ms === null || !(ms > 0))
    throw new LogArgumentError(`${option} "${text}" is not a duration: use 45m, 1h, 1.5h or 1h30m`);
  return ms;
}

/** An entry id as typed after `edit` or `delete`. */
export function parseEntryId(text: string): number {
  const id = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new LogArgumentError(`"${text}" is not an entry id: use the number \`timeaudit log list\` shows`);
  return id;
}
