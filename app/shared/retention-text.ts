/** How what retention does reads, in the terminal and the dashboard alike (see POST /v1/retention/preview). */
import type { RetentionPreviewView } from './api/retention.ts';
import { formatDuration } from './format.ts';
import { plural } from './purge-text.ts';

/** Whether retention would change nothing. */
export const retainsAll = (p: RetentionPreviewView): boolean => p.titles === 0 && p.events === 0;

/**
 * "blank 5230 window titles before 10 Dec 2025 (their time stays) and delete 12005 events (1240h) before
 * 10 Mar 2025", or null when nothing would change. `dateOf` shows a cutoff (an ISO instant) as a date.
 */
export function describeRetention(p: RetentionPreviewView, dateOf: (iso: string) => string): string | null {
  const parts: string[] = [];
  if (p.titles > 0 && p.titles_before)
    parts.push(
      `blank ${plural(p.titles, 'window title')} before ${dateOf(p.titles_before)} (their time stays)`,
    );
  if (p.events > 0 && p.events_before) {
    const manual =
      p.manual_entries > 0
        ? `, ${plural(p.manual_entries, 'entry', 'entries')} logged by hand among them`
        : '';
    parts.push(
      `delete ${plural(p.events, 'event')} (${formatDuration(p.events_ms)}${manual}) before ${dateOf(p.events_before)}`,
    );
  }
  return parts.length > 0 ? parts.join(' and ') : null;
}
