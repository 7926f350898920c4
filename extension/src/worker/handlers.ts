/**
 * The worker's answers to the popup (see protocol.ts). The popup holds no state of its own: it asks for the
 * status every few seconds and sends the user's actions here.
 */
import { normalizeDomain } from '../../../app/shared/hostname.ts';
import type { Handlers, PopupStatus } from '../protocol.ts';
import { dashboardUrl, type AppLink } from './app-link.ts';
import type { AppPause } from './app-pause.ts';
import type { Clock } from './clock.ts';
import { useIdleThreshold } from './browser-focus.ts';
import type { WorkerContext } from './context.ts';
import type { Delivery } from './delivery.ts';
import { currentGoals } from './goals.ts';
import { domainToday, today as todayFigures } from './today.ts';

/** The popup polls; the report behind its figures is fetched again when older than this. */
const TODAY_MAX_AGE_MS = 10_000;
const CATEGORIES_MAX_AGE_MS = 30_000;
const MAX_PAUSE_MINUTES = 24 * 60;

export interface HandlerParts {
  clock: Clock;
  link: AppLink;
  delivery: Delivery;
  pause: AppPause;
}

export function createHandlers(ctx: WorkerContext, parts: HandlerParts): Handlers {
  const { store, now, exclusive } = ctx;
  const { clock, link, delivery, pause } = parts;

  async function status({ fresh = false }: { fresh?: boolean }): Promise<PopupStatus> {
    const { today: cached, pairing } = await store.get('today', 'pairing');
    if (pairing) {
      const stale = fresh || !cached || now() - cached.fetchedMs > TODAY_MAX_AGE_MS;
      const back = await Promise.all([
        stale ? link.refreshToday() : Promise.resolve(false),
        link.refreshCategories(fresh ? 0 : CATEGORIES_MAX_AGE_MS),
        link.refreshGoals(fresh ? 0 : TODAY_MAX_AGE_MS),
      ]);
      if (back[0]) await delivery.retrySoon();
      await pause.follow();
    }
    const {
      tracker,
      queue,
      link: state,
      today,
      categories,
      goals,
    } = await store.get('tracker', 'queue', 'link', 'today', 'categories', 'goals');
    const nowMs = now();
    const figures = todayFigures(today, queue.items, tracker.session, nowMs);
    const focused = tracker.focus?.domain ?? null;
    const domain = focused ?? tracker.lastDomain;
    return {
      nowMs,
      pairing: pairing ? { port: pairing.port, userId: pairing.userId } : null,
      dashboardUrl: pairing ? dashboardUrl(pairing) : null,
      link: { state: pairing ? state.state : 'unpaired', message: state.message },
      queue: {
        waiting: queue.items.length,
        droppedOldest: queue.droppedOldest,
        rejected: queue.rejected,
        retryAtMs: queue.failures > 0 ? queue.nextAttemptMs : null,
      },
      lastResult: state.lastResult,
      pausedUntilMs: tracker.pausedUntilMs,
      current: domain
        ? {
            ...domainToday(figures, today, domain),
            isLast: focused === null,
            tracking: tracker.session?.domain === domain,
          }
        : null,
      today: pairing
        ? { totalMs: figures.totalMs, top: figures.domains.slice(0, 5), asOfMs: figures.asOfMs }
        : null,
      categories: categories?.list ?? [],
      goals: pairing ? currentGoals(goals?.list ?? [], nowMs) : [],
    };
  }

  return {
    status,

    async pair({ port, token }) {
      const cleanToken = token.trim();
      if (!Number.isInteger(port) || port < 1 || port > 65_535)
        throw new Error('The port is a number from 1 to 65535.');
      if (!cleanToken) throw new Error('Paste the token that “timeaudit token” prints.');
      const pairing = await link.pair(port, cleanToken);
      useIdleThreshold(pairing.idleSeconds);
      // Whatever waited for a pairing goes now.
      await delivery.retrySoon();
      void delivery.flush(true);
      await link.refreshToday();
      return { userId: pairing.userId, version: pairing.version };
    },

    async unpair() {
      await link.unpair();
      return {};
    },

    async pause({ minutes }) {
      if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_PAUSE_MINUTES) {
        throw new Error('A pause lasts up to a day.');
      }
      await pause.pause(minutes);
      return {};
    },

    async resume() {
      await pause.resume();
      return {};
    },

    async flush() {
      return delivery.flush(true);
    },

    async setCategory({ domain, category }) {
      const name = normalizeDomain(domain);
      if (!name) throw new Error(`"${domain}" is not a site name.`);
      return link.setCategory(name, category);
    },

    async createCategory({ name, productivity }) {
      return link.createCategory(name.trim(), productivity);
    },

    async advanceClock({ ms }) {
      // Between two steps, never during one: a step sees one time throughout.
      return { nowMs: await exclusive(() => clock.advance(ms)) };
    },
  };
}
