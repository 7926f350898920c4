/**
 * One local day of the session dataset as one Parquet file, with the same columns and encoding as
 * `timeaudit export --format parquet` (server/export/parquet.ts over db/export-sessions.ts). The same rows
 * give the same bytes, so the file's SHA-256 says whether a day changed since it was last synced.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../db/store.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import { parquetSessions } from '../server/export/parquet.ts';

export interface DayFile {
  date: string;
  rows: number;
  bytes: Buffer;
  sha256: string;
}

/** The local date (YYYY-MM-DD) of a zone's day number. */
export const dateOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const dayOfDate = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** The local dates of `tz` that [fromMs, toMs) touches. */
export function datesBetween(tz: string, fromMs: number, toMs: number): string[] {
  const zone = zoneFor(tz);
  const out: string[] = [];
  for (let day = zone.localDay(fromMs); day <= zone.localDay(toMs - 1); day++) out.push(dateOfDay(day));
  return out;
}

export async function buildDay(
  store: Store,
  zone: Zone,
  tz: string,
  date: string,
  titles: boolean,
): Promise<DayFile> {
  const day = dayOfDate(date);
  const batches = store.exportSessions({
    fromMs: zone.dayStart(day),
    toMs: zone.dayStart(day + 1),
    tz,
    titles,
  });
  let rows = 0;
  async function* counted() {
    for (const batch of batches) {
      rows += batch.length;
      yield batch;
    }
  }
  const parts: Uint8Array[] = [];
  for await (const part of parquetSessions(counted())) parts.push(part);
  const bytes = Buffer.concat(parts);
  return { date, rows, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
