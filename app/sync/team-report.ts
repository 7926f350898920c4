/**
 * The team's views over the synced dataset, in DuckDB (`@duckdb/node-api`, an optional dependency loaded only
 * here). The SQL lives in ./sql/*.sql, each reading a relation `sessions` (the dataset's columns plus the
 * partitions `user_id` and `date`): docs/team.md gives the same files for Athena/Trino, Spark and Foundry.
 *
 * Only the objects the manifests name are read, so a day an interrupted sync left in two objects counts once.
 * DuckDB reads them from a local cache (`<cache>/<same key>`, content-addressed by name, so a file once fetched
 * is never fetched again): S3 is read with the SDK rather than DuckDB's httpfs extension, which it would
 * download at run time.
 */
import type * as DuckDb from '@duckdb/node-api';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../core/errors.ts';
import { isDate, manifestFolder } from './layout.ts';
import { parseManifest, type Manifest } from './manifest.ts';
import type { ObjectStore } from './objects.ts';
import { withRetry, type RetryPolicy, DEFAULT_RETRY } from './retry.ts';

export const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
export const VIEWS = [
  'allocation',
  'time_of_day',
  'day_of_week',
  'categories',
  'top_domains',
  'shrinkage',
] as const;
export type ViewName = (typeof VIEWS)[number];

export const viewSql = (name: ViewName): string => readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8');

export class DuckDbMissingError extends Error {
  constructor(cause: unknown) {
    super(
      'the team report needs DuckDB (@duckdb/node-api, an optional dependency), which is not installed here: ' +
        'run `npm install @duckdb/node-api`, or run the SQL in docs/team.md with another engine',
      { cause },
    );
    this.name = 'DuckDbMissingError';
  }
}

type Duck = typeof DuckDb;
async function loadDuckDb(): Promise<Duck> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    throw new DuckDbMissingError(error);
  }
}

export interface Person {
  userId: string;
  displayName: string | null;
  tz: string;
  lastSync: string;
}

export type Row = Record<string, string | number | null>;

export interface TeamReport {
  from: string;
  to: string;
  tz: string;
  people: Person[];
  /** Each view's rows; user_id null is the team's. */
  views: Record<ViewName, Row[]>;
}

export interface TeamQuery {
  objects: ObjectStore;
  prefix: string;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  tz: string;
  cacheDir: string;
  retry?: RetryPolicy;
  onProgress?: (fetched: number, total: number) => void;
}

/** Every person's manifest under the prefix. */
export async function readManifests(
  objects: ObjectStore,
  prefix: string,
  retry = DEFAULT_RETRY,
): Promise<Manifest[]> {
  const listed = await withRetry(() => objects.list(manifestFolder(prefix)), retry);
  const out: Manifest[] = [];
  for (const { key } of listed) {
    if (!key.endsWith('.json')) continue;
    const bytes = await withRetry(() => objects.get(key), retry);
    if (bytes) out.push(parseManifest(bytes, key));
  }
  return out;
}

/**
 * A day's key as the source holds it: a manifest names keys from the bucket's root, and a folder holding a copy
 * (or a prefix read from elsewhere) holds the same `sessions/…` tree under its own root.
 */
function underPrefix(prefix: string, key: string): string {
  const at = key.lastIndexOf('sessions/user_id=');
  if (at < 0) throw new Error(`a manifest names ${key}, which is not a day of the session dataset`);
  return prefix ? `${prefix}/${key.slice(at)}` : key.slice(at);
}

/** Fetches the manifests' objects of [from, to] into the cache; answers the local files. */
export async function cacheDays(query: TeamQuery, manifests: Manifest[]): Promise<string[]> {
  const retry = query.retry ?? DEFAULT_RETRY;
  const wanted = manifests.flatMap((m) =>
    Object.entries(m.days)
      .filter(([date]) => date >= query.from && date <= query.to)
      .map(([, day]) => underPrefix(query.prefix, day.key)),
  );
  const files: string[] = [];
  let fetched = 0;
  for (const key of wanted) {
    const file = path.resolve(query.cacheDir, key);
    if (!file.startsWith(path.resolve(query.cacheDir) + path.sep))
      throw new Error(`the key ${key} leaves the cache`);
    if (!existsSync(file)) {
      const bytes = await withRetry(() => query.objects.get(key), retry);
      if (!bytes) throw new Error(`${query.objects.where}: the manifest names ${key}, which is missing`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(`${file}.partial`, bytes);
      renameSync(`${file}.partial`, file);
    }
    files.push(file);
    query.onProgress?.(++fetched, wanted.length);
  }
  return files;
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Runs the views over the given Parquet files (their paths hold the partitions) in the zone `tz`. */
export async function runViews(
  files: string[],
  tz: string,
  views: readonly ViewName[] = VIEWS,
): Promise<Record<ViewName, Row[]>> {
  const duck = await loadDuckDb();
  const instance = await duck.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = ${quote(tz)}`);
    const source =
      files.length === 0
        ? // The dataset's columns with no rows, so every view runs and answers nothing.
          `SELECT NULL::VARCHAR AS session_id, NULL::VARCHAR AS user_id, NULL::VARCHAR AS source,
             NULL::VARCHAR AS subject_kind, NULL::VARCHAR AS subject, NULL::VARCHAR AS title,
             NULL::TIMESTAMPTZ AS start_ts, NULL::TIMESTAMPTZ AS end_ts, NULL::BIGINT AS duration_ms,
             NULL::VARCHAR AS category, NULL::VARCHAR AS productivity, NULL::INTEGER AS schema_version,
             NULL::VARCHAR AS date WHERE false`
        : `SELECT * FROM read_parquet([${files.map(quote).join(', ')}], hive_partitioning = true,
             hive_types = {'user_id': VARCHAR, 'date': VARCHAR})`;
    await connection.run(`CREATE VIEW sessions AS ${source}`);
    const out = {} as Record<ViewName, Row[]>;
    for (const view of views) {
      const reader = await connection.runAndReadAll(viewSql(view));
      out[view] = reader
        .getRowObjectsJS()
        .map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              typeof v === 'bigint' ? Number(v) : (v as string | number | null),
            ]),
          ),
        );
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export async function teamReport(query: TeamQuery): Promise<TeamReport> {
  for (const [name, date] of [
    ['from', query.from],
    ['to', query.to],
  ] as const)
    if (!isDate(date))
      throw new DomainError('invalid', `--${name} is a local date, YYYY-MM-DD (got "${date}")`, name);
  if (query.to < query.from) throw new DomainError('invalid', '--to must not be before --from', 'to');
  const manifests = await readManifests(query.objects, query.prefix, query.retry);
  const files = await cacheDays(query, manifests);
  const views = await runViews(files, query.tz);
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    people: manifests.map((m) => ({
      userId: m.user_id,
      displayName: m.display_name,
      tz: m.tz,
      lastSync: m.last_sync,
    })),
    views,
  };
}
