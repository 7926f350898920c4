/**
 * Test support (not part of the app): an export read back the way its users would read it. CSV by an RFC 4180
 * parser of its own, JSON and NDJSON by JSON.parse, Parquet by DuckDB (a dev dependency, as pandas or Spark
 * would read it). Every format comes back as the same rows, instants as epoch ms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SESSION_COLUMNS, type ExportFormat, type SessionRow } from '../../shared/api/data-export.ts';
import type { Download } from '../../shared/download.ts';

export interface ParsedRow {
  session_id: string;
  user_id: string;
  source: string;
  subject_kind: string;
  subject: string;
  /** '' for none, as CSV cannot tell an empty title from none. */
  title: string;
  start_ms: number;
  end_ms: number;
  duration_ms: number;
  category: string | null;
  productivity: string | null;
  schema_version: number;
}

export async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of download.body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** RFC 4180: fields quoted when they hold quotes, commas or line breaks; records end with CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      [field, record] = ['', []];
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('the CSV does not end with CRLF');
  return records;
}

const fromWire = ({ start_ts, end_ts, ...r }: SessionRow): ParsedRow => ({
  ...r,
  title: r.title ?? '',
  start_ms: Date.parse(start_ts),
  end_ms: Date.parse(end_ts),
});

const noneIfEmpty = (v: string | undefined): string | null => (v === '' || v === undefined ? null : v);

let duck: Promise<DuckDBInstance> | undefined;

export async function parseExport(format: ExportFormat, bytes: Buffer): Promise<ParsedRow[]> {
  const text = bytes.toString('utf8');
  if (format === 'json') return (JSON.parse(text) as SessionRow[]).map(fromWire);
  if (format === 'ndjson')
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => fromWire(JSON.parse(line) as SessionRow));
  if (format === 'csv') {
    const [header, ...records] = parseCsv(text);
    if (header?.join(',') !== SESSION_COLUMNS.join(',')) throw new Error(`CSV header: ${header?.join(',')}`);
    return records.map((f) => ({
      session_id: f[0] as string,
      user_id: f[1] as string,
      source: f[2] as string,
      subject_kind: f[3] as string,
      subject: f[4] as string,
      title: f[5] as string,
      start_ms: Date.parse(f[6] as string),
      end_ms: Date.parse(f[7] as string),
      duration_ms: Number(f[8]),
      category: noneIfEmpty(f[9]),
      productivity: noneIfEmpty(f[10]),
      schema_version: Number(f[11]),
    }));
  }
  return readParquet(bytes);
}

/** The column types DuckDB sees in a Parquet export. */
export async function parquetTypes(bytes: Buffer): Promise<Record<string, string>> {
  return withParquetFile(bytes, async (file) => {
    const connection = await (await duckdb()).connect();
    const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    return Object.fromEntries(
      result.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]),
    );
  });
}

async function readParquet(bytes: Buffer): Promise<ParsedRow[]> {
  return withParquetFile(bytes, async (file) => {
    const connection = await (await duckdb()).connect();
    const result = await connection.runAndReadAll(
      `SELECT session_id, user_id, source, subject_kind, subject, coalesce(title, '') AS title,
              epoch_ms(start_ts)::DOUBLE AS start_ms, epoch_ms(end_ts)::DOUBLE AS end_ms,
              duration_ms::DOUBLE AS duration_ms, category, productivity, schema_version
       FROM read_parquet('${file}')`,
    );
    return result.getRowObjectsJS() as unknown as ParsedRow[];
  });
}

function duckdb(): Promise<DuckDBInstance> {
  duck ??= DuckDBInstance.create(':memory:');
  return duck;
}

async function withParquetFile<T>(bytes: Buffer, read: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-parquet-'));
  const file = path.join(dir, 'export.parquet');
  try {
    writeFileSync(file, bytes);
    return await read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
