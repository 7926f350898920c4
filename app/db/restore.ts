/**
 * Putting a backup in place of a data folder's database. The caller holds the data folder's lock
 * (app/db/data-lock.ts): nothing else has the database open.
 *
 * The file is checked before anything is replaced, on a copy inside the data folder (opening a database can
 * write beside it, and the user's backup stays as it was): a SQLite header, a length that holds every page
 * the header announces, `PRAGMA integrity_check`, a schema version this app knows, and Time Audit's tables.
 * The copy is then migrated to this app's schema and opened as the daemon would open it; only then is it
 * swapped in.
 *
 *   timeaudit.sqlite           ──rename──▶ timeaudit.sqlite.replaced-2026-11-21T10-02-03Z   (its WAL folded in)
 *   timeaudit.sqlite.restoring ──rename──▶ timeaudit.sqlite
 *
 * The replaced database's WAL is folded into it before it moves: a WAL left under the live name would be
 * replayed into the restored file, pages of one database written over another. When it cannot be folded (a
 * damaged database, the reason to restore) it moves with its file under the new name, where SQLite pairs them.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createReadStream, createWriteStream, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { chmodSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { DomainError, invalid, isDomainError, notFound } from '../core/errors.ts';
import { diskFullError } from './disk-full.ts';
import { loadMigrations, userVersion } from './migrate.ts';
import { databasePath } from './open.ts';
import { Store } from './store.ts';
import { applyKey, databaseState, keyOpens } from './cipher.ts';

/** Tables every Time Audit database has had since its first version: what tells one from any SQLite file. */
const OUR_TABLES = ['categories', 'subjects', 'window_events', 'browser_events', 'idle_events'] as const;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface RestoreResult {
  /** Where the replaced database now is; null when the folder had none. */
  replaced: string | null;
  /** The backup's schema version, and the one it was migrated to. */
  fromVersion: number;
  toVersion: number;
  counts: { window: number; browser: number; idle: number; manual: number };
  /** When the latest event or entry the restored database holds starts (epoch ms); null when it holds none. */
  latestStartMs: number | null;
}

const refuse = (file: string, why: string) => invalid(`cannot restore ${file}: ${why}`, 'file');

