/**
 * Sending the queue to the app: batches of at most 500, oldest first, one flush at a time. Events leave the
 * queue only when the app has answered 200 for them; a failure keeps them and backs off (see queue.ts).
 *
 *   flush ──▶ take a batch ──POST /v1/browser/events──▶ 200: confirm, next batch … until empty
 *                                                  └──▶ down / 401 / error: fail (backoff), stop
 */
import type { BrowserEventWire } from '../../../app/shared/events.ts';
import type { FlushOutcome } from '../protocol.ts';
import type { AppLink } from './app-link.ts';
import type { WorkerContext } from './context.ts';
import { confirm, fail, retrySoon, takeBatch, toWire } from './queue.ts';

export function createDelivery(ctx: WorkerContext, link: AppLink) {
  const { store, exclusive, now, log } = ctx;
  let running: Promise<FlushOutcome> | null = null;

  async function run(force: boolean): Promise<FlushOutcome> {
    const outcome: FlushOutcome = {
      sent: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      waiting: 0,
      error: null,
    };
    for (;;) {
      const [paired, { queue }] = await Promise.all([link.paired(), store.get('queue')]);
      outcome.waiting = queue.items.length;
      if (!paired) {
        outcome.error = 'Not paired with the app yet.';
        break;
      }
      const { pairing, api } = paired;
      const batch = takeBatch(queue, now(), { force });
      if (batch.length === 0) break;
      const events: BrowserEventWire[] = batch.map((e) => toWire(e, pairing.userId));
      let result;
      try {
        result = await api.postBrowserEvents({ body: { events } });
      } catch (error) {
        await exclusive(async () => {
          const { queue } = await store.get('queue');
          await store.set({ queue: fail(queue, now(), Math.random()) });
        });
        outcome.error = await link.failed(error, pairing.port);
        log.info('could not send; will retry', { waiting: queue.items.length, error: outcome.error });
        break;
      }
      const refused = await exclusive(async () => {
        const { queue } = await store.get('queue');
        const next = confirm(queue, batch, result);
        await store.set({ queue: next.queue });
        outcome.waiting = next.queue.items.length;
        return next.refused;
      });
      for (const r of refused) {
        log.warn('the app refused a session as invalid; dropped', {
          event_id: r.event.eventId,
          code: r.code,
          message: r.message,
        });
      }
      outcome.sent += batch.length;
      outcome.accepted += result.accepted;
      outcome.duplicates += result.duplicates;
      outcome.rejected += result.rejected.length;
      await link.connected({ lastSentMs: now(), lastResult: result });
      force = true; // the app is there: send the rest now
    }
    if (outcome.sent > 0) {
      log.info('sent sessions', { ...outcome });
      await link.refreshToday(); // the badge's delivered part now holds what just left the queue
    }
    return outcome;
  }

  return {
    /** Sends what is due; `force` ignores the backoff ("Send now", a new pairing, the app is back). */
    flush(force = false): Promise<FlushOutcome> {
      if (running) return force ? running.then(() => this.flush(true)) : running;
      running = run(force).finally(() => {
        running = null;
      });
      return running;
    },

    /** Forget the backoff: the app is reachable again. */
    async retrySoon(): Promise<void> {
      await exclusive(async () => {
        const { queue } = await store.get('queue');
        if (queue.failures > 0) await store.set({ queue: retrySoon(queue) });
      });
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
