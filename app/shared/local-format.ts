/**
 * Dates and times as the dashboard and the popup write them: in the browser's locale (`locale` left out), with
 * its own order, names and 12- or 24-hour clock, so that the text matches the date and time inputs beside it.
 * en-GB: "Mon, 16 Nov 2026", "14:05"; en-US: "Mon, Nov 16, 2026", "2:05 PM"; de-DE: "Mo., 16. Nov. 2026", "14:05".
 * A day is a calendar date ("2026-11-16"), written as such whatever the zone; an instant is written on the
 * browser's clock unless a zone is given.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Noon UTC of a calendar date: the same date in every zone's reading of it. */
const noonOf = (day: string): number => Date.parse(`${day}T12:00:00Z`);

/** Whether the locale's clock runs 0–23 (then hours have two digits: "09:05"), rather than 1–12 with AM/PM. */
function twentyFourHour(locale: string | undefined): boolean {
  const cycle = formatter(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24';
}

/** "14:05", "09:05" or "2:05 PM". */
export function formatClock(ms: number, locale?: string, timeZone?: string): string {
  const hour = twentyFourHour(locale) ? '2-digit' : 'numeric';
  return formatter(locale, { hour, minute: '2-digit', timeZone }).format(ms);
}

/** The hour alone, for an axis: "14", "09" (without a word such as German "Uhr") or "2 PM". */
export function formatHour(ms: number, locale?: string, timeZone?: string): string {
  if (!twentyFourHour(locale)) return formatter(locale, { hour: 'numeric', timeZone }).format(ms);
  const parts = formatter(locale, { hour: '2-digit', timeZone }).formatToParts(ms);
  return parts.find((p) => p.type === 'hour')?.value ?? '';
}

/** "Mon, 16 Nov 2026" (weekday and year unless left out): "16 Nov" with neither. */
export function formatDate(
  day: string,
  options: { weekday?: boolean; year?: boolean } = {},
  locale?: string,
): string {
  return formatter(locale, {
    weekday: options.weekday === false ? undefined : 'short',
    day: 'numeric',
    month: 'short',
    year: options.year === false ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(noonOf(day));
}

/**
 * Two days as the locale writes a range, each part said once: "Tue, 1 Dec – Mon, 7 Dec 2026" (en-GB),
 * "Tue, Dec 1 – Mon, Dec 7, 2026" (en-US), "Di., 1. – Mo., 7. Dez. 2026" (de-DE).
 */
export function formatDateRange(from: string, to: string, locale?: string): string {
  return formatter(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .formatRange(noonOf(from), noonOf(to))
    .replace(/[\u2009\u202f]/gu, ' ') // ICU's thin spaces, the dashboard's own spacing
    .replace(/\s*[–-]\s*/u, ' – ');
}

/** "Nov 2026", or "November 2026" when long. */
export function formatMonth(day: string, long = false, locale?: string): string {
  return formatter(locale, { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
    noonOf(day),
  );
}

/** An instant with its date: "16 Nov 2026, 14:05". */
export function formatDateTime(ms: number, locale?: string): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
