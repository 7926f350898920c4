/**
 * An export as a file: the store's batches (a local day each) encoded in the format asked for and handed on
 * as they are made, for the API to stream and the CLI to write. Nothing is read before the first bytes are
 * asked for, but a bad zone is refused at once, before any byte is sent.
 */
import { RAW_FORMAT, SESSION_COLUMNS, type ExportFormat } from '../../shared/api/data-export.ts';
import type { Download } from '../../shared/download.ts';
import { EVENT_SCHEMA_VERSION } from '../../shared/version.ts';
import { zoneFor } from '../../core/zone.ts';
import type { Store } from '../../db/store.ts';
import { parquetSessions } from './parquet.ts';
import { csvField, rawRow, sessionRow } from './rows.ts';

export interface ExportRequest {
  fromMs: number;
  toMs: number;
  tz: string;
  /** Default: csv for sessions, ndjson for raw events. */
  format?: ExportFormat | undefined;
  titles: boolean;
  raw: boolean;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

/** `timeaudit-sessions-2026-01-01-2026-01-31.csv`: the range's first and last local days. */
export function exportFileName(request: ExportRequest, format: ExportFormat): string {
  const zone = zoneFor(request.tz);
  const date = (ms: number) => new Date(zone.localDay(ms) * 86_400_000).toISOString().slice(0, 10);
  const what = request.raw ? 'events' : 'sessions';
  return `timeaudit-${what}-${date(request.fromMs)}-${date(request.toMs - 1)}.${format}`;
}

export function exportDownload(store: Store, request: ExportRequest): Download {
  const format = request.format ?? (request.raw ? 'ndjson' : 'csv');
  const query = { fromMs: request.fromMs, toMs: request.toMs, tz: request.tz, titles: request.titles };
  const fileName = exportFileName(request, format);
  let body: AsyncIterable<Uint8Array>;
  if (request.raw) {
    const batches = paced(store.exportRaw(query));
    body = utf8(format === 'json' ? rawJson(batches) : ndjson(batches, rawRow));
  } else {
    const batches = paced(store.exportSessions(query));
    if (format === 'parquet') body = parquetSessions(batches);
    else if (format === 'csv') body = utf8(csv(batches));
    else if (format === 'json') body = utf8(jsonArray(batches));
    else body = utf8(ndjson(batches, sessionRow));
  }
  return { body, contentType: CONTENT_TYPES[format], fileName };
}

/**
 * The store's batches with a turn of the event loop after each: reading a day is synchronous, and the daemon
 * answers other requests (and the tracker writes) between the days of a long export.
 */
async function* paced<T>(batches: Iterable<T[]>): AsyncGenerator<T[]> {
  for (const batch of batches) {
    yield batch;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function* utf8(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) if (chunk.length > 0) yield encoder.encode(chunk);
}

async function* csv(batches: AsyncIterable<Parameters<typeof sessionRow>[0][]>): AsyncGenerator<string> {
  yield `${SESSION_COLUMNS.join(',')}\r\n`;
  for await (const batch of batches) {
    let out = '';
    for (const record of batch) {
      const row = sessionRow(record);
      out += `${SESSION_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
    }
    yield out;
  }
}

async function* ndjson<T>(batches: AsyncIterable<T[]>, toRow: (r: T) => object): AsyncGenerator<string> {
  for await (const batch of batches) yield batch.map((r) => `${JSON.stringify(toRow(r))}\n`).join('');
}

/** `[…]`, one row a line, written as the rows come. */
async function* jsonArray(
  batches: AsyncIterable<Parameters<typeof sessionRow>[0][]>,
): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const batch of batches) {
    let out = '';
    for (const record of batch) {
      out += `${first ? '\n' : ',\n'}${JSON.stringify(sessionRow(record))}`;
      first = false;
    }
    yield out;
  }
  yield first ? ']\n' : '\n]\n';
}

async function* rawJson(batches: AsyncIterable<Parameters<typeof rawRow>[0][]>): AsyncGenerator<string> {
  let first = true;
  yield `{"format":${JSON.stringify(RAW_FORMAT)},"schema_version":${EVENT_SCHEMA_VERSION},"events":[`;
  for await (const batch of batches) {
    let out = '';
    for (const record of batch) {
      out += `${first ? '\n' : ',\n'}${JSON.stringify(rawRow(record))}`;
      first = false;
    }
    yield out;
  }
  yield first ? ']}\n' : '\n]}\n';
}
