/**
 * Team sync's settings (off by default), kept in settings.json under `sync`. Credentials are never among them:
 * they come from the standard AWS chain (environment, shared config and credentials files, the profile named
 * here). The user id is the installation's own random id (the store's `app_meta.user_id`), not a setting.
 */
import { z } from 'zod';
import { hasControlCharacter } from './names.ts';

export interface SyncSettings {
  enabled: boolean;
  /** A custom S3 endpoint (MinIO, Cloudflare R2, Backblaze B2); null for AWS. */
  endpoint: string | null;
  region: string;
  bucket: string;
  prefix: string;
  /** A profile of the shared AWS config files; null for the chain's default. */
  profile: string | null;
  /** Shown in team reports instead of the user id, only when the user gives one. */
  displayName: string | null;
  /** Window titles are private: synced only when turned on. */
  includeTitles: boolean;
  /** How often the daemon syncs while enabled. */
  intervalMinutes: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = Object.freeze({
  enabled: false,
  endpoint: null,
  region: 'us-east-1',
  bucket: '',
  prefix: '',
  profile: null,
  displayName: null,
  includeTitles: false,
  intervalMinutes: 60,
}) as SyncSettings;

export const SYNC_INTERVAL_LIMITS = { min: 5, max: 7 * 24 * 60 } as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));

export const syncSettingsSchema = z
  .object({
    enabled: z.boolean(),
    endpoint: optionalText(500).refine((v) => v === null || /^https?:\/\/[^\s/]+/.test(v), {
      message: 'the endpoint is an http:// or https:// address',
    }),
    region: text(64).min(1, { message: 'a region is needed (us-east-1 for most S3-compatible stores)' }),
    bucket: text(63).refine((v) => v === '' || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
      message: 'a bucket name is 3–63 lowercase letters, digits, dots and hyphens',
    }),
    prefix: text(500)
      .transform((v) => v.replace(/^\/+|\/+$/g, ''))
      .refine((v) => !v.includes('\\') && !hasControlCharacter(v), {
        message: 'the prefix holds a character S3 keys avoid',
      }),
    profile: optionalText(128),
    displayName: optionalText(80),
    includeTitles: z.boolean(),
    intervalMinutes: z.number().int().min(SYNC_INTERVAL_LIMITS.min).max(SYNC_INTERVAL_LIMITS.max),
  })
  .refine((s) => !s.enabled || s.bucket !== '', { message: 'a bucket is needed to sync', path: ['bucket'] });

/** A stored value → valid sync settings: each valid field kept, every other one its default. Never throws. */
export function migrateSyncSettings(raw: unknown): SyncSettings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const merged = { ...DEFAULT_SYNC_SETTINGS, ...source };
  const parsed = syncSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = { ...DEFAULT_SYNC_SETTINGS };
  for (const key of Object.keys(DEFAULT_SYNC_SETTINGS) as (keyof SyncSettings)[]) {
    const one = syncSettingsSchema.safeParse({
      ...DEFAULT_SYNC_SETTINGS,
      enabled: false,
      [key]: source[key],
    });
    if (one.success) out[key] = one.data[key];
  }
  out.enabled = false;
  return out as unknown as SyncSettings;
}
