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
import type { PauseStatus } from '../../../app/shared/api/index.ts';
import { INDEFINITE_PAUSE_MS } from '../config.ts';
import type { AppLink } from './app-link.ts';
import type { WorkerContext } from './context.ts';
import type { TrackerEvent } from './session.ts';

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

export interface PauseHooks {
  /** Steps the tracker (tracking.ts). */
  track(make: () => TrackerEvent | null): Promise<void>;
  /** Sets (or clears, with null) the alarm that ends the extension's pause. */
  schedulePauseEnd(untilMs: number | null): Promise<void>;
}

export function createAppPause(ctx: WorkerContext, link: AppLink, hooks: PauseHooks) {
  const { store, now, log } = ctx;

  /** Follows one answer of the app about its pause (GET /v1/pause, or the answer to our own POST). */
  async function apply(status: PauseStatus): Promise<void> {
    const { tracker, appPause } = await store.get('tracker', 'appPause');
    const result = reconcilePause(
      tracker.pausedUntilMs,
      appPause.seenUntilMs,
      untilFromStatus(status),
      now(),
    );
    await store.set({ appPause: { seenUntilMs: result.seenAppUntilMs } });
    const event = result.event;
    if (!event) return;
    log.info(event.type === 'pause' ? 'paused by the app' : 'resumed by the app');
    await hooks.track(() => event);
    await hooks.schedulePauseEnd(
      event.type === 'pause' && event.untilMs !== INDEFINITE_PAUSE_MS ? event.untilMs : null,
    );
  }

  /** Tells the app about a pause or resume from the popup; best effort (the extension's own pause holds). */
  async function tellApp(body: { minutes: number } | 'resume'): Promise<void> {
    const paired = await link.paired();
    if (!paired) return;
    try {
      const { api } = paired;
      const status = body === 'resume' ? await api.resume({ body: {} }) : await api.setPause({ body });
      await apply(status);
    } catch (error) {
      log.debug('could not tell the app about the pause', { error: String(error) });
    }
  }

  return {
    /** Asks the app for its pause and follows it. Never throws: an app that is down changes nothing. */
    async follow(): Promise<void> {
      const paired = await link.paired();
      if (!paired) return;
      let status: PauseStatus;
      try {
        status = await paired.api.getPause({});
      } catch (error) {
        log.debug('could not read the app pause', { error: String(error) });
        return;
      }
      await apply(status);
    },

    /** The popup's pause: here at once, then in the app. */
    async pause(minutes: number): Promise<void> {
      const untilMs = now() + Math.round(minutes * 60_000);
      await hooks.track(() => ({ type: 'pause', untilMs }));
      await hooks.schedulePauseEnd(untilMs);
      await tellApp({ minutes: Math.round(minutes) });
    },

    /** The popup's resume: here at once, then in the app. */
    async resume(): Promise<void> {
      await hooks.track(() => ({ type: 'resume' }));
      await hooks.schedulePauseEnd(null);
      await tellApp('resume');
    },
  };
}

export type AppPause = ReturnType<typeof createAppPause>;
