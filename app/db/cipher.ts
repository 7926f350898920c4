/**
 * Encryption at rest, the SQLite side: SQLite3MultipleCiphers (better-sqlite3-multiple-ciphers) encrypts every
 * page of the file with a 256-bit key given as the connection's very first statement. The cipher is named
 * explicitly, ChaCha20-Poly1305 (the library's default, "sqleet"): fast in software on every CPU (no AES
 * instructions needed), and each page carries a MAC, so a wrong key or a changed byte is refused, not misread.
 *
 * Whether a file is encrypted is told by its first 16 bytes: a plain SQLite file starts with
 * "SQLite format 3\0", an encrypted one with a random salt.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export const CIPHER = 'chacha20';
export const KEY_BYTES = 32;
const SQLITE_MAGIC = 'SQLite format 3\0';

export type DatabaseState = 'absent' | 'plain' | 'encrypted';

/** The state of a database file, from its header alone (nothing is opened through SQLite, nothing written). */
export function databaseState(file: string): DatabaseState {
  if (file === ':memory:' || file === '') return 'absent';
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return 'absent';
    size = stat.size;
  } catch {
    return 'absent';
  }
  if (size === 0) return 'absent';
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === SQLITE_MAGIC ? 'plain' : 'encrypted';
}

/** Gives a fresh connection its key: must come before any other statement that reads the file. */
export function applyKey(db: Database.Database, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`a database key is ${KEY_BYTES} bytes, not ${key.length}`);
  db.pragma(`cipher = '${CIPHER}'`);
  // A raw key (x'…'): 256 random bits need no key derivation, so opening costs nothing extra.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Encrypts (key) or decrypts (null) the file of an open connection in rollback-journal mode, in place. */
export function rekey(db: Database.Database, key: Buffer | null): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(key === null ? `rekey = ''` : `rekey = "x'${key.toString('hex')}'"`);
}

/**
 * Whether `key` opens the encrypted `file`: read-only, so a wrong key never writes a byte (nor makes -wal or
 * -shm files beside it that were not there).
 */
export function keyOpens(file: string, key: Buffer): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
