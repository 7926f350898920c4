/** A patch of the sync settings, in the wire's names (PATCH /v1/sync/settings, `timeaudit sync config`). */
import type { SyncSettingsPatch } from '../shared/api/sync.ts';
import { syncSettingsSchema, type SyncSettings } from '../shared/sync-settings.ts';
import { DomainError } from '../core/errors.ts';

const FIELDS = {
  enabled: 'enabled',
  endpoint: 'endpoint',
  region: 'region',
  bucket: 'bucket',
  prefix: 'prefix',
  profile: 'profile',
  display_name: 'displayName',
  include_titles: 'includeTitles',
  interval_minutes: 'intervalMinutes',
} as const satisfies Record<keyof SyncSettingsPatch, keyof SyncSettings>;
const WIRE = Object.fromEntries(Object.entries(FIELDS).map(([wire, name]) => [name, wire]));

/** The sync settings a patch makes; DomainError('invalid') naming the wire field when they would be wrong. */
export function patchSyncSettings(current: SyncSettings, patch: SyncSettingsPatch): SyncSettings {
  const next: Record<string, unknown> = { ...current };
  for (const [wire, value] of Object.entries(patch))
    if (value !== undefined) next[FIELDS[wire as keyof typeof FIELDS]] = value;
  const parsed = syncSettingsSchema.safeParse(next);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = WIRE[String(issue?.path[0])] ?? undefined;
  throw new DomainError('invalid', issue?.message ?? 'invalid sync settings', field);
}
