import { describe, expect, it } from 'vitest';
import { checkBrowserEvent } from '../../../app/shared/events.ts';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, BATCH_SIZE, MAX_QUEUE } from '../config.ts';
import {
  backoffMs,
  confirm,
  emptyQueue,
  enqueue,
  fail,
  retrySoon,
  takeBatch,
  toWire,
  type QueuedEvent,
  type QueueState,
} from './queue.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

const event = (n: number, domain = 'alpha.test'): QueuedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  domain,
  startMs: T0 + n * 10_000,
  endMs: T0 + n * 10_000 + 5_000,
  reason: 'tab_switch',
});
const events = (from: number, count: number) => Array.from({ length: count }, (_, i) => event(from + i));
const ids = (q: QueueState | QueuedEvent[]) => ('items' in q ? q.items : q).map((e) => e.eventId);

describe('queue', () => {
  it('keeps events in the order they closed', () => {
    const q = enqueue(enqueue(emptyQueue, [event(1)]), [event(2), event(3)]);
    expect(ids(q)).toEqual(ids([event(1), event(2), event(3)]));
  });

  it('is bounded: past the limit the oldest are dropped and counted', () => {
    let q = enqueue(emptyQueue, events(0, 8), 10);
    q = enqueue(q, events(8, 5), 10);
    expect(q.items).toHaveLength(10);
    expect(q.items[0]).toEqual(event(3));
    expect(q.droppedOldest).toBe(3);
    q = enqueue(q, events(13, 1), 10);
    expect(q.droppedOldest).toBe(4);
    expect(q.items.at(-1)).toEqual(event(13));
  });

  it('holds 50,000 events by default', () => {
    const q = enqueue(emptyQueue, events(0, MAX_QUEUE + 7));
    expect(q.items).toHaveLength(MAX_QUEUE);
    expect(q.droppedOldest).toBe(7);
  });

  it('sends in batches of at most 500, oldest first', () => {
    const q = enqueue(emptyQueue, events(0, 1200));
    const batch = takeBatch(q, T0);
    expect(batch).toHaveLength(BATCH_SIZE);
    expect(batch[0]).toEqual(event(0));
    expect(takeBatch(enqueue(emptyQueue, events(0, 3)), T0)).toHaveLength(3);
    expect(takeBatch(emptyQueue, T0)).toEqual([]);
  });

  it('removes a batch only once the app confirmed it, accepted or duplicate', () => {
    let q = enqueue(emptyQueue, events(0, 3));
    const batch = takeBatch(q, T0);
    q = enqueue(q, [event(9)]); // closed while the request was on its way
    const { queue, refused } = confirm(q, batch, { accepted: 2, duplicates: 1, rejected: [] });
    expect(ids(queue)).toEqual([event(9).eventId]);
    expect(refused).toEqual([]);
  });

  it('drops events the app rejects as invalid, and says why', () => {
    const q = enqueue(emptyQueue, events(0, 3));
    const batch = takeBatch(q, T0);
    const { queue, refused } = confirm(q, batch, {
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 1, code: 'in_future', message: 'end_ts is in the future' }],
    });
    expect(queue.items).toEqual([]);
    expect(queue.rejected).toBe(1);
    expect(refused).toEqual([{ event: event(1), code: 'in_future', message: 'end_ts is in the future' }]);
  });

  it('keeps everything when the app is down, and backs off exponentially up to a cap', () => {
    let q = enqueue(emptyQueue, events(0, 2));
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 10; i++) {
      q = fail(q, now);
      waits.push(q.nextAttemptMs - now);
      expect(takeBatch(q, q.nextAttemptMs - 1)).toEqual([]);
      now = q.nextAttemptMs;
      expect(takeBatch(q, now)).toHaveLength(2);
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8].map((f) => f * BACKOFF_BASE_MS));
    expect(Math.max(...waits)).toBe(BACKOFF_CAP_MS);
    expect(q.items).toHaveLength(2);
  });

  it('spreads retries with jitter, never below the plain wait', () => {
    expect(backoffMs(1, 0.99)).toBeGreaterThan(BACKOFF_BASE_MS);
    expect(backoffMs(1, 0.99)).toBeLessThanOrEqual(BACKOFF_BASE_MS * 1.1);
    expect(backoffMs(0)).toBe(0);
  });

  it('"Send now" ignores the backoff; a confirmed batch resets it', () => {
    let q = fail(fail(enqueue(emptyQueue, events(0, 2)), T0), T0);
    expect(takeBatch(q, T0)).toEqual([]);
    const batch = takeBatch(q, T0, { force: true });
    expect(batch).toHaveLength(2);
    q = confirm(q, batch, { accepted: 2, duplicates: 0, rejected: [] }).queue;
    expect(q).toMatchObject({ failures: 0, nextAttemptMs: 0 });
    expect(retrySoon(fail(q, T0))).toMatchObject({ failures: 0, nextAttemptMs: 0 });
  });

  it('turns an event into the wire schema the app accepts', () => {
    const wire = toWire(event(1), 'user-1');
    expect(wire).toEqual({
      event_id: event(1).eventId,
      user_id: 'user-1',
      domain: 'alpha.test',
      start_ts: '2026-03-02T09:00:10.000Z',
      end_ts: '2026-03-02T09:00:15.000Z',
      duration_ms: 5000,
      reason_closed: 'tab_switch',
      schema_version: 1,
    });
    expect(checkBrowserEvent(wire, T0 + 60_000)).toMatchObject({ ok: true });
  });
});
