/**
 * Team sync (see docs/team.md): its state, a run started now, and its settings. A run goes on in the
 * background; GET /v1/sync says how far it got.
 */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { emptyBody, endpoint } from './endpoint.ts';
import { SYNC_INTERVAL_LIMITS } from '../sync-settings.ts';

export interface SyncOutcomeView {
  /** ISO-8601 UTC. */
  at: string;
  ok: boolean;
  error: string | null;
  checked: number;
  uploaded: number;
  deleted: number;
}

export interface SyncSettingsView {
  enabled: boolean;
  endpoint: string | null;
  region: string;
  bucket: string;
  prefix: string;
  profile: string | null;
  display_name: string | null;
  include_titles: boolean;
  interval_minutes: number;
}

export interface SyncStatus {
  /** This installation's id in the dataset (`user_id=` in the bucket). */
  user_id: string;
  settings: SyncSettingsView;
  /** A run going on now, with how far it got; null when none runs. */
  running: { total: number; checked: number; uploaded: number; deleted: number } | null;
  last: SyncOutcomeView | null;
  last_success: SyncOutcomeView | null;
  /** Days the bucket holds for this installation, as of the last manifest written. */
  days_synced: number;
  /** Where the manifest is: `s3://bucket/prefix/sessions/_manifest/user_id=….json`; null before a bucket is set. */
  manifest: string | null;
}

const nullableText = (max: number) => z.string().trim().max(max).nullable();

export const syncSettingsPatch = z
  .object({
    enabled: z.boolean(),
    endpoint: nullableText(500),
    region: z.string().trim().min(1).max(64),
    bucket: z.string().trim().max(63),
    prefix: z.string().trim().max(500),
    profile: nullableText(128),
    display_name: nullableText(80),
    include_titles: z.boolean(),
    interval_minutes: z.number().int().min(SYNC_INTERVAL_LIMITS.min).max(SYNC_INTERVAL_LIMITS.max),
  })
  .partial()
  .strict();
export type SyncSettingsPatch = z.infer<typeof syncSettingsPatch>;

export const syncApi = {
  getSync: endpoint<SyncStatus>()({ ...ROUTES.getSync }),
  runSync: endpoint<SyncStatus>()({ ...ROUTES.runSync, body: emptyBody }),
  updateSyncSettings: endpoint<SyncStatus>()({ ...ROUTES.updateSyncSettings, body: syncSettingsPatch }),
};
