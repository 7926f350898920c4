/**
 * What a pause is, as the model sees it: paused until an instant, until resumed (null), or not at all; and
 * where "until tomorrow" ends. The controller that holds the one pause and its timer is app/server's.
 */
import { zoneFor } from './zone.ts';

export type PauseState = { paused: false } | { paused: true; untilMs: number | null };

/** The instant the local day after the one containing `nowMs` starts in `tz`: "until tomorrow". */
export function startOfNextDay(nowMs: number, tz: string): number {
  const zone = zoneFor(tz);
  return zone.dayStart(zone.localDay(nowMs) + 1);
}
