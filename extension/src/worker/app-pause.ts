/**
 * One pause for the app and the browser: the tray (or the API) pausing the app pauses the extension too, and
 * a pause from the popup is sent to the app so that the tray shows it.
 *
 * The worker asks the app on the minute alarm and on each popup status. What it then does depends on the
 * app's answer, the extension's own pause, and the app pause it saw last time:
 *
 * ```
 * app paused until U     → the extension is paused until U (an app pause "until resumed" has no end here either)
 * app not paused, and the extension's pause is the one the app had   → resumed in the app: resume
 * app not paused, and the extension's pause is its own (app was down) → kept
 * ```
 */
import type { PauseStatus } from '../../../app/shared/api.ts';
import { clientFor, type Deps } from './connection.ts';
import type { TrackerEvent } from './session.ts';

import { INDEFINITE_PAUSE_MS } from '../config.ts';

/** The app's pause as the extension's `pausedUntilMs`: null when not paused. */
export function untilFromStatus(status: PauseStatus): number | null {
  if (!status.paused) return null;
  if (status.until === null) return INDEFINITE_PAUSE_MS;
  const ms = Date.parse(status.until);
  return Number.isNaN(ms) ? INDEFINITE_PAUSE_MS : ms;
}

export interface Reconciled {
  /** The step to apply to the extension's tracker, if any. */
  event: Extract<TrackerEvent, { type: 'pause' } | { type: 'resume' }> | null;
  /** The app pause to remember for the next comparison. */
  seenAppUntilMs: number | null;
}

/** Pure: what the extension does about the app's pause (see the table above). */
export function reconcilePause(
  localUntilMs: number | null,
  seenAppUntilMs: number | null,
  appUntilMs: number | null,
  nowMs: number,
): Reconciled {
  const local = localUntilMs !== null && localUntilMs > nowMs ? localUntilMs : null;
  if (appUntilMs !== null && appUntilMs > nowMs) {
    return {
      event: local === appUntilMs ? null : { type: 'pause', untilMs: appUntilMs },
      seenAppUntilMs: appUntilMs,
    };
  }
  const resumedInApp = local !== null && seenAppUntilMs !== null && local === seenAppUntilMs;
  return { event: resumedInApp ? { type: 'resume' } : null, seenAppUntilMs: null };
}

export interface PauseSync {
  track(make: () => TrackerEvent | null): Promise<void>;
  schedulePauseEnd(untilMs: number | null): Promise<void>;
}

/** Asks the app for its pause and follows it. Never throws: an app that is down changes nothing. */
export async function followAppPause(deps: Deps, sync: PauseSync): Promise<void> {
  const { pairing } = await deps.store.get('pairing');
  if (!pairing) return;
  let status: PauseStatus;
  try {
    status = await clientFor(deps, pairing).getPause({});
  } catch (error) {
    deps.log.debug('could not read the app pause', { error: String(error) });
    return;
  }
  await applyAppPause(deps, sync, status);
}

/** Follows one answer of the app about its pause (GET /v1/pause, or the answer to our own POST). */
export async function applyAppPause(deps: Deps, sync: PauseSync, status: PauseStatus): Promise<void> {
  const { tracker, appPause } = await deps.store.get('tracker', 'appPause');
  const result = reconcilePause(
    tracker.pausedUntilMs,
    appPause.seenUntilMs,
    untilFromStatus(status),
    deps.now(),
  );
  await deps.store.set({ appPause: { seenUntilMs: result.seenAppUntilMs } });
  const event = result.event;
  if (!event) return;
  deps.log.info(event.type === 'pause' ? 'paused by the app' : 'resumed by the app');
  await sync.track(() => event);
  await sync.schedulePauseEnd(
    event.type === 'pause' && event.untilMs !== INDEFINITE_PAUSE_MS ? event.untilMs : null,
  );
}

/** Tells the app about a pause or resume from the popup; best effort (the extension's own pause holds). */
export async function tellApp(
  deps: Deps,
  sync: PauseSync,
  body: { minutes: number } | 'resume',
): Promise<void> {
  const { pairing } = await deps.store.get('pairing');
  if (!pairing) return;
  try {
    const client = clientFor(deps, pairing);
    const status = body === 'resume' ? await client.resume({ body: {} }) : await client.setPause({ body });
    await applyAppPause(deps, sync, status);
  } catch (error) {
    deps.log.debug('could not tell the app about the pause', { error: String(error) });
  }
}
