/** Local wall-clock times, 24-hour: "09:12". */
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatClock(ms: number): string {
  return CLOCK.format(ms);
}

/** The browser's IANA time zone, the zone of every report the dashboard asks for. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
