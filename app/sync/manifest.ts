/**
 * The manifest of one person's synced days, `PREFIX/sessions/_manifest/user_id=U.json`: which object holds each
 * local day, for engines and humans. It is the truth of what is current: a day's object is uploaded before the
 * manifest names it, and an object the manifest stopped naming is deleted only after the manifest is written,
 * so a team report that reads the manifest's objects never counts a day twice nor misses one.
 *
 * ```json
 * { "format": "timeaudit-sessions-manifest", "manifest_version": 1, "schema_version": 1,
 *   "user_id": "5f0c…", "display_name": null, "tz": "Europe/Berlin", "titles": false,
 *   "last_sync": "2026-12-07T04:00:00.000Z",
 *   "days": { "2026-12-06": { "key": "team/sessions/user_id=5f0c…/date=2026-12-06/part-ab12….parquet",
 *                             "sha256": "ab12…", "rows": 84, "bytes": 9120 } } }
 * ```
 */
import { z } from 'zod';
import { SESSIONS_SCHEMA_VERSION } from '../shared/api/data-export.ts';

export const MANIFEST_FORMAT = 'timeaudit-sessions-manifest';
export const MANIFEST_VERSION = 1;

const day = z.object({
  key: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type ManifestDay = z.infer<typeof day>;

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  manifest_version: z.literal(MANIFEST_VERSION),
  schema_version: z.number().int().positive(),
  user_id: z.string().min(1),
  display_name: z.string().nullable(),
  tz: z.string().min(1),
  titles: z.boolean(),
  last_sync: z.string(),
  days: z.record(z.string(), day),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function emptyManifest(userId: string, tz: string): Manifest {
  return {
    format: MANIFEST_FORMAT,
    manifest_version: MANIFEST_VERSION,
    schema_version: SESSIONS_SCHEMA_VERSION,
    user_id: userId,
    display_name: null,
    tz,
    titles: false,
    last_sync: new Date(0).toISOString(),
    days: {},
  };
}

/** A manifest's bytes as stored: days in date order, so the same state is the same file. */
export function manifestBytes(manifest: Manifest): Buffer {
  const days = Object.fromEntries(Object.entries(manifest.days).sort(([a], [b]) => a.localeCompare(b)));
  return Buffer.from(`${JSON.stringify({ ...manifest, days }, null, 2)}\n`);
}

/** Throws with the reason when `bytes` is not a manifest this version reads. */
export function parseManifest(bytes: Uint8Array, where: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${where} is not a Time Audit manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
