/**
 * Making deleted content unreadable in the file, not only unreachable. SQLite leaves a deleted row's bytes in
 * the page it lived on, in pages it frees, and in the WAL until a checkpoint copies the pages back; so:
 *
 * - every connection runs with `secure_delete` on (open.ts): what a delete or an update frees is overwritten
 *   with zeros in the same write, in the page and in the freed pages alike;
 * - after a purge, `wal_checkpoint(TRUNCATE)` writes the zeroed pages into the database file and empties the
 *   WAL, whose older frames still held the deleted rows;
 * - a database written before secure_delete was on (by an earlier version) may still hold leftovers of
 *   earlier deletes and updates in free space no purge touches: the first purge of such a file VACUUMs it,
 *   which rewrites every page from the live rows alone, and records in app_meta that it is clean; from then
 *   on every delete zeroes what it frees and a purge needs no VACUUM. New databases start clean.
 *
 * Measured (app/db/purge.test.ts pins it): on a database written with secure_delete on, a purged app's name,
 * its titles and a purged domain appear nowhere in the file, the WAL or the shm after the checkpoint, with no
 * VACUUM; on one written without it, an app renamed away by the tracker before the purge still left its name
 * in free space, and only the VACUUM removed it.
 */
import type { Logger } from '../core/logger.ts';
import type { DB } from './open.ts';

/** app_meta key: present once every byte of the file was written with secure_delete on. */
export const CLEAN_KEY = 'secure_delete_clean';

export interface Scrubbed {
  /** Whether the file was rewritten by VACUUM (needed once for a database an earlier version wrote). */
  vacuumed: boolean;
  /** Whether nothing deleted is left in the file or its WAL; false when another process kept the WAL open. */
  complete: boolean;
}

/** Records that a database has been written with secure_delete on from its first byte (a new one). */
export function markClean(db: DB): void {
  db.prepare(`INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, '1')`).run(CLEAN_KEY);
}

/** Call after a purge has committed, outside any transaction. */
export function scrubDatabase(db: DB, log: Logger): Scrubbed {
  if (db.memory) return { vacuumed: false, complete: true };
  let vacuumed = false;
  let complete = true;
  if (db.prepare(`SELECT 1 FROM app_meta WHERE key = ?`).pluck().get(CLEAN_KEY) !== 1) {
    try {
      db.exec('VACUUM');
      markClean(db);
      vacuumed = true;
    } catch (error) {
      // A full disk (VACUUM needs room for a copy): the data is deleted, its bytes may remain until a later purge.
      complete = false;
      log.warn('could not VACUUM the database after a purge', { error: (error as Error).message });
    }
  }
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (row?.busy !== 0) {
    complete = false;
    log.warn('another process is reading the database: its WAL keeps what was purged until it is done');
  }
  return { vacuumed, complete };
}
