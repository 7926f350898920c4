/**
 * Copies of the database made while it is in use: SQLite's online backup API, through a read-only connection
 * of its own, so a backup needs neither the data folder's lock nor a pause of the writer.
 *
 * The copy is taken in steps that let the event loop run (the daemon keeps answering), all inside one read
 * transaction held for the whole copy. That transaction pins one snapshot: in WAL mode the writer goes on,
 * and the backup never sees its commits. Without it SQLite restarts a backup from page one each time another
 * connection commits, which under steady ingestion means a backup that never ends.
 *
 *   writer:  [tx][tx][tx][tx][tx][tx][tx]
 *   backup:     [snapshot ............]   ← every event committed before it began, none after
 *
 * The copy is written under a temporary name beside its destination and linked into place once complete, so a
 * crash or a full disk never leaves a half file under a backup's name, and an existing file is never
 * overwritten (linking fails where renaming would replace).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { conflict, DomainError, invalid, notFound } from '../core/errors.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';
import { applyKey } from './cipher.ts';
import { PLAIN_CACHE_KIB } from './open.ts';

/** Where the daily backups go, and the backups made from the dashboard, inside the data folder. */
export const BACKUPS_DIR = 'backups';

/** Pages copied per step: a few MiB, short enough that requests in between are not held up. */
const PAGES_PER_STEP = 1000;

export interface BackupFile {
  path: string;
  bytes: number;
}

export const backupsFolder = (dataDir: string): string => path.join(dataDir, BACKUPS_DIR);

/** Creates a backups folder owner-only, or makes it so: it holds whole copies of the activity log. */
export function prepareBackupsFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(dir, mode & 0o700);
}

/**
 * Copies the database `source` to `dest`, a new file (0600) in a folder that exists. The copy is a whole
 * database in rollback-journal mode, one file with nothing beside it, consistent as of the moment it began.
 * An encrypted database (`key`) is copied with VACUUM INTO, encrypted with the same key: SQLite's backup API
 * cannot copy between encrypted files, and VACUUM INTO reads one snapshot too (in one step, not several).
 */
export async function backupDatabase(
  source: string,
  dest: string,
  key: Buffer | null = null,
): Promise<BackupFile> {
  if (!existsSync(source)) throw notFound(`there is no database at ${source} yet: nothing to back up`);
  const folder = path.dirname(dest);
  if (!existsSync(folder)) throw invalid(`the folder ${folder} does not exist`, 'out');
  if (existsSync(dest)) throw conflict(`${dest} exists already: choose another file name`, 'out');

  const partial = path.join(folder, `.${path.basename(dest)}.${process.pid}.partial`);
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Owner-only from its first byte (SQLite gives its journal the same mode); SQLite fills the empty file.
    closeSync(openSync(partial, 'wx', 0o600));
    if (key) applyKey(db, key);
    // Every page passes through once: a small cache, or the daemon holds what it read for good (see open.ts).
    db.pragma(`cache_size = -${PLAIN_CACHE_KIB}`);
    if (key) {
      db.exec(`VACUUM INTO '${partial.replaceAll("'", "''")}'`);
      linkSync(partial, dest);
      return { path: dest, bytes: statSync(dest).size };
    }
    db.exec('BEGIN');
    // The snapshot is taken by the first read, not by BEGIN.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    await db.backup(partial, { progress: () => PAGES_PER_STEP });
    db.exec('COMMIT');
    selfContained(partial);
    linkSync(partial, dest);
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError();
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw conflict(`${dest} exists already: choose another file name`, 'out');
    if (error instanceof DomainError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw diskFullError();
    throw error;
  } finally {
    db.close();
    for (const side of ['', '-journal', '-wal', '-shm']) rmSync(`${partial}${side}`, { force: true });
  }
  return { path: dest, bytes: statSync(dest).size };
}

/**
 * The copy keeps the source's WAL mode, in which opening it makes -wal and -shm files beside it; in rollback
 * mode a backup is one file that can be moved, mailed or opened read-only as it is. Restoring puts WAL back.
 */
function selfContained(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
