/** Opens a Time Audit database: WAL, foreign keys, a busy timeout for a second process, then migrations. */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { migrate, userVersion } from './migrate.ts';
import { markClean } from './scrub.ts';
import { applyKey, databaseState, keyOpens } from './cipher.ts';
import { EncryptionKeyError } from './keys/key-store.ts';

export type DB = Database.Database;

/** The database's file name in a data folder, for the daemon and the desktop app alike. */
export const DATABASE_FILE = 'timeaudit.sqlite';

export const databasePath = (dataDir: string): string => path.join(dataDir, DATABASE_FILE);

/**
 * Opens `file`, with `key` when it is encrypted (app/db/cipher.ts); a new file is created encrypted when a key is
 * given. An encrypted file without a key that opens it throws EncryptionKeyError before anything is written:
 * not a byte, not its mtime, no -wal or -shm beside it.
 */
export function openDatabase(file: string, key: Buffer | null = null): DB {
  const state = databaseState(file);
  if (state === 'encrypted') {
    if (key === null) throw EncryptionKeyError.missing('no key store: none was given to open it');
    if (!keyOpens(file, key)) throw EncryptionKeyError.wrong('the key given');
  }
  const keyed = state === 'plain' ? null : key;
  if (file !== ':memory:') {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // A personal activity log: readable by its owner only (SQLite gives -wal and -shm the same mode).
    closeSync(openSync(file, 'a', 0o600));
  }
  const db = new Database(file);
  try {
    if (keyed) applyKey(db, keyed);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // An encrypted file gets 16 MiB of page cache (SQLite's default is 2 MiB): a page read again is not read and
    // decrypted again; with it, ingest into an encrypted file costs about what it costs into a plain one
    // (bench/encryption.ts). A plain file keeps the default: the OS caches its pages already, and a daemon that
    // has answered a 5-year report should not hold 16 MiB more for good (malloc keeps what SQLite frees).
    if (keyed) db.pragma('cache_size = -16384');
    // What a delete frees is overwritten with zeros, so that deleted names and titles leave the file (scrub.ts).
    db.pragma('secure_delete = ON');
    const created = userVersion(db) === 0;
    migrate(db);
    if (created) markClean(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
