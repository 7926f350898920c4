/**
 * Everything the worker knows lives in chrome.storage.local, never in globals: Chrome stops the service worker
 * after 30 s without events and starts it again for the next one. One typed record, read and written by key;
 * and `exclusive`, which runs read-modify-write sequences one at a time (the worker's handlers are async and
 * would otherwise interleave and lose updates).
 */
import type { IngestResult } from '../../../app/shared/events.ts';
import type { GoalProgress } from '../../../app/shared/planning.ts';
import type { Category } from '../../../app/shared/report.ts';
import type { LinkState } from '../protocol.ts';
import { REASONS_CLOSED, type ReasonClosed } from '../config.ts';
import { emptyQueue, type QueuedEvent, type QueueState } from './queue.ts';
import { initialTrackerState, type TrackerState } from './session.ts';
import type { TodayCache } from './today.ts';

export interface Pairing {
  port: number;
  token: string;
  userId: string;
  version: string;
  /** The app's away threshold (absent in pairings made before the app told it). */
  idleSeconds?: number;
}

export interface Link {
  state: LinkState;
  /** What went wrong, for the popup. */
  message: string | null;
  sinceMs: number;
  lastSentMs: number | null;
  lastResult: IngestResult | null;
}

export interface Stored {
  tracker: TrackerState;
  queue: QueueState;
  pairing: Pairing | null;
  link: Link;
  today: TodayCache | null;
  categories: { fetchedMs: number; list: Category[] } | null;
  /** The goals and their progress in their current day or week, as the app last told. */
  goals: { fetchedMs: number; list: GoalProgress[] } | null;
  /** The app's pause end as last seen (INDEFINITE_PAUSE_MS for "until resumed"); null when it was not paused. */
  appPause: { seenUntilMs: number | null };
  /** How far the end-to-end tests moved the worker's clock (clock.ts); never set otherwise. */
  clockOffsetMs: number;
}

const DEFAULTS: Stored = {
  tracker: initialTrackerState,
  queue: emptyQueue,
  pairing: null,
  link: { state: 'unpaired', message: null, sinceMs: 0, lastSentMs: null, lastResult: null },
  today: null,
  categories: null,
  goals: null,
  appPause: { seenUntilMs: null },
  clockOffsetMs: 0,
};

/** A queued event as stored: a tuple, to keep 50,000 of them well inside storage.local's 10 MB. */
type StoredEvent = [eventId: string, domain: string, startMs: number, endMs: number, reason: number];
type StoredQueue = Omit<QueueState, 'items'> & { items: StoredEvent[] };

export function packQueue(queue: QueueState): StoredQueue {
  return {
    ...queue,
    items: queue.items.map((e) => [
      e.eventId,
      e.domain,
      e.startMs,
      e.endMs,
      REASONS_CLOSED.indexOf(e.reason),
    ]),
  };
}

export function unpackQueue(stored: StoredQueue): QueueState {
  return {
    ...stored,
    items: stored.items.map(([eventId, domain, startMs, endMs, reason]): QueuedEvent => ({
      eventId,
      domain,
      startMs,
      endMs,
      reason: REASONS_CLOSED[reason] ?? ('suspend' satisfies ReasonClosed),
    })),
  };
}

export interface Storage {
  get<K extends keyof Stored>(...keys: K[]): Promise<Pick<Stored, K>>;
  set(values: Partial<Stored>): Promise<void>;
}

/** The area is injected so that tests can hand in a fake. */
export function createStorage(area: chrome.storage.StorageArea): Storage {
  return {
    async get(...keys) {
      const raw = (await area.get(keys)) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const value = raw[key];
        if (value === undefined) out[key] = DEFAULTS[key];
        else out[key] = key === 'queue' ? unpackQueue(value as StoredQueue) : value;
      }
      return out as Pick<Stored, (typeof keys)[number]>;
    },
    async set(values) {
      const out: Record<string, unknown> = { ...values };
      if (values.queue) out.queue = packQueue(values.queue);
      await area.set(out);
    },
  };
}

/** Runs async functions one after another, in call order; a failure does not block the ones after it. */
export function serializer(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
