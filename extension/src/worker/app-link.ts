/**
 * The worker's one link to the app, built once in background.ts and handed to whoever talks to the app: the
 * API client for the paired port and token, what an error means for the user, the connection state the badge
 * and popup show, and the three things the app told that are cached in storage (today's report, the
 * categories, the goals).
 *
 *   handlers ──┐
 *   delivery ──┼──▶ AppLink ──▶ http://127.0.0.1:<port>/v1/…
 *   app pause ─┘       └──▶ storage: pairing, link, today, categories, goals
 */
import type { SubjectCategory } from '../../../app/shared/api/index.ts';
import { createApiClient, ConnectionError, type ApiClient } from '../../../app/shared/client.ts';
import { ApiError } from '../../../app/shared/errors.ts';
import type { Category, Productivity } from '../../../app/shared/report.ts';
import type { LinkState } from '../protocol.ts';
import type { WorkerContext } from './context.ts';
import type { Link, Pairing } from './storage.ts';
import { cacheFromReport, localDay, recategorize } from './today.ts';

export const appUrl = (port: number): string => `http://127.0.0.1:${port}`;

/** The dashboard with the token in its fragment, as `timeaudit serve` prints it. */
export const dashboardUrl = (pairing: Pairing): string =>
  `${appUrl(pairing.port)}/#token=${encodeURIComponent(pairing.token)}`;

