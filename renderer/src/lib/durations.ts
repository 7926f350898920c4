/** Duration axes: ticks at round durations ("30m", "1h", "2h") instead of chart.js's round milliseconds. */
import { formatDuration } from '../../../app/shared/format.ts';
import { formatClock } from '../../../app/shared/local-format.ts';

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

/** "09:00–10:00" for hour 9 (en-GB), "9:00 AM–10:00 AM" (en-US): in the browser's locale. */
export function hourLabel(hour: number, locale?: string): string {
  const at = (h: number) => formatClock(Date.UTC(2000, 0, 1, h % 24), locale, 'UTC');
  return `${at(hour)}–${at(hour + 1)}`;
}

/** A duration typed by the user: one parser for the dashboard, the popup and the CLI. */
export { parseDuration } from '../../../app/shared/duration-input.ts';
