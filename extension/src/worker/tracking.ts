/**
 * Chrome's tab, window and idle events, turned into the tracker's events and stepped one at a time: each step
 * reads the state from storage, applies `step`, and writes the new state and the closed sessions in one
 * storage write, so a worker stopped at any point loses neither.
 */
import { activeTab, browserFocused, idleState, idleThresholdMs, tabById } from './browser-focus.ts';
import type { WorkerContext } from './context.ts';
import { domainOf } from './domain.ts';
import { enqueue } from './queue.ts';
import { checkpoint, step, type ClosedSession, type TrackerEvent } from './session.ts';

export interface TrackingHooks {
  /** After each step: sessions that closed (maybe none). */
  onStep(closed: ClosedSession[]): void;
}

export function createTracking(ctx: WorkerContext, hooks: TrackingHooks) {
  const { store, exclusive, now, log } = ctx;
  /** Runs `make` (which may ask Chrome about tabs) and the step in order with every other step. */
  async function track(make: () => TrackerEvent | null | Promise<TrackerEvent | null>): Promise<void> {
    const closed = await exclusive(async () => {
      const event = await make();
      if (event === null) return [];
      const { tracker, queue } = await store.get('tracker', 'queue');
      const result = step(tracker, event, { nowMs: now(), newId: () => crypto.randomUUID() });
      await store.set(
        result.closed.length > 0
          ? { tracker: result.state, queue: enqueue(queue, result.closed) }
          : { tracker: result.state },
      );
      for (const c of result.closed) {
        log.debug('session closed', { domain: c.domain, ms: c.endMs - c.startMs, reason: c.reason });
      }
      return result.closed;
    });
    hooks.onStep(closed);
  }

  /** What Chrome reports now: after install and start-up, and on each minute alarm. */
  async function syncEvent(): Promise<TrackerEvent> {
    const [windowFocused, tab, idle] = await Promise.all([browserFocused(), activeTab(), idleState()]);
    return { type: 'sync', windowFocused, tab, idle };
  }

  return {
    track,
    sync: () => track(syncEvent),

    /** runtime.onSuspend: save the time so far; the session goes on in storage. */
    checkpoint: () =>
      exclusive(async () => {
        const { tracker } = await store.get('tracker');
        await store.set({ tracker: checkpoint(tracker, now()) });
      }),

    /** Registers the listeners; called synchronously at the worker's top level, as MV3 requires. */
    listen(): void {
      chrome.tabs.onActivated.addListener(({ tabId }) => {
        void track(async () => {
          const tab = await tabById(tabId);
          return tab && { type: 'tab_activated', tab };
        });
      });
      chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
        if (change.url !== undefined) {
          const domain = domainOf(change.url, tab.incognito);
          void track(() => ({ type: 'navigated', tabId, domain }));
        }
        if (change.audible !== undefined) {
          const audible = change.audible;
          void track(() => ({ type: 'audible', tabId, audible }));
        }
      });
      chrome.tabs.onRemoved.addListener((tabId, info) => {
        void track(() =>
          info.isWindowClosing
            ? { type: 'window_closed', windowId: info.windowId }
            : { type: 'tab_closed', tabId },
        );
      });
      chrome.windows.onRemoved.addListener((windowId) => {
        void track(() => ({ type: 'window_closed', windowId }));
      });
      chrome.windows.onFocusChanged.addListener((windowId) => {
        void track(async () => {
          if (windowId === chrome.windows.WINDOW_ID_NONE) {
            // Believed only when no window still says it has the focus (see browser-focus.ts).
            if (await browserFocused()) {
              log.debug('ignored a focus change to no window: a window still has the focus');
              return null;
            }
            return { type: 'window_blurred' };
          }
          return { type: 'window_focused', tab: await activeTab(windowId) };
        });
      });
      chrome.idle.onStateChanged.addListener((state) => {
        void track(() => ({ type: 'idle', state, idleMs: idleThresholdMs() }));
      });
    },
  };
}

export type Tracking = ReturnType<typeof createTracking>;