/** The link state an error leaves, and what to tell the user. */
export function explain(error: unknown, port: number): { state: LinkState; message: string } {
  if (error instanceof ConnectionError) {
    return { state: 'offline', message: `Time Audit is not running on port ${port}.` };
  }
  if (error instanceof ApiError) {
    if (error.code === 'unauthorized') {
      return {
        state: 'unauthorized',
        message: 'The app refused the token. Pair again with “timeaudit token”.',
      };
    }
    if (error.code === 'forbidden_origin') {
      return { state: 'error', message: 'The app does not accept this extension (its id is not allowed).' };
    }
    return { state: 'error', message: error.message };
  }
  return { state: 'error', message: error instanceof Error ? error.message : String(error) };
}

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function createAppLink(ctx: WorkerContext, options: { fetch?: typeof fetch } = {}) {
  const { store, exclusive, now, log } = ctx;

  // One client per pairing: the port is part of its address, so a new pairing needs a new one.
  let client: { port: number; token: string; api: ApiClient } | null = null;
  function clientFor(pairing: Pick<Pairing, 'port' | 'token'>): ApiClient {
    if (client?.port !== pairing.port || client.token !== pairing.token) {
      const { port, token } = pairing;
      const api = createApiClient({
        baseUrl: appUrl(port),
        token: () => token,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      client = { port, token, api };
    }
    return client.api;
  }

  /** The pairing and its client; null before the extension is paired. */
  async function paired(): Promise<{ pairing: Pairing; api: ApiClient } | null> {
    const { pairing } = await store.get('pairing');
    return pairing && { pairing, api: clientFor(pairing) };
  }

  // Told when the app answers again after it did not (or after a refusal): the queue need not wait.
  const backListeners: Array<() => void> = [];

  async function setState(state: LinkState, patch: Partial<Link> = {}): Promise<Link> {
    let back = false;
    const next = await exclusive(async () => {
      const { link } = await store.get('link');
      const next: Link = {
        ...link,
        ...patch,
        state,
        message: patch.message ?? (state === 'connected' ? null : link.message),
        sinceMs: link.state === state ? link.sinceMs : now(),
      };
      back = state === 'connected' && link.state !== 'connected';
      await store.set({ link: next });
      return next;
    });
    if (back) for (const listener of backListeners) listener();
    return next;
  }

  /** The app answered. */
  const connected = (patch: Partial<Link> = {}) => setState('connected', patch);

  /** A call failed: the state it leaves, and the sentence for the user. */
  async function failed(error: unknown, port: number): Promise<string> {
    const { state, message } = explain(error, port);
    await setState(state, { message });
    return message;
  }

  /**
   * Runs a call the user asked for (from the popup). An app that answered with a refusal (a name taken, an
   * invalid one) changes nothing about the link; anything else does. Either way the error reads as a sentence.
   */
  async function request<T>(call: (api: ApiClient) => Promise<T>): Promise<T> {
    const link = await paired();
    if (!link) throw new Error('Not paired with the app yet.');
    try {
      return await call(link.api);
    } catch (error) {
      if (error instanceof ApiError && !['unauthorized', 'forbidden_origin'].includes(error.code)) {
        throw new Error(error.message);
      }
      throw new Error(await failed(error, link.pairing.port));
    }
  }

  /**
   * Fetches today's report (the badge's and popup's figures); true when the app answered. Also how the worker
   * notices that the app is back.
   */
  async function refreshToday(): Promise<boolean> {
    const link = await paired();
    if (!link) return false;
    const nowMs = now();
    const day = localDay(nowMs);
    try {
      const report = await link.api.report({
        query: {
          from: new Date(day.startMs).toISOString(),
          to: new Date(day.endMs).toISOString(),
          tz: zone(),
          limit: 500,
        },
      });
      await exclusive(() => store.set({ today: cacheFromReport(report, day.startMs, nowMs) }));
      await connected();
      return true;
    } catch (error) {
      await failed(error, link.pairing.port);
      return false;
    }
  }

  /** The goals with their progress in the browser's zone, fetched again when older than `maxAgeMs`. */
  async function refreshGoals(maxAgeMs: number): Promise<void> {
    const [link, { goals }] = await Promise.all([paired(), store.get('goals')]);
    if (!link || (goals && now() - goals.fetchedMs < maxAgeMs)) return;
    try {
      const list = await link.api.listGoals({ query: { tz: zone() } });
      await store.set({ goals: { fetchedMs: now(), list } });
    } catch (error) {
      // An app without goals (an older version) or a moment offline: the popup shows what it has, if current.
      log.debug('could not list goals', { error: String(error) });
    }
  }

  /** The category list, fetched again when older than `maxAgeMs`. */
  async function refreshCategories(maxAgeMs: number): Promise<void> {
    const [link, { categories }] = await Promise.all([paired(), store.get('categories')]);
    if (!link || (categories && now() - categories.fetchedMs < maxAgeMs)) return;
    try {
      const list = await link.api.listCategories({});
      await store.set({ categories: { fetchedMs: now(), list } });
    } catch (error) {
      log.debug('could not list categories', { error: String(error) });
    }
  }

  /**
   * Asks whether the app answers at all (GET /v1/health, no token): an answer marks the link connected, which
   * tells the onBack listeners. What the worker does while the app is down, every few seconds.
   */
  async function probe(): Promise<boolean> {
    const link = await paired();
    if (!link) return false;
    try {
      await link.api.health({});
    } catch {
      return false;
    }
    await connected();
    return true;
  }

  return {
    paired,
    connected,
    probe,
    /** `listener` runs each time the link becomes connected after being anything else. */
    onBack(listener: () => void): void {
      backListeners.push(listener);
    },
    failed,
    refreshToday,
    refreshGoals,
    refreshCategories,

    /** Pairs with the app on `port` if it accepts `token`; what it knew of an earlier pairing is forgotten. */
    async pair(port: number, token: string): Promise<Pairing> {
      let answer;
      try {
        answer = await clientFor({ port, token }).pairing({});
      } catch (error) {
        throw new Error(explain(error, port).message);
      }
      const pairing: Pairing = {
        port,
        token,
        userId: answer.user_id,
        version: answer.version,
        idleSeconds: answer.idle_seconds,
      };
      await store.set({ pairing, today: null, categories: null, goals: null });
      await connected({ message: null });
      log.info('paired', { port, user_id: pairing.userId, version: pairing.version });
      return pairing;
    },

    /** Forgets the pairing and what the app told; the queue is kept for the next pairing. */
    async unpair(): Promise<void> {
      await store.set({ pairing: null, today: null, categories: null, goals: null });
      await setState('unpaired', { message: null });
    },

    /** Puts a site in a category (or none); today's figures take it at once. */
    async setCategory(domain: string, category: string | null): Promise<SubjectCategory> {
      const answer = await request((api) =>
        api.setSubjectCategory({ params: { kind: 'domain', name: domain }, body: { category } }),
      );
      await exclusive(async () => {
        const { today } = await store.get('today');
        await store.set({ today: recategorize(today, domain, answer.category, answer.productivity) });
      });
      return answer;
    },

    /** Makes a category; the popup's list has it at once. */
    async createCategory(name: string, productivity: Productivity): Promise<Category> {
      const category = await request((api) => api.createCategory({ body: { name, productivity } }));
      const { categories } = await store.get('categories');
      const list = [...(categories?.list ?? []).filter((c) => c.id !== category.id), category];
      await store.set({ categories: { fetchedMs: categories?.fetchedMs ?? 0, list } });
      return category;
    },
  };
}

export type AppLink = ReturnType<typeof createAppLink>;
