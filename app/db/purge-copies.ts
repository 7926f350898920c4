/**
 * A purge reaches every copy of the database in its data folder: the backups in `backups/` (daily ones and
 * those `timeaudit backup` wrote there) and any other SQLite file kept beside the database (a file a restore
 * replaced). Each gets the same purge, applied by a store opened on it, rather than being replaced by a fresh
 * copy: a backup exists to bring back what a mistake destroyed, and a fresh copy would throw away everything
 * else it held. A copy that cannot be opened (damaged, from a newer version) is reported by name, never
 * skipped in silence, since it may still hold what was purged.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/logger.ts';
import { LOCK_FILE } from './data-lock.ts';
import { Store, type PurgeOutcome, type PurgeSelector, type Scrubbed } from './store.ts';
import { databaseState, keyOpens } from './cipher.ts';

export const BACKUPS_DIR = 'backups';
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/** What became of one copy: purged (its path relative to the data folder), or why it could not be. */
export type CopyPurged =
  { file: string; purged: true; scrubbed: Scrubbed } | { file: string; purged: false; error: string };

export interface PurgedEverywhere extends PurgeOutcome {
  scrubbed: Scrubbed;
  copies: CopyPurged[];
}

function isSqliteFile(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false; // a folder, a file gone meanwhile, one we may not read
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The SQLite files of the data folder and its backups/ other than the database itself, sorted; with the key
 * of an encrypted database, the copies that key opens too (its backups are encrypted with it).
 */
export function databaseCopies(databaseFile: string, key: Buffer | null = null): string[] {
  const dataDir = path.dirname(databaseFile);
  const found: string[] = [];
  for (const dir of [dataDir, path.join(dataDir, BACKUPS_DIR)]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // no backups yet
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (path.resolve(file) === path.resolve(databaseFile)) continue;
      // The data folder's lock is an SQLite file too, empty, held open by the writer.
      if (name === LOCK_FILE || /-(wal|shm|journal)$/.test(name)) continue;
      // A backup being written (backup.ts) is linked to its name when whole: the copy is reached then.
      if (name.endsWith('.partial')) continue;
      if (isSqliteFile(file) || (key && databaseState(file) === 'encrypted' && keyOpens(file, key)))
        found.push(file);
    }
  }
  return found.sort();
}

/** Purges the store, then every copy in its data folder (see above). */
export function purgeEverywhere(store: Store, selector: PurgeSelector, log: Logger): PurgedEverywhere {
  const outcome = store.purge(selector);
  if (store.file === ':memory:') return { ...outcome, copies: [] };
  const dataDir = path.dirname(store.file);
  const copies = databaseCopies(store.file, store.key).map((file): CopyPurged => {
    const name = path.relative(dataDir, file);
    try {
      const copy = Store.open({ file, log, key: databaseState(file) === 'encrypted' ? store.key : null });
      try {
        return { file: name, purged: true, scrubbed: copy.purge(selector).scrubbed };
      } finally {
        copy.close();
      }
    } catch (error) {
      log.warn(`could not purge the copy ${name}; it may still hold what was purged`, {
        error: (error as Error).message,
      });
      return { file: name, purged: false, error: (error as Error).message };
    }
  });
  return { ...outcome, copies };
}
