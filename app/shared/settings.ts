/**
 * The user's settings, shared by the headless daemon and the desktop app (settings.json, app/db/settings-file.ts):
 * both keep them as one JSON object, validated with `settingsSchema` and upgraded with `migrateSettings` when read.
 *
 * Version history:
 * - 0 (no `version` field): the daemon's first settings file. `idleThresholdMinutes` is the away threshold
 *   (now `idleMinutes`), `pollMs` the sampling interval (now `pollIntervalMs`), and `port` may be a numeric
 *   string. Everything else had today's names.
 * - 1: the fields below. Retention (keepTitlesDays, keepEventsDays) and title redaction (privateApps …
 *   redactPatterns) came later without a new version: a file without them gets their defaults.
 */
import { DEFAULT_PORT } from './port.ts';
import { z } from 'zod';
import { SETTINGS_LIMITS } from './settings-limits.ts';
import { MAX_HOSTNAME_LENGTH } from './hostname.ts';
import { redactPatternProblem } from './redact-pattern.ts';

const isRedactPattern = (pattern: string): boolean => redactPatternProblem(pattern) === null;
import { DEFAULT_SYNC_SETTINGS, migrateSyncSettings, type SyncSettings } from './sync-settings.ts';

export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Settings {
  version: number;
  /** How often the active window is sampled. */
  pollIntervalMs: number;
  /** Minutes without input after which the user counts as away. */
  idleMinutes: number;
  /** The localhost API's port on 127.0.0.1. */
  port: number;
  launchAtLogin: boolean;
  /** Closing the dashboard window keeps the app running in the tray. */
  closeToTray: boolean;
  theme: Theme;
  /** App names whose windows are never recorded. */
  excludedApps: string[];
  /** Domains the extension never reports. */
  excludedDomains: string[];
  /** Window titles older than this many local days are blanked by the daily retention job; null keeps them. */
  keepTitlesDays: number | null;
  /** Everything recorded before this many local days is deleted by the daily retention job; null keeps it. */
  keepEventsDays: number | null;
  /** Apps whose window titles are never stored (matched as excludedApps are): stored as "[hidden]". */
  privateApps: string[];
  /** A title containing one of these (any case) is stored as "[hidden]" (private browsing windows). */
  privateTitleMarkers: string[];
  /** E-mail addresses in titles are stored as "[email]". */
  redactEmails: boolean;
  /** Runs of 6 or more digits in titles are stored as "[number]". */
  redactDigitRuns: boolean;
  /** The user's own patterns (RE2 regexes, any case): what they match is stored as "[hidden]". */
  redactPatterns: string[];
  /** Team sync to S3 (sync-settings.ts). */
  sync: SyncSettings;
  /** The dashboard window's last geometry (desktop app only). */
  window?: { bounds: WindowBounds; maximized: boolean } | undefined;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  pollIntervalMs: 1000,
  idleMinutes: 3,
  port: DEFAULT_PORT,
  launchAtLogin: false,
  closeToTray: true,
  theme: 'system',
  excludedApps: [],
  excludedDomains: [],
  keepTitlesDays: null,
  keepEventsDays: null,
  privateApps: ['KeePassXC', '1Password', 'Bitwarden'],
  privateTitleMarkers: ['Private Browsing', 'Incognito'],
  redactEmails: true,
  redactDigitRuns: true,
  redactPatterns: [],
  sync: DEFAULT_SYNC_SETTINGS,
}) as Settings;

const int = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);
const bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const windowState = z.object({ bounds, maximized: z.boolean() });

/** One schema per field, so that migration can keep each valid field on its own. */
const fields = {
  version: z.literal(SETTINGS_VERSION),
  pollIntervalMs: int(SETTINGS_LIMITS.pollIntervalMs),
  idleMinutes: int(SETTINGS_LIMITS.idleMinutes),
  port: int(SETTINGS_LIMITS.port),
  launchAtLogin: z.boolean(),
  closeToTray: z.boolean(),
  theme: z.enum(THEMES),
  excludedApps: z
    .array(z.string().trim().min(1).max(SETTINGS_LIMITS.maxAppLength))
    .max(SETTINGS_LIMITS.maxListLength),
  excludedDomains: z
    .array(z.string().trim().min(1).max(MAX_HOSTNAME_LENGTH))
    .max(SETTINGS_LIMITS.maxListLength),
  keepTitlesDays: int(SETTINGS_LIMITS.keepDays).nullable(),
  keepEventsDays: int(SETTINGS_LIMITS.keepDays).nullable(),
  privateApps: z
    .array(z.string().trim().min(1).max(SETTINGS_LIMITS.maxAppLength))
    .max(SETTINGS_LIMITS.maxListLength),
  privateTitleMarkers: z
    .array(z.string().trim().min(1).max(SETTINGS_LIMITS.maxPatternLength))
    .max(SETTINGS_LIMITS.maxListLength),
  redactEmails: z.boolean(),
  redactDigitRuns: z.boolean(),
  redactPatterns: z
    .array(z.string().min(1).max(SETTINGS_LIMITS.maxPatternLength).refine(isRedactPattern))
    .max(SETTINGS_LIMITS.maxListLength),
  // Each sync field is kept or defaulted on its own, like the fields here (sync-settings.ts).
  sync: z.unknown().transform(migrateSyncSettings),
  window: windowState.optional(),
};

export const settingsSchema: z.ZodType<Settings> = z.object(fields).strict();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Version 0 → version 1: renamed fields, and numbers that were stored as strings. */
function fromV0(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if (out.idleMinutes === undefined && raw.idleThresholdMinutes !== undefined) {
    out.idleMinutes = raw.idleThresholdMinutes;
  }
  if (out.pollIntervalMs === undefined && raw.pollMs !== undefined) out.pollIntervalMs = raw.pollMs;
  for (const key of ['idleMinutes', 'pollIntervalMs', 'port'] as const) {
    const value = out[key];
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) out[key] = Number(value);
  }
  return out;
}

/**
 * Any stored object (an older version, missing or invalid fields, not even an object) → valid current
 * Settings: each field that is valid is kept, every other one takes its default; unknown fields are dropped.
 * Never throws.
 */
export function migrateSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return structuredClone(DEFAULT_SETTINGS);
  const version = typeof raw.version === 'number' ? raw.version : 0;
  const source = version < 1 ? fromV0(raw) : raw;
  const out: Record<string, unknown> = { ...structuredClone(DEFAULT_SETTINGS), version: SETTINGS_VERSION };
  for (const [key, schema] of Object.entries(fields)) {
    if (key === 'version' || source[key] === undefined) continue;
    const parsed = (schema as z.ZodType).safeParse(source[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return settingsSchema.parse(out);
}
