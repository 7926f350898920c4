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

/** Page cache, in KiB, of a plain file's connection and of an encrypted one's (see openDatabase). */
export const PLAIN_CACHE_KIB = 2048;
export const ENCRYPTED_CACHE_KIB = 16384;

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
    // The page cache, set here because better-sqlite3 builds SQLite with 16 MiB as its default (stock SQLite:
    // 2 MiB). An encrypted file keeps 16 MiB: a page read again is not read and decrypted again; with it, ingest
    // into an encrypted file costs about what it costs into a plain one (bench/encryption.ts). A plain file gets
    // SQLite's stock 2 MiB: the OS caches its pages already, and a daemon that has read every event once (a
    // zone's summaries built, a backup) would otherwise hold 16 MiB more for good (malloc keeps what SQLite
    // frees; bench/daemon.ts measures it).
    db.pragma(keyed ? `cache_size = -${ENCRYPTED_CACHE_KIB}` : `cache_size = -${PLAIN_CACHE_KIB}`);
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
