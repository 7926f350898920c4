/**
 * The service worker: Chrome's events in, sessions out to the app. It keeps nothing in globals that matters:
 * the session, the queue, the pairing and today's figures live in chrome.storage.local (storage.ts), so Chrome
 * may stop the worker at any time. Listeners are registered synchronously at the top level, as MV3 requires.
 *
 *   tabs / windows / idle ──▶ tracking (session.ts) ──closed──▶ queue ──flush──▶ POST /v1/browser/events
 *   alarm "tick" (1 min) ──▶ checkpoint, sync, today's report, flush what is due, badge
 *   popup ──messages (protocol.ts)──▶ handlers
 */
import { FLUSH_DELAY_MS, PROBE_MS, TICK_MINUTES } from '../config.ts';
import { createLogger } from '../log.ts';
import { serve } from '../protocol.ts';
import { createAppLink } from './app-link.ts';
import { createAppPause } from './app-pause.ts';
import { badgeFor } from './badge.ts';
import { useIdleThreshold } from './browser-focus.ts';
import { createClock } from './clock.ts';
import type { WorkerContext } from './context.ts';
import { createDelivery } from './delivery.ts';
import { createHandlers } from './handlers.ts';
import { createStorage, serializer } from './storage.ts';
import { domainToday, today } from './today.ts';
import { createTracking } from './tracking.ts';

const log = createLogger('worker');
const store = createStorage(chrome.storage.local);
const clock = createClock(store);
const ctx: WorkerContext = { store, exclusive: serializer(), now: clock.now, log };
// The first thing under the lock: a woken worker's first step waits until the clock knows its offset.
void ctx.exclusive(() => clock.ready);

const TICK = 'tick';
const PAUSE_END = 'pause-end';

let cancelFlush: (() => void) | undefined;
/**
 * A flush a few seconds after the last session closed (debounced: quick tab switching sends one batch); the
 * minute alarm sends anyway, also when the worker stopped before the timer fired.
 */
function scheduleFlush(): void {
  cancelFlush?.();
  cancelFlush = clock.after(FLUSH_DELAY_MS, () => {
    cancelFlush = undefined;
    void flushOrProbe();
  });
}

let cancelProbe: (() => void) | undefined;
/**
 * Sends what is due; when sessions stay queued because the app is down, asks the app again every few seconds
 * (while the worker runs) so that they leave as soon as it answers, not at the next minute alarm.
 */
async function flushOrProbe(): Promise<void> {
  const outcome = await delivery.flush();
  if (outcome.waiting > 0 && outcome.error !== null) await scheduleProbe();
}

async function scheduleProbe(): Promise<void> {
  const { link: state } = await ctx.store.get('link');
  if (cancelProbe || state.state !== 'offline') return;
  cancelProbe = clock.after(PROBE_MS, () => {
    cancelProbe = undefined;
    void link.probe().then((back) => (back ? undefined : scheduleProbe()));
  });
}

async function refreshBadge(): Promise<void> {
  const {
    tracker,
    queue,
    link,
    today: cache,
    pairing,
  } = await ctx.store.get('tracker', 'queue', 'link', 'today', 'pairing');
  const nowMs = ctx.now();
  const domain = tracker.focus?.domain ?? null;
  const figures = domain
    ? domainToday(today(cache, queue.items, tracker.session, nowMs), cache, domain)
    : null;
  const badge = badgeFor({
    link: pairing ? link.state : 'unpaired',
    paused: tracker.pausedUntilMs !== null && nowMs < tracker.pausedUntilMs,
    domain,
    todayMs: figures?.ms ?? 0,
    productivity: figures?.productivity ?? 'uncategorized',
    category: figures?.category ?? null,
    waiting: queue.items.length,
  });
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setBadgeTextColor({ color: '#ffffff' }),
    chrome.action.setTitle({ title: badge.title }),
  ]);
}

let badgeTimer: ReturnType<typeof setTimeout> | undefined;
/** Coalesces the badge updates of a burst of storage writes into one. */
function scheduleBadge(): void {
  if (badgeTimer !== undefined) return;
  badgeTimer = setTimeout(() => {
    badgeTimer = undefined;
    refreshBadge().catch((error: unknown) =>
      log.warn('could not update the badge', { error: String(error) }),
    );
  }, 50);
}
/** Whatever the badge depends on changed (a step, the connection, today's figures, the pairing). */
const BADGE_INPUTS = ['tracker', 'queue', 'link', 'today', 'pairing'];

async function schedulePauseEnd(untilMs: number | null): Promise<void> {
  await chrome.alarms.clear(PAUSE_END);
  if (untilMs !== null) await chrome.alarms.create(PAUSE_END, { when: untilMs });
}

const link = createAppLink(ctx);
const delivery = createDelivery(ctx, link);
// The app answers again (a probe, the popup, a tick, a pairing): what waits is sent now, backoff forgotten.
link.onBack(() => {
  cancelProbe?.();
  cancelProbe = undefined;
  void delivery.retrySoon().then(() => delivery.flush(true));
});
const tracking = createTracking(ctx, {
  onStep(closed) {
    if (closed.length > 0) scheduleFlush();
  },
});
const pause = createAppPause(ctx, link, { track: tracking.track, schedulePauseEnd });

/** The minute alarm: checkpoint (and end a pause), compare with what Chrome says, refresh, send what is due. */
async function tick(): Promise<void> {
  await tracking.track(() => ({ type: 'tick' }));
  await tracking.sync();
  const { pairing } = await ctx.store.get('pairing');
  if (pairing && (await link.refreshToday())) await delivery.retrySoon();
  if (pairing) await pause.follow();
  await flushOrProbe();
  await refreshBadge();
}

tracking.listen();
chrome.storage.local.onChanged.addListener((changes) => {
  if (BADGE_INPUTS.some((key) => key in changes)) scheduleBadge();
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === TICK || alarm.name === PAUSE_END) void tick();
});
chrome.runtime.onStartup.addListener(() => {
  void tracking.track(() => ({ type: 'startup' })).then(() => tracking.sync());
});
chrome.runtime.onInstalled.addListener((details) => {
  log.info('installed', { reason: details.reason, version: chrome.runtime.getManifest().version });
  void tracking.sync();
});
chrome.runtime.onSuspend.addListener(() => {
  void tracking.checkpoint();
});
chrome.runtime.onMessage.addListener(
  serve(createHandlers(ctx, { clock, link, delivery, pause }), (error) =>
    error instanceof Error ? error.message : String(error),
  ),
);

// Each time the worker starts: the idle threshold (not kept by Chrome) and the minute alarm (kept, but
// re-created if it went missing).
void ctx.store.get('pairing').then(({ pairing }) => useIdleThreshold(pairing?.idleSeconds));
void chrome.alarms.get(TICK).then((alarm) => {
  if (!alarm)
    void chrome.alarms.create(TICK, { periodInMinutes: TICK_MINUTES, delayInMinutes: TICK_MINUTES });
});
