/**
 * Date ranges of the dashboard, on the browser's local calendar. A range is a pair of inclusive local days
 * ("YYYY-MM-DD"); the instants sent to the API are the local midnights around it, built with the Date
 * constructor in local time so that a DST change inside the range moves the instant, not the day:
 *
 *   days:      [Sat 28 Mar][Sun 29 Mar (23 h)][Mon 30 Mar]
 *   instants:  from = Sat 00:00 +01:00               to = Tue 00:00 +02:00
 *
 * Counting days goes through UTC dates, which have no DST, so a 23- or 25-hour day still counts as one.
 */
import { formatDate, formatDateRange } from '../../../app/shared/local-format.ts';

/** A local calendar day, "YYYY-MM-DD". */
export type Day = string;

export interface DayRange {
  /** First day, inclusive. */
  start: Day;
  /** Last day, inclusive. */
  end: Day;
}

export const PRESETS = ['today', 'yesterday', 'this-week', 'last-7', 'this-month', 'last-30'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'this-week': 'This week',
  'last-7': 'Last 7 days',
  'this-month': 'This month',
  'last-30': 'Last 30 days',
};

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(day: Day): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Whether `value` is a real calendar day written YYYY-MM-DD. A date field being typed into passes through
 * years like 0002 and 0020 on the way to 2026; `minYear` lets such in-between values go unanswered.
 */
export function isDay(value: string, minYear = 0): value is Day {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear) return false;
  const date = utc(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Date.UTC without its reading of years 0–99 as 1900–1999; months and days may overflow. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** The local calendar day of an instant. */
export function dayOf(date: Date): Day {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of `day` (the first instant of the day where midnight is skipped by DST). */
export function startOfDay(day: Day): Date {
  const [y, m, d] = parts(day);
  // new Date(y, …) would read years 0–99 as 1900–1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, m - 1, d);
  date.setHours(0, 0, 0, 0);
  return date;
}

/** The day `n` days after `day` (before, for negative n); calendar arithmetic, DST-proof. */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return utcDay(utc(y, m - 1, d + n));
}

function utcDay(date: Date): Day {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Number of days from `a` to `b` (b − a); 0 for the same day. */
export function daysBetween(a: Day, b: Day): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((utc(yb, mb - 1, db).getTime() - utc(ya, ma - 1, da).getTime()) / MS_PER_DAY);
}

/** ISO weekday of a day: Monday = 1 … Sunday = 7. */
export function weekdayOf(day: Day): number {
  const [y, m, d] = parts(day);
  const w = utc(y, m - 1, d).getUTCDay();
  return w === 0 ? 7 : w;
}

function lastDayOfMonth(y: number, m: number): number {
  return utc(y, m, 0).getUTCDate();
}

function monthStart(day: Day, addMonths = 0): Day {
  const [y, m] = parts(day);
  return utcDay(utc(y, m - 1 + addMonths, 1));
}

function monthEnd(day: Day): Day {
  const [y, m] = parts(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`;
}

/** The range a preset stands for, seen from `today`. Weeks start on Monday. */
export function presetRange(preset: Preset, today: Day): DayRange {
  switch (preset) {
    case 'today':
      return { start: today, end: today };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { start: y, end: y };
    }
    case 'this-week': {
      const monday = addDays(today, 1 - weekdayOf(today));
      return { start: monday, end: addDays(monday, 6) };
    }
    case 'last-7':
      return { start: addDays(today, -6), end: today };
    case 'this-month':
      return { start: monthStart(today), end: monthEnd(today) };
    case 'last-30':
      return { start: addDays(today, -29), end: today };
  }
}

/** Number of days in a range, both ends included. */
export function dayCount(range: DayRange): number {
  return daysBetween(range.start, range.end) + 1;
}

/** Whether a range is one or more whole calendar months (1st to last day). */
function wholeMonths(range: DayRange): number {
  const [ys, ms, ds] = parts(range.start);
  const [ye, me, de] = parts(range.end);
  if (ds !== 1 || de !== lastDayOfMonth(ye, me)) return 0;
  return (ye - ys) * 12 + (me - ms) + 1;
}

/**
 * The range shifted by its own length, `direction` times: a week to the week before, 7 days to the 7 days
 * before, and whole calendar months to the months before (October for November, not 30 days).
 */
export function shiftRange(range: DayRange, direction: number): DayRange {
  const months = wholeMonths(range);
  if (months > 0) {
    const start = monthStart(range.start, direction * months);
    return { start, end: monthEnd(monthStart(start, months - 1)) };
  }
  const n = dayCount(range) * direction;
  return { start: addDays(range.start, n), end: addDays(range.end, n) };
}

/** The instants of a range for the API: [local midnight of start, local midnight after end). */
export function rangeInstants(range: DayRange): { from: Date; to: Date } {
  return { from: startOfDay(range.start), to: startOfDay(addDays(range.end, 1)) };
}

/** How many of each weekday (index 0 = Monday) a range holds, counting no day after `lastDay`. */
export function weekdayCounts(range: DayRange, lastDay: Day = range.end): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const end = range.end < lastDay ? range.end : lastDay;
  const n = daysBetween(range.start, end) + 1;
  if (n <= 0) return counts;
  const first = weekdayOf(range.start) - 1;
  for (let i = 0; i < 7; i++) counts[(first + i) % 7] = Math.floor(n / 7) + (i < n % 7 ? 1 : 0);
  return counts;
}

/** In the browser's locale (app/shared/local-format.ts): "Mon, 16 Nov" (en-GB), with the year when asked. */
export function formatDay(day: Day, withYear = true, locale?: string): string {
  return formatDate(day, { year: withYear }, locale);
}

/**
 * A range in words, as the locale writes one: "Mon, 16 Nov – Sun, 22 Nov 2026", "Wed, 30 Dec 2026 – Sun, 3 Jan
 * 2027" (en-GB).
 */
export function formatRange(range: DayRange, locale?: string): string {
  if (range.start === range.end) return formatDay(range.start, true, locale);
  return formatDateRange(range.start, range.end, locale);
}

/** The preset a range matches as seen from `today`, if any (the first of PRESETS that matches). */
export function presetOf(range: DayRange, today: Day): Preset | null {
  for (const preset of PRESETS) {
    const r = presetRange(preset, today);
    if (r.start === range.start && r.end === range.end) return preset;
  }
  return null;
}

export function sameRange(a: DayRange, b: DayRange): boolean {
  return a.start === b.start && a.end === b.end;
}
