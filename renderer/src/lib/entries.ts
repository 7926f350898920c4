/**
 * The "Log time" form's fields and the instants they stand for. A day and two wall-clock times on the
 * browser's calendar; an end at or before the start is on the next day (23:30–00:30 is an hour):
 *
 *   date 2026-11-20, 18:00–19:00  →  [Fri 18:00 … Fri 19:00]
 *   date 2026-11-20, 23:30–00:30  →  [Fri 23:30 … Sat 00:30]
 */
import type { ManualEntry } from '../../../app/shared/planning.ts';
import { formatClock, inputTime } from './clock.ts';
import { addDays, dayOf, isDay, startOfDay, type Day } from './ranges.ts';

export interface EntryFields {
  label: string;
  category: string;
  date: Day;
  /** "HH:MM", as a time input gives it. */
  start: string;
  end: string;
  note: string;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Local `day` at `time` ("HH:MM"); a time skipped by a DST change lands just after it, as Date does. */
export function atTime(day: Day, time: string): Date | null {
  const m = TIME_RE.exec(time);
  if (!m || !isDay(day)) return null;
  const date = startOfDay(day);
  date.setHours(Number(m[1]), Number(m[2]), 0, 0);
  return date;
}

export interface EntryInstants {
  start: Date;
  end: Date;
  /** The end is on the day after `date`. */
  nextDay: boolean;
}

/** The instants of the form's date and times, or null while one of them is missing or malformed. */
export function entryInstants(fields: Pick<EntryFields, 'date' | 'start' | 'end'>): EntryInstants | null {
  const start = atTime(fields.date, fields.start);
  const sameDayEnd = atTime(fields.date, fields.end);
  if (!start || !sameDayEnd) return null;
  if (sameDayEnd > start) return { start, end: sameDayEnd, nextDay: false };
  const end = atTime(addDays(fields.date, 1), fields.end);
  return end ? { start, end, nextDay: true } : null;
}

/**
 * An end before the start is read as the next day only for a span that plausibly runs past midnight (up to 12
 * hours): 18:00–17:00 is a typo, not 23 hours, and the form says so instead of logging it.
 */
export const MAX_OVERNIGHT_MS = 12 * 3_600_000;

export function endBeforeStart(instants: EntryInstants): boolean {
  return instants.nextDay && instants.end.getTime() - instants.start.getTime() > MAX_OVERNIGHT_MS;
}

/** The form's fields for an existing entry (to edit it). */
export function fieldsOf(entry: ManualEntry): EntryFields {
  const start = Date.parse(entry.start);
  const end = Date.parse(entry.end);
  return {
    label: entry.label,
    category: entry.category ?? '',
    date: dayOf(new Date(start)),
    start: inputTime(start),
    end: inputTime(end),
    note: entry.note,
  };
}

/** "18:00–19:00" (or "6:00 PM–7:00 PM", as the locale has it), with "(+1 day)" when it ends on a later day. */
export function formatEntryTimes(entry: Pick<ManualEntry, 'start' | 'end'>, locale?: string): string {
  const start = Date.parse(entry.start);
  const end = Date.parse(entry.end);
  const days = Math.round(
    (startOfDay(dayOf(new Date(end))).getTime() - startOfDay(dayOf(new Date(start))).getTime()) / 86_400_000,
  );
  const later = days > 0 ? ` (+${days} day${days === 1 ? '' : 's'})` : '';
  return `${formatClock(start, locale)}–${formatClock(end, locale)}${later}`;
}
