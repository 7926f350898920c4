/** How what a purge takes reads, in the terminal and the dashboard alike. */
import type { PurgePreview } from './api/data-purge.ts';
import { formatDuration } from './format.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 window events, 1 away period (1 cut at the range's edges, …); 3h 12m of tracked time". */
export function describePurge(p: PurgePreview): string {
  const parts = [
    p.window_events > 0 ? plural(p.window_events, 'window event') : '',
    p.browser_events > 0 ? plural(p.browser_events, 'browser event') : '',
    p.idle_events > 0 ? plural(p.idle_events, 'away period') : '',
    p.manual_entries > 0 ? plural(p.manual_entries, 'entry logged by hand', 'entries logged by hand') : '',
    p.titles_cleared > 0 ? `${plural(p.titles_cleared, 'window title')} telling of it emptied` : '',
  ].filter(Boolean);
  const cut = p.cut > 0 ? ` (${p.cut} cut at the range's edges, their parts outside it kept)` : '';
  return `${parts.join(', ')}${cut}; ${formatDuration(p.tracked_ms)} of tracked time`;
}

/** Whether a purge would take nothing at all. */
export const purgesNothing = (p: PurgePreview): boolean =>
  p.window_events + p.browser_events + p.idle_events + p.manual_entries === 0 && p.subjects.length === 0;

export { plural };
