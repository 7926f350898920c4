/**
 * The session dataset as Parquet (hyparquet-writer, pure JavaScript): one row group per few thousand sessions,
 * each handed on as soon as it is encoded, so a long export never sits in memory. Instants are INT64
 * TIMESTAMP(MILLIS, UTC) and durations INT64, which DuckDB, pandas (pyarrow) and Spark read as such.
 */
import type { SchemaElement } from 'hyparquet-writer';
import { SESSION_COLUMNS, SESSIONS_SCHEMA_VERSION, type SessionRow } from '../../shared/api/data-export.ts';
import type { SessionRecord } from '../../db/store.ts';

/** Rows per row group: small enough to stream, large enough to compress well. */
const ROW_GROUP = 8192;

const text = (name: string, required: boolean): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  logical_type: { type: 'STRING' },
  repetition_type: required ? 'REQUIRED' : 'OPTIONAL',
});
const instant = (name: string): SchemaElement => ({
  name,
  type: 'INT64',
  converted_type: 'TIMESTAMP_MILLIS',
  logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
  repetition_type: 'REQUIRED',
});

const SCHEMA: SchemaElement[] = [
  { name: 'schema', num_children: SESSION_COLUMNS.length },
  text('session_id', true),
  text('user_id', true),
  text('source', true),
  text('subject_kind', true),
  text('subject', true),
  text('title', false),
  instant('start_ts'),
  instant('end_ts'),
  { name: 'duration_ms', type: 'INT64', repetition_type: 'REQUIRED' },
  text('category', false),
  text('productivity', false),
  { name: 'schema_version', type: 'INT32', repetition_type: 'REQUIRED' },
];
// The schema and the shared column list name the same columns in the same order.
SCHEMA.slice(1).forEach((element, i) => {
  if (element.name !== SESSION_COLUMNS[i])
    throw new Error(`parquet column ${i} is not ${SESSION_COLUMNS[i]}`);
});

type Column = { [K in keyof SessionRow]: unknown[] };

function columns(rows: SessionRecord[]): Column {
  return {
    session_id: rows.map((r) => r.id),
    user_id: rows.map((r) => r.userId),
    source: rows.map((r) => r.source),
    subject_kind: rows.map((r) => r.kind),
    subject: rows.map((r) => r.subject),
    title: rows.map((r) => r.title),
    start_ts: rows.map((r) => new Date(r.startMs)),
    end_ts: rows.map((r) => new Date(r.endMs)),
    duration_ms: rows.map((r) => BigInt(r.endMs - r.startMs)),
    category: rows.map((r) => r.category),
    productivity: rows.map((r) => r.productivity),
    schema_version: rows.map(() => SESSIONS_SCHEMA_VERSION),
  };
}

/** The file's bytes, a row group at a time, from batches of sessions. */
export async function* parquetSessions(batches: AsyncIterable<SessionRecord[]>): AsyncGenerator<Uint8Array> {
  // Loaded by the first Parquet export, not by every daemon's start.
  const { ByteWriter, ParquetWriter } = await import('hyparquet-writer');
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, schema: SCHEMA, createdBy: 'Time Audit' });
  // What the writer holds so far, handed on and forgotten (the writer keeps counting file offsets).
  const take = (): Uint8Array => {
    const bytes = writer.getBytes().slice();
    writer.index = 0;
    return bytes;
  };
  let pending: SessionRecord[] = [];
  const flush = (): Uint8Array => {
    const data = columns(pending);
    pending = [];
    void parquet.write({
      columnData: SESSION_COLUMNS.map((name) => ({ name, data: data[name] })),
      rowGroupSize: ROW_GROUP,
    });
    return take();
  };
  yield take(); // the magic number
  for await (const batch of batches) {
    for (const row of batch) pending.push(row);
    if (pending.length >= ROW_GROUP) yield flush();
  }
  if (pending.length > 0) yield flush();
  void parquet.finish();
  yield take();
}
