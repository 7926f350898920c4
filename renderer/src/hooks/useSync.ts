/**
 * Team sync's card: its status (GET /v1/sync), polled every second while a run goes on and every minute
 * otherwise, its settings (PATCH /v1/sync/settings) and "Sync now" (POST /v1/sync/run).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SyncSettingsPatch, SyncStatus } from '../../../app/shared/api/sync.ts';
import { api } from '../lib/api.ts';
import type { Loaded } from '../lib/planning.ts';
import { failureOf, type Failure } from './usePlanningActions.ts';
import type { Notice } from './useNotices.ts';

export interface SyncState {
  status: Loaded<SyncStatus> | null;
  reload: () => void;
  save: (patch: SyncSettingsPatch, done: string) => Promise<Failure | null>;
  syncNow: () => Promise<Failure | null>;
}

export function useSync(notify: (kind: Notice['kind'], text: string) => void): SyncState {
  const [status, setStatus] = useState<Loaded<SyncStatus> | null>(null);

  const reload = useCallback(() => {
    api.getSync({}).then(
      (value) => setStatus({ ok: true, value }),
      (error: unknown) => setStatus({ ok: false, error }),
    );
  }, []);
  useEffect(reload, [reload]);

  const running = status?.ok === true && status.value.running !== null;
  useEffect(() => {
    const timer = setInterval(reload, running ? 1_000 : 60_000);
    return () => clearInterval(timer);
  }, [reload, running]);

  // A run that just ended says how it went.
  const wasRunning = useRef(false);
  const last = status?.ok ? status.value.last : null;
  useEffect(() => {
    if (wasRunning.current && !running && last)
      notify(
        last.ok ? 'success' : 'error',
        last.ok
          ? `Synced: ${last.uploaded} ${last.uploaded === 1 ? 'day' : 'days'} uploaded, ${last.deleted} removed`
          : `Sync failed: ${last.error}`,
      );
    wasRunning.current = running;
  }, [running, last, notify]);

  const save = useCallback(
    async (patch: SyncSettingsPatch, done: string): Promise<Failure | null> => {
      try {
        setStatus({ ok: true, value: await api.updateSyncSettings({ body: patch }) });
      } catch (error) {
        return failureOf(error);
      }
      notify('success', done);
      return null;
    },
    [notify],
  );

  const syncNow = useCallback(async (): Promise<Failure | null> => {
    try {
      setStatus({ ok: true, value: await api.runSync({ body: {} }) });
      return null;
    } catch (error) {
      return failureOf(error);
    }
  }, []);

  return useMemo(() => ({ status, reload, save, syncNow }), [status, reload, save, syncNow]);
}
