/**
 * A full disk, in the store's words. SQLite says SQLITE_FULL when the database or its WAL cannot grow; nothing
 * of the failed transaction is kept, so the caller may answer "nothing was saved" and try again later.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { DomainError } from '../core/errors.ts';

export function isDiskFull(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_FULL';
}

export function diskFullError(): DomainError {
  return new DomainError(
    'storage_full',
    'the disk holding the database is full: nothing was saved; free some space and Time Audit goes on by itself',
  );
}
