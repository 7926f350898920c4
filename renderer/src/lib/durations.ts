/** Duration axes: ticks at round durations ("30m", "1h", "2h") instead of chart.js's round milliseconds. */
import { formatDuration } from '../../../app/shared/format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STEPS = [1, 2, 5, 10, 15, 30]
  .map((m) => m * MINUTE)
  .concat([1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168].map((h) => h * HOUR));

/** A round step that puts about `ticks` ticks between 0 and `maxMs`. */
export function durationStep(maxMs: number, ticks = 4): number {
  const wanted = maxMs / ticks;
  return STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / (168 * HOUR)) * 168 * HOUR;
}

/** chart.js options of a linear y axis that counts milliseconds. */
export function durationAxis(maxMs: number, colors: { muted: string; grid: string }) {
  return {
    stacked: true,
    beginAtZero: true,
    border: { display: false },
    grid: { color: colors.grid },
    ticks: {
      color: colors.muted,
      stepSize: durationStep(Math.max(maxMs, MINUTE)),
      callback: (value: string | number) => formatDuration(Number(value)),
    },
  };
}

/** "09:00–10:00" for hour 9. */
export function hourLabel(hour: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
}

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
