/**
 * Your data, out: the session dataset (one row per session) and the raw events, as a file. See docs/data.md
 * "Export". The import, purge and backup calls are families of their own (data-import.ts, …).
 */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import type { Download } from '../download.ts';
import { endpoint, isoInstant, timeZone } from './endpoint.ts';
import { MAX_REPORT_RANGE_MS } from './report.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The raw events are JSON objects by nature (see RAW_FORMAT): no table formats. */
export const RAW_EXPORT_FORMATS = ['ndjson', 'json'] as const satisfies readonly ExportFormat[];

/** The version of the session dataset's columns, written in each row's `schema_version`. */
export const SESSIONS_SCHEMA_VERSION = 1;

/** The session dataset's columns, in this order in every format. */
export const SESSION_COLUMNS = [
  'session_id',
  'user_id',
  'source',
  'subject_kind',
  'subject',
  'title',
  'start_ts',
  'end_ts',
  'duration_ms',
  'category',
  'productivity',
  'schema_version',
] as const;

/**
 * One session row as JSON and NDJSON carry it. `title`, `category` and `productivity` are null when there is
 * none (CSV writes an empty field, Parquet a null); instants are ISO 8601 UTC with milliseconds.
 */
export interface SessionRow {
  session_id: string;
  user_id: string;
  source: 'window' | 'browser' | 'manual';
  subject_kind: 'app' | 'domain' | 'manual';
  subject: string;
  title: string | null;
  start_ts: string;
  end_ts: string;
  duration_ms: number;
  category: string | null;
  productivity: 'productive' | 'neutral' | 'unproductive' | null;
  schema_version: number;
}

/** The envelope of `--raw --format json`: `{"format":"timeaudit-raw","schema_version":1,"events":[…]}`. */
export const RAW_FORMAT = 'timeaudit-raw';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const exportQuery = z
  .object({
    from: isoInstant,
    to: isoInstant,
    tz: timeZone,
    /** Default: csv, or ndjson for raw events. */
    format: z.enum(EXPORT_FORMATS).optional(),
    /** Window titles are private: exported only when asked for. */
    titles: flag,
    /** The stored events instead of sessions. */
    raw: flag,
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_RANGE_MS, {
    message: 'an export covers at most 100 years',
    path: ['to'],
  })
  .refine((q) => !q.raw || q.format === undefined || q.format === 'ndjson' || q.format === 'json', {
    message: 'raw events are exported as ndjson or json',
    path: ['format'],
  });
export type ExportParams = z.infer<typeof exportQuery>;

export const dataExportApi = {
  exportData: endpoint<Download>()({ ...ROUTES.exportData, query: exportQuery }),
};
