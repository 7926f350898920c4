/**
 * The worker's delivery against a fake storage area and a fake app (fetch): what stays queued, what leaves,
 * and the connection state left behind, for each kind of answer.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../app/shared/report.ts';
import { MAX_QUEUE } from '../config.ts';
import { createAppLink } from './app-link.ts';
import { testContext } from './context.testing.ts';
import { createDelivery } from './delivery.ts';
import { enqueue, emptyQueue, type QueuedEvent } from './queue.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const event = (n: number): QueuedEvent => ({
  eventId: `e-${n}`,
  domain: 'alpha.test',
  startMs: T0 + n * 10_000,
  endMs: T0 + n * 10_000 + 5_000,
  reason: 'tab_switch',
});

const emptyReport = { total_ms: 0, subjects: [] } as unknown as Report;

type Answer = { status: number; body: unknown } | 'down';

function setup(answers: Answer[], events = 3) {
  const t = testContext(T0 + 3600_000);
  const sent: Array<{ url: string; body: unknown }> = [];
  const fetch = async (url: string, init: RequestInit) => {
    if (url.includes('/v1/report')) return new Response(JSON.stringify(emptyReport), { status: 200 });
    sent.push({ url, body: JSON.parse(String(init.body)) });
    const answer = answers.shift() ?? { status: 200, body: { accepted: 0, duplicates: 0, rejected: [] } };
    if (answer === 'down') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  };
  const link = createAppLink(t.ctx, { fetch: fetch as unknown as typeof globalThis.fetch });
  const store = t.store;
  const ready = store.set({
    pairing: { port: 47600, token: 'tok', userId: 'user-1', version: '0.1.0' },
    queue: enqueue(
      emptyQueue,
      Array.from({ length: events }, (_, i) => event(i)),
    ),
  });
  return { ...t, sent, delivery: createDelivery(t.ctx, link), ready };
}

const ok = (accepted: number, rejected: unknown[] = []) => ({
  status: 200,
  body: { accepted, duplicates: 0, rejected },
});

describe('delivery', () => {
  it('sends the queue as wire events and empties it on 200', async () => {
    const t = setup([ok(3)]);
    await t.ready;
    const outcome = await t.delivery.flush();
    expect(outcome).toMatchObject({ sent: 3, accepted: 3, waiting: 0, error: null });
    expect(t.sent[0]?.url).toBe('http://127.0.0.1:47600/v1/browser/events');
    expect((t.sent[0]?.body as { events: Array<{ user_id: string }> }).events[0]).toMatchObject({
      event_id: 'e-0',
      user_id: 'user-1',
      domain: 'alpha.test',
      duration_ms: 5000,
    });
    const { queue, link } = await t.store.get('queue', 'link');
    expect(queue.items).toEqual([]);
    expect(link).toMatchObject({ state: 'connected', lastResult: { accepted: 3 } });
  });

  it('keeps everything while the app is down, and waits before trying again', async () => {
    const t = setup(['down']);
    await t.ready;
    const outcome = await t.delivery.flush();
    expect(outcome.error).toMatch(/not running on port 47600/);
    const { queue, link } = await t.store.get('queue', 'link');
    expect(queue.items).toHaveLength(3);
    expect(queue.failures).toBe(1);
    expect(link.state).toBe('offline');
    await t.delivery.flush(); // backing off: no request
    expect(t.sent).toHaveLength(1);
    await t.delivery.flush(true); // "Send now"
    expect(t.sent).toHaveLength(2);
    expect((await t.store.get('queue')).queue.items).toEqual([]);
  });

  it('keeps the events and says "token rejected" on 401', async () => {
    const t = setup([{ status: 401, body: { error: { code: 'unauthorized', message: 'no' } } }]);
    await t.ready;
    await t.delivery.flush();
    const { queue, link } = await t.store.get('queue', 'link');
    expect(queue.items).toHaveLength(3);
    expect(link).toMatchObject({
      state: 'unauthorized',
      message: expect.stringMatching(/refused the token/),
    });
  });

  it('drops the events the app rejects as invalid, logging why', async () => {
    const t = setup([ok(2, [{ index: 1, code: 'in_future', message: 'end_ts is in the future' }])]);
    await t.ready;
    await t.delivery.flush();
    const { queue } = await t.store.get('queue');
    expect(queue).toMatchObject({ items: [], rejected: 1 });
    expect(t.warnings).toEqual([
      [
        'the app refused a session as invalid; dropped',
        { event_id: 'e-1', code: 'in_future', message: 'end_ts is in the future' },
      ],
    ]);
  });

  it('drains a long queue in batches of 500', async () => {
    const t = setup([ok(500), ok(500), ok(200)], 1200);
    await t.ready;
    const outcome = await t.delivery.flush();
    expect(t.sent.map((s) => (s.body as { events: unknown[] }).events.length)).toEqual([500, 500, 200]);
    expect(outcome).toMatchObject({ sent: 1200, waiting: 0 });
  });

  it('stops at the first failing batch and keeps the rest', async () => {
    const t = setup([ok(500), 'down'], 1200);
    await t.ready;
    const outcome = await t.delivery.flush();
    expect(outcome).toMatchObject({ sent: 500, waiting: 700 });
    expect((await t.store.get('queue')).queue.items[0]).toEqual(event(500));
  });

  it('sends nothing before pairing', async () => {
    const t = setup([]);
    await t.ready;
    await t.store.set({ pairing: null });
    expect((await t.delivery.flush()).error).toMatch(/Not paired/);
    expect(t.sent).toEqual([]);
  });

  it('stores a full queue well inside storage.local’s 10 MB', async () => {
    const t = setup([]);
    const queue = enqueue(
      emptyQueue,
      Array.from({ length: MAX_QUEUE }, (_, i) => ({
        ...event(i),
        eventId: crypto.randomUUID(),
        domain: 'a-rather-long-subdomain.example-site.co.uk',
      })),
    );
    await t.store.set({ queue });
    const bytes = JSON.stringify(t.area.data.get('queue')).length;
    expect(bytes).toBeLessThan(7 * 1024 * 1024);
    expect((await t.store.get('queue')).queue).toEqual(queue);
  });
});
