/**
 * The tray's line about team sync: nothing while sync is off, else what it is doing or how the last run went.
 *
 *   Team sync: 12/40 days…          a run going on
 *   Team sync: 10:42 ✓              the last run worked
 *   Team sync failed: <reason>      the last run failed (the next one retries)
 */
import type { SyncStatus } from '../../shared/api/sync.ts';

const MAX_REASON = 60;

function clock(iso: string, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function syncLine(status: SyncStatus, tz: string): string | null {
  if (!status.settings.enabled) return null;
  if (status.running) return `Team sync: ${status.running.checked}/${status.running.total} days…`;
  const last = status.last;
  if (!last) return 'Team sync: not yet';
  if (last.ok) return `Team sync: ${clock(last.at, tz)} ✓`;
  const reason = last.error ?? 'unknown error';
  return `Team sync failed: ${reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason}`;
}
