/** Units and the civil calendar on day numbers (days since 1970-01-01), shared by the rollups and reports. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Rollups are kept per 15-minute UTC slot: every time zone offset in use is a multiple of 15 minutes. */
export const SLOT_MS = 15 * MINUTE_MS;

export const floorDiv = (a: number, b: number): number => Math.floor(a / b);
export const mod = (a: number, b: number): number => ((a % b) + b) % b;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayFromCivil(year: number, month: number, day: number): number {
  return floorDiv(Date.UTC(year, month - 1, day), DAY_MS);
}

/** ISO weekday of a day number: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export const isoWeekday = (dayNumber: number): number => mod(dayNumber + 3, 7) + 1;

/** Month bucket: a running month number, year × 12 + (month − 1). */
export const monthBucket = (date: CivilDate): number => date.year * 12 + date.month - 1;
export const dayOfMonthBucket = (bucket: number): number =>
  dayFromCivil(floorDiv(bucket, 12), mod(bucket, 12) + 1, 1);
export const dayOfYear = (year: number): number => dayFromCivil(year, 1, 1);
