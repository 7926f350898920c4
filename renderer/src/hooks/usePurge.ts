/**
 * Deleting recorded data from the dashboard: any card asks for a purge (`ask`), and one dialog (PurgeDialog)
 * shows what it would take, from the app's own count, and deletes it only when confirmed there.
 */
import { useContext, useMemo, useState } from 'react';
import type { PurgeQuery } from '../../../app/shared/api/data-purge.ts';
import { ActionsContext } from './useActions.ts';

export interface PurgeRequest {
  query: PurgeQuery;
  /** What goes, as the dialog names it: "reddit.com and its subdomains", "the app Slack". */
  what: string;
}

export interface PurgeAsk {
  ask(request: PurgeRequest): void;
}

/** The purge of the page (carried with the other actions), or null where none is offered. */
export const usePurgeContext = (): PurgeAsk | null => useContext(ActionsContext)?.purge ?? null;

export function usePurgeRequest(): { request: PurgeRequest | null; ask: PurgeAsk; close: () => void } {
  const [request, setRequest] = useState<PurgeRequest | null>(null);
  const ask = useMemo<PurgeAsk>(() => ({ ask: setRequest }), []);
  return { request, ask, close: () => setRequest(null) };
}

/** The request for a subject's row: an app's window time, or a domain with its subdomains. */
export const subjectPurge = (kind: 'app' | 'domain', name: string): PurgeRequest =>
  kind === 'app'
    ? { query: { app: name }, what: `the app ${name}` }
    : { query: { domain: name }, what: `${name} and its subdomains` };