export async function restoreDatabase(
  dataDir: string,
  file: string,
  now: () => number = Date.now,
  /** The data folder's key: an encrypted backup is restored with it (it was made with it). */
  key: Buffer | null = null,
): Promise<RestoreResult> {
  const source = path.resolve(file);
  const live = databasePath(dataDir);
  const sourceKey = key && databaseState(source) === 'encrypted' && keyOpens(source, key) ? key : null;
  if (sourceKey) checkEncryptedFile(source, live);
  else checkFile(source, live);
  const staging = `${live}.restoring`;
  removeWithSideFiles(staging);
  try {
    await copyOwnerOnly(source, staging);
    // A backup copied from a live folder may have its last commits in a WAL beside it: they belong to it.
    if (existsSync(`${source}-wal`)) await copyOwnerOnly(`${source}-wal`, `${staging}-wal`);
    const fromVersion = checkDatabase(staging, source, sourceKey);
    migrateAndClose(staging, source, sourceKey);
    const liveKey = databaseState(live) === 'encrypted' ? key : null;
    const replaced = existsSync(live) ? setAside(live, now(), liveKey) : null;
    removeWithSideFiles(live);
    renameSync(staging, live);
    const proof = Store.open({ file: live, key: sourceKey });
    try {
      return { replaced, fromVersion, toVersion: userVersion(proof.db), ...contents(proof.db) };
    } finally {
      proof.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw diskFullError();
    throw error;
  } finally {
    removeWithSideFiles(staging);
  }
}

/** An encrypted backup that the key opens: only what a look at the file can tell without SQLite. */
function checkEncryptedFile(source: string, live: string): void {
  if (!statSync(source).isFile()) throw refuse(source, 'it is not a file');
  if (existsSync(live) && realpathSync(source) === realpathSync(live))
    throw refuse(source, 'it is the database in use itself; give a backup of it');
}

/** The checks a look at the bytes can make: a regular file, not the live database, SQLite's, complete. */
function checkFile(source: string, live: string): void {
  let size: number;
  try {
    const stat = statSync(source);
    if (!stat.isFile()) throw refuse(source, 'it is not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notFound(`cannot restore ${source}: there is no such file`, 'file');
  }
  if (existsSync(live) && realpathSync(source) === realpathSync(live))
    throw refuse(source, 'it is the database in use itself; give a backup of it');
  const header = Buffer.alloc(100);
  const fd = openSync(source, 'r');
  const read = (() => {
    try {
      return readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  })();
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    throw refuse(source, 'it is not a SQLite database (a Time Audit backup is one)');
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    throw refuse(source, 'its header is damaged (no valid page size)');
  // The page count in the header is valid when the two change counters agree (SQLite ≥ 3.7.0 keeps them so).
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  if (size % pageSize !== 0 || size < pages * pageSize)
    throw refuse(
      source,
      `the file is cut short (${size} bytes where its header announces ${pages * pageSize}): ` +
        'it was not copied completely',
    );
}

/** What only SQLite can tell: integrity, the schema's version and Time Audit's tables. Returns the version. */
function checkDatabase(staging: string, source: string, key: Buffer | null): number {
  let db: Database.Database;
  try {
    db = new Database(staging, { fileMustExist: true });
    if (key) applyKey(db, key);
  } catch (error) {
    throw refuse(source, `SQLite cannot open it (${(error as Error).message})`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
    } catch (error) {
      throw refuse(source, `it is damaged (${(error as Error).message})`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw refuse(source, `it fails SQLite's integrity check (${problems[0] ?? 'no answer'})`);
    const version = userVersion(db);
    const known = loadMigrations().length;
    if (version > known)
      throw refuse(
        source,
        `it has schema version ${version}, written by a newer Time Audit; this one knows up to ${known}: ` +
          'update the app first',
      );
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[],
    );
    const missing = OUR_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0)
      throw refuse(source, `it is not a Time Audit database (it has no ${missing.join(', ')} tables)`);
    return version;
  } finally {
    db.close();
  }
}

/** Brings the copy to this app's schema and leaves it one file, its WAL folded in. */
function migrateAndClose(staging: string, source: string, key: Buffer | null): void {
  let store: Store;
  try {
    store = Store.open({ file: staging, key });
  } catch (error) {
    if (isDomainError(error, 'storage_full')) throw error;
    throw refuse(source, `it could not be brought up to this version (${(error as Error).message})`);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
}

/** Moves the live database to `<name>.replaced-<UTC time>`, its WAL folded in or moved along. */
function setAside(live: string, nowMs: number, key: Buffer | null): string {
  const stamp = new Date(nowMs).toISOString().slice(0, 19).replaceAll(':', '-');
  let kept = `${live}.replaced-${stamp}Z`;
  for (let n = 2; existsSync(kept); n++) kept = `${live}.replaced-${stamp}Z-${n}`;
  try {
    const old = new Database(live, { fileMustExist: true });
    try {
      if (key) applyKey(old, key);
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
  } catch {
    // Damaged beyond a checkpoint: its WAL goes with it below, nothing of it is dropped.
  }
  renameSync(live, kept);
  if (existsSync(`${live}-wal`)) renameSync(`${live}-wal`, `${kept}-wal`);
  for (const f of [kept, `${kept}-wal`])
    if (existsSync(f) && process.platform !== 'win32') chmodSync(f, 0o600);
  return kept;
}

function contents(db: Database.Database): Pick<RestoreResult, 'counts' | 'latestStartMs'> {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const latest = db
    .prepare(
      `SELECT max(m) FROM (SELECT max(start_ms) AS m FROM window_events
         UNION ALL SELECT max(start_ms) FROM browser_events UNION ALL SELECT max(start_ms) FROM manual_entries)`,
    )
    .pluck()
    .get() as number | null;
  return {
    counts: {
      window: count('window_events'),
      browser: count('browser_events'),
      idle: count('idle_events'),
      manual: count('manual_entries'),
    },
    latestStartMs: latest,
  };
}

/** Copies a file into the data folder, owner-only from its first byte (copyFile would keep the source's mode). */
async function copyOwnerOnly(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createWriteStream(to, { flags: 'wx', mode: 0o600 }));
}

function removeWithSideFiles(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${side}`, { force: true });
}
