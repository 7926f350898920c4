/**
 * The delivery queue as pure functions: closed sessions wait here (in chrome.storage.local) until the app has
 * answered 200 for them. Nothing is removed before that answer, so a worker stopped mid-request only resends
 * the batch, and the app counts the repeats as duplicates (event ids are unique there).
 *
 *   enqueue ──▶ [e1 e2 e3 … eN] ──takeBatch(≤500)──▶ POST ──200──▶ confirm: remove the batch
 *                     ▲                                 │
 *                     └──── fail: keep, retry after 5 s, 10 s, 20 s … 5 min ◀── down / 401 / 5xx
 *
 * The queue is bounded: past `MAX_QUEUE` the oldest events are dropped and counted, for the popup to say so.
 */
import type { BrowserEventWire, IngestResult } from '../../../app/shared/events.ts';
import { EVENT_SCHEMA_VERSION } from '../../../app/shared/version.ts';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, BATCH_SIZE, MAX_QUEUE, type ReasonClosed } from '../config.ts';

export interface QueuedEvent {
  eventId: string;
  domain: string;
  startMs: number;
  endMs: number;
  reason: ReasonClosed;
}

export interface QueueState {
  /** Oldest first. */
  items: QueuedEvent[];
  /** Events dropped, oldest first, because the queue was full. */
  droppedOldest: number;
  /** Events the app refused as invalid (dropped, never retried). */
  rejected: number;
  /** Failed attempts in a row; 0 after any 200. */
  failures: number;
  /** No automatic attempt before this instant (0: any time). */
  nextAttemptMs: number;
}

export const emptyQueue: QueueState = {
  items: [],
  droppedOldest: 0,
  rejected: 0,
  failures: 0,
  nextAttemptMs: 0,
};

/** Appends events; when that passes `max`, the oldest go first, and are counted. */
export function enqueue(queue: QueueState, events: readonly QueuedEvent[], max = MAX_QUEUE): QueueState {
  if (events.length === 0) return queue;
  const all = [...queue.items, ...events];
  const overflow = Math.max(0, all.length - max);
  return {
    ...queue,
    items: overflow > 0 ? all.slice(overflow) : all,
    droppedOldest: queue.droppedOldest + overflow,
  };
}

/**
 * The next batch to send (oldest first, at most `size`), or none while backing off after a failure.
 * `force` (the popup's "Send now", a new pairing) ignores the backoff.
 */
export function takeBatch(
  queue: QueueState,
  nowMs: number,
  options: { force?: boolean; size?: number } = {},
): QueuedEvent[] {
  if (!options.force && nowMs < queue.nextAttemptMs) return [];
  return queue.items.slice(0, options.size ?? BATCH_SIZE);
}

export interface Refused {
  event: QueuedEvent;
  code: string;
  message: string;
}

/**
 * The app answered 200 for `sent`: each event was stored, was a duplicate, or was refused as invalid (listed in
 * `rejected` by its index in the batch). All of them leave the queue; the refused ones are returned so that
 * the caller logs why.
 */
export function confirm(
  queue: QueueState,
  sent: readonly QueuedEvent[],
  result: IngestResult,
): { queue: QueueState; refused: Refused[] } {
  const ids = new Set(sent.map((e) => e.eventId));
  const refused = result.rejected.flatMap((r) => {
    const event = sent[r.index];
    return event ? [{ event, code: r.code, message: r.message }] : [];
  });
  return {
    queue: {
      ...queue,
      items: queue.items.filter((e) => !ids.has(e.eventId)),
      rejected: queue.rejected + refused.length,
      failures: 0,
      nextAttemptMs: 0,
    },
    refused,
  };
}

/** Exponential backoff: BASE, 2·BASE, 4·BASE … capped; `jitter` in [0, 1) spreads retries by up to 10 %. */
export function backoffMs(failures: number, jitter = 0): number {
  if (failures <= 0) return 0;
  const plain = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30));
  return Math.round(plain * (1 + jitter * 0.1));
}

/** An attempt failed (the app is down, refused the token, or answered an error): keep all, wait longer. */
export function fail(queue: QueueState, nowMs: number, jitter = 0): QueueState {
  const failures = queue.failures + 1;
  return { ...queue, failures, nextAttemptMs: nowMs + backoffMs(failures, jitter) };
}

/** Try again at once (a new pairing, the app is back): the backoff is forgotten, the events are kept. */
export function retrySoon(queue: QueueState): QueueState {
  return { ...queue, failures: 0, nextAttemptMs: 0 };
}

/** The event as the app's wire schema wants it; `user_id` is the paired installation's, known at send time. */
export function toWire(event: QueuedEvent, userId: string): BrowserEventWire {
  return {
    event_id: event.eventId,
    user_id: userId,
    domain: event.domain,
    start_ts: new Date(event.startMs).toISOString(),
    end_ts: new Date(event.endMs).toISOString(),
    duration_ms: event.endMs - event.startMs,
    reason_closed: event.reason,
    schema_version: EVENT_SCHEMA_VERSION,
  };
}
