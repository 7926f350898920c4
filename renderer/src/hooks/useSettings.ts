/**
 * The settings the Settings card shows and changes (GET / PATCH /v1/settings), loaded once when the page opens
 * and replaced by what each save answers. A save resolves to its failure (the card shows it next to the field
 * and keeps what was typed) or null; confirmations go through `notify` like the other cards'.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SettingsPatch, SettingsView } from '../../../app/shared/settings-api.ts';
import { api } from '../lib/api.ts';
import type { Loaded } from '../lib/planning.ts';
import { failureOf, type Failure } from './usePlanningActions.ts';
import type { Notice } from './useNotices.ts';

export interface SettingsState {
  settings: Loaded<SettingsView> | null;
  reload: () => void;
  /** Saves `patch`; `done` is the confirmation shown once it is saved. */
  save: (patch: SettingsPatch, done: string) => Promise<Failure | null>;
}

export function useSettings(notify: (kind: Notice['kind'], text: string) => void): SettingsState {
  const [settings, setSettings] = useState<Loaded<SettingsView> | null>(null);

  const reload = useCallback(() => {
    api.getSettings({}).then(
      (value) => setSettings({ ok: true, value }),
      (error: unknown) => setSettings({ ok: false, error }),
    );
  }, []);
  useEffect(reload, [reload]);

  const save = useCallback(
    async (patch: SettingsPatch, done: string): Promise<Failure | null> => {
      try {
        const value = await api.updateSettings({ body: patch });
        setSettings({ ok: true, value });
      } catch (error) {
        return failureOf(error);
      }
      notify('success', done);
      return null;
    },
    [notify],
  );

  return useMemo(() => ({ settings, reload, save }), [settings, reload, save]);
}
