/**
 * The worker's answers to the popup (see protocol.ts). The popup holds no state of its own: it asks for the
 * status every few seconds and sends the user's actions here.
 */
import { ApiError } from '../../../app/shared/errors.ts';
import { normalizeDomain } from '../../../app/shared/hostname.ts';
import {
  appUrl,
  clientFor,
  explain,
  refreshCategories,
  refreshGoals,
  refreshToday,
  setLink,
  setLinkFromError,
  type Deps,
} from './connection.ts';
import { followAppPause, tellApp, type PauseSync } from './app-pause.ts';
import { useIdleThreshold } from './browser-focus.ts';
import type { Delivery } from './delivery.ts';
import { currentGoals } from './goals.ts';
import type { Handlers, PopupStatus } from '../protocol.ts';
import type { Pairing } from './storage.ts';
import { domainToday, recategorize, today as todayFigures } from './today.ts';
import type { Tracking } from './tracking.ts';

/** The popup polls; the report behind its figures is fetched again when older than this. */
const TODAY_MAX_AGE_MS = 10_000;
const CATEGORIES_MAX_AGE_MS = 30_000;
const MAX_PAUSE_MINUTES = 24 * 60;

export interface HandlerHooks {
  schedulePauseEnd(untilMs: number | null): Promise<void>;
}

export function createHandlers(
  deps: Deps,
  tracking: Tracking,
  delivery: Delivery,
  hooks: HandlerHooks,
): Handlers {
  const pauseSync: PauseSync = {
    track: (make) => tracking.track(make),
    schedulePauseEnd: hooks.schedulePauseEnd,
  };

  async function paired(): Promise<Pairing> {
    const { pairing } = await deps.store.get('pairing');
    if (!pairing) throw new Error('Not paired with the app yet.');
    return pairing;
  }

  /** Runs an API call for the popup; a failure updates the connection state and reads as a sentence. */
  async function withApp<T>(fn: (pairing: Pairing) => Promise<T>): Promise<T> {
    const pairing = await paired();
    try {
      return await fn(pairing);
    } catch (error) {
      if (error instanceof ApiError && !['unauthorized', 'forbidden_origin'].includes(error.code)) {
        throw new Error(error.message); // the app is there, it disagreed (a name taken, an invalid one)
      }
      throw new Error(await setLinkFromError(deps, error, pairing.port));
    }
  }

  async function status({ fresh = false }: { fresh?: boolean }): Promise<PopupStatus> {
    const { today: cached, pairing } = await deps.store.get('today', 'pairing');
    if (pairing) {
      const stale = fresh || !cached || deps.now() - cached.fetchedMs > TODAY_MAX_AGE_MS;
      const back = await Promise.all([
        stale ? refreshToday(deps) : Promise.resolve(false),
        refreshCategories(deps, fresh ? 0 : CATEGORIES_MAX_AGE_MS),
        refreshGoals(deps, fresh ? 0 : TODAY_MAX_AGE_MS),
      ]);
      if (back[0]) await delivery.retrySoon();
      await followAppPause(deps, pauseSync);
    }
    const { tracker, queue, link, today, categories, goals } = await deps.store.get(
      'tracker',
      'queue',
      'link',
      'today',
      'categories',
      'goals',
    );
    const nowMs = deps.now();
    const figures = todayFigures(today, queue.items, tracker.session, nowMs);
    const focused = tracker.focus?.domain ?? null;
    const domain = focused ?? tracker.lastDomain;
    return {
      nowMs,
      pairing: pairing ? { port: pairing.port, userId: pairing.userId } : null,
      dashboardUrl: pairing ? `${appUrl(pairing.port)}/#token=${encodeURIComponent(pairing.token)}` : null,
      link: { state: pairing ? link.state : 'unpaired', message: link.message },
      queue: {
        waiting: queue.items.length,
        droppedOldest: queue.droppedOldest,
        rejected: queue.rejected,
        retryAtMs: queue.failures > 0 ? queue.nextAttemptMs : null,
      },
      lastResult: link.lastResult,
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
      if (!cleanToken) throw new Error('Paste the token that `timeaudit token` prints.');
      let answer;
      try {
        answer = await clientFor(deps, { port, token: cleanToken }).pairing({});
      } catch (error) {
        throw new Error(explain(error, port).message);
      }
      await deps.store.set({
        pairing: {
          port,
          token: cleanToken,
          userId: answer.user_id,
          version: answer.version,
          idleSeconds: answer.idle_seconds,
        },
        today: null,
        categories: null,
        goals: null,
      });
      useIdleThreshold(answer.idle_seconds);
      await setLink(deps, 'connected', { message: null });
      deps.log.info('paired', { port, user_id: answer.user_id, version: answer.version });
      await delivery.retrySoon();
      void delivery.flush(true);
      await refreshToday(deps);
      return { userId: answer.user_id, version: answer.version };
    },

    async unpair() {
      await deps.store.set({ pairing: null, today: null, categories: null, goals: null });
      await setLink(deps, 'unpaired', { message: null });
      return {};
    },

    async pause({ minutes }) {
      if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_PAUSE_MINUTES) {
        throw new Error('A pause lasts up to a day.');
      }
      const untilMs = deps.now() + Math.round(minutes * 60_000);
      await tracking.track(() => ({ type: 'pause', untilMs }));
      await hooks.schedulePauseEnd(untilMs);
      await tellApp(deps, pauseSync, { minutes: Math.round(minutes) });
      return {};
    },

    async resume() {
      await tracking.track(() => ({ type: 'resume' }));
      await hooks.schedulePauseEnd(null);
      await tellApp(deps, pauseSync, 'resume');
      return {};
    },

    async flush() {
      return delivery.flush(true);
    },

    async setCategory({ domain, category }) {
      const name = normalizeDomain(domain);
      if (!name) throw new Error(`"${domain}" is not a site name.`);
      const answer = await withApp((pairing) =>
        clientFor(deps, pairing).setSubjectCategory({ params: { kind: 'domain', name }, body: { category } }),
      );
      await deps.exclusive(async () => {
        const { today } = await deps.store.get('today');
        await deps.store.set({ today: recategorize(today, name, answer.category, answer.productivity) });
      });
      return answer;
    },

    async createCategory({ name, productivity }) {
      const category = await withApp((pairing) =>
        clientFor(deps, pairing).createCategory({ body: { name: name.trim(), productivity } }),
      );
      const { categories } = await deps.store.get('categories');
      const list = [...(categories?.list ?? []).filter((c) => c.id !== category.id), category];
      await deps.store.set({ categories: { fetchedMs: categories?.fetchedMs ?? 0, list } });
      return category;
    },
  };
}
