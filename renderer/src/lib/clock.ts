/** Local wall-clock times in the browser's locale: "09:12", or "9:12 AM" (app/shared/local-format.ts). */
export { formatClock, formatHour } from '../../../app/shared/local-format.ts';

/** The value of an `<input type="time">`: always "HH:MM", 24-hour (the browser shows it in its locale). */
export function inputTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The browser's IANA time zone, the zone of every report the dashboard asks for. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
