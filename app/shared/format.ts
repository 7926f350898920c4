/** How durations read everywhere (terminal, dashboard, popup): "3h 12m", "42m", "35s", "0m". */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (ms > 0 && totalMinutes === 0) return `${Math.max(1, Math.floor(ms / 1000))}s`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}m`;
  return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
}

/** A share as a whole percentage, "0%" for an empty total. */
export function formatShare(part: number, total: number): string {
  return total > 0 ? `${Math.round((part / total) * 100)}%` : '0%';
}

/** A file's size as people read it: "812 B", "4.2 MiB", "1.3 GiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * The gap between two durations as their formatted figures show it: "25m of 30m" (25m 40s done) leaves 5m, not
 * the 4m 20s of the exact gap, which formatDuration would round down to "4m".
 */
export function shownGapMs(doneMs: number, targetMs: number): number {
  if (targetMs < 60_000) return Math.abs(targetMs - doneMs);
  return Math.abs(Math.floor(targetMs / 60_000) - Math.floor(doneMs / 60_000)) * 60_000;
}
