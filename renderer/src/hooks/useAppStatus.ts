/**
 * What the app records now (GET /v1/status): each source's state, the pause and the port in force. Read on
 * load, every 15 seconds while the page is visible, and again whenever the pause changes; an app that does not
 * answer is reported as unreachable rather than left showing its last state.
 */
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../app/shared/api/index.ts';
import { api, ConnectionError } from '../lib/api.ts';

const POLL_MS = 15_000;

export interface AppStatusState {
  /** The last answer; null before the first one. */
  status: AppStatus | null;
  /** The last call could not reach the app at all. */
  unreachable: boolean;
  /** When the last answer came (what "last seen 3 min ago" counts from). */
  atMs: number;
}

/** `refreshKey` changes when something the status shows may have changed (the pause): ask again at once. */
export function useAppStatus(refreshKey: unknown): AppStatusState {
  const [state, setState] = useState<AppStatusState>({ status: null, unreachable: false, atMs: 0 });
  useEffect(() => {
    let live = true;
    const refresh = () => {
      api.status({}).then(
        (status) => live && setState({ status, unreachable: false, atMs: Date.now() }),
        (error: unknown) => {
          if (live && error instanceof ConnectionError) setState((s) => ({ ...s, unreachable: true }));
        },
      );
    };
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    window.addEventListener('online', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('online', refresh);
    };
  }, [refreshKey]);
  return state;
}
