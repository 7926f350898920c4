/**
 * The worker's link to the app: a client for the paired port and token, what an error means for the user,
 * the connection state the badge and popup show, and today's report, the category list and the goals, cached
 * in storage.
 */
import { createApiClient, ConnectionError, type ApiClient } from '../../../app/shared/client.ts';
import { ApiError } from '../../../app/shared/errors.ts';
import type { LinkState } from '../protocol.ts';
import type { Logger } from '../log.ts';
import type { Link, Pairing, Storage } from './storage.ts';
import { cacheFromReport, localDay } from './today.ts';

export interface Deps {
  store: Storage;
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  now: () => number;
  log: Logger;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export const appUrl = (port: number): string => `http://127.0.0.1:${port}`;

export function clientFor(deps: Pick<Deps, 'fetch'>, pairing: Pick<Pairing, 'port' | 'token'>): ApiClient {
  return createApiClient({
    baseUrl: appUrl(pairing.port),
    token: () => pairing.token,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
}

/** The link state an error leaves, and what to tell the user. */
export function explain(error: unknown, port: number): { state: LinkState; message: string } {
  if (error instanceof ConnectionError) {
    return { state: 'offline', message: `Time Audit is not running on port ${port}.` };
  }
  if (error instanceof ApiError) {
    if (error.code === 'unauthorized') {
      return {
        state: 'unauthorized',
        message: 'The app refused the token. Pair again with `timeaudit token`.',
      };
    }
    if (error.code === 'forbidden_origin') {
      return { state: 'error', message: 'The app does not accept this extension (its id is not allowed).' };
    }
    return { state: 'error', message: error.message };
  }
  return { state: 'error', message: error instanceof Error ? error.message : String(error) };
}

export async function setLink(deps: Deps, state: LinkState, patch: Partial<Link> = {}): Promise<Link> {
  return deps.exclusive(async () => {
    const { link } = await deps.store.get('link');
    const next: Link = {
      ...link,
      ...patch,
      state,
      message: patch.message ?? (state === 'connected' ? null : link.message),
      sinceMs: link.state === state ? link.sinceMs : deps.now(),
    };
    await deps.store.set({ link: next });
    return next;
  });
}

export async function setLinkFromError(deps: Deps, error: unknown, port: number): Promise<string> {
  const { state, message } = explain(error, port);
  await setLink(deps, state, { message });
  return message;
}

/**
 * Fetches today's report (the badge's and popup's figures); true when the app answered. Also how the worker
 * notices that the app is back.
 */
export async function refreshToday(deps: Deps): Promise<boolean> {
  const { pairing } = await deps.store.get('pairing');
  if (!pairing) return false;
  const nowMs = deps.now();
  const day = localDay(nowMs);
  try {
    const report = await clientFor(deps, pairing).report({
      query: {
        from: new Date(day.startMs).toISOString(),
        to: new Date(day.endMs).toISOString(),
        tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
        limit: 500,
      },
    });
    await deps.exclusive(() => deps.store.set({ today: cacheFromReport(report, day.startMs, nowMs) }));
    await setLink(deps, 'connected');
    return true;
  } catch (error) {
    await setLinkFromError(deps, error, pairing.port);
    return false;
  }
}

/** The goals with their progress in the browser's zone, fetched again when older than `maxAgeMs`. */
export async function refreshGoals(deps: Deps, maxAgeMs: number): Promise<void> {
  const { pairing, goals } = await deps.store.get('pairing', 'goals');
  if (!pairing || (goals && deps.now() - goals.fetchedMs < maxAgeMs)) return;
  try {
    const list = await clientFor(deps, pairing).listGoals({
      query: { tz: Intl.DateTimeFormat().resolvedOptions().timeZone },
    });
    await deps.store.set({ goals: { fetchedMs: deps.now(), list } });
  } catch (error) {
    // An app without goals (an older version) or a moment offline: the popup shows what it has, if current.
    deps.log.debug('could not list goals', { error: String(error) });
  }
}

/** The category list, fetched again when older than `maxAgeMs`. */
export async function refreshCategories(deps: Deps, maxAgeMs: number): Promise<void> {
  const { pairing, categories } = await deps.store.get('pairing', 'categories');
  if (!pairing || (categories && deps.now() - categories.fetchedMs < maxAgeMs)) return;
  try {
    const list = await clientFor(deps, pairing).listCategories({});
    await deps.store.set({ categories: { fetchedMs: deps.now(), list } });
  } catch (error) {
    deps.log.debug('could not list categories', { error: String(error) });
  }
}
