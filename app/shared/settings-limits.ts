/**
 * The limits of the settings' fields: zod-free, so that the dashboard can bound its inputs with the same
 * figures the settings schema (settings.ts) and the API's patch schema (settings-api.ts) check.
 */
export const SETTINGS_LIMITS = {
  pollIntervalMs: { min: 100, max: 60_000 },
  idleMinutes: { min: 1, max: 120 },
  port: { min: 1, max: 65_535 },
  maxListLength: 1000,
  maxAppLength: 256,
  /** Retention: how many local days of titles or events are kept. */
  keepDays: { min: 1, max: 3650 },
  /** A title marker or a redaction pattern. */
  maxPatternLength: 500,
} as const;
