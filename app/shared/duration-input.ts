/**
 * Durations as people type them, read the same way by the dashboard's forms and the `timeaudit` command
 * (`log --duration`, `goals add --target`).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const DURATION_PART = /(\d+(?:[.,]\d+)?) ?(hours?|hrs?|h|minutes?|mins?|m)(?![a-z])/y;

/**
 * A duration typed by the user, in milliseconds (whole minutes), or null when it does not read as one:
 * "1h 30m", "1h30", "1.5h", "90m", "2 hours 5 min", "1:30", and a bare number of minutes ("45").
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === '') return null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(value);
  if (clock) return roundToMinute(Number(clock[1]) * HOUR + Number(clock[2]) * MINUTE);
  if (/^\d+$/.test(value)) return roundToMinute(Number(value) * MINUTE);
  let ms = 0;
  const units = new Set<string>();
  for (let at = 0; at < value.length;) {
    if (value[at] === ' ') {
      at++;
      continue;
    }
    DURATION_PART.lastIndex = at;
    const part = DURATION_PART.exec(value);
    if (!part) {
      // "1h30": minutes without their unit, right after the hours.
      const rest = /^\d{1,2}$/.exec(value.slice(at));
      if (!rest || !units.has('h') || units.has('m')) return null;
      return roundToMinute(ms + Number(rest[0]) * MINUTE);
    }
    const unit = part[2]!.startsWith('h') ? 'h' : 'm';
    if (units.has(unit)) return null;
    units.add(unit);
    ms += Number(part[1]!.replace(',', '.')) * (unit === 'h' ? HOUR : MINUTE);
    at = DURATION_PART.lastIndex;
  }
  return roundToMinute(ms);
}

function roundToMinute(ms: number): number {
  return Math.round(ms / MINUTE) * MINUTE;
}
