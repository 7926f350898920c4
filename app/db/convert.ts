/**
 * Encrypting and decrypting a data folder's database in place (`timeaudit encrypt|decrypt`). The caller holds
 * the data folder's lock (app/db/data-lock.ts): nothing else has the database open.
 *
 *   timeaudit.sqlite ──VACUUM INTO──▶ timeaudit.sqlite.converting   (a compact copy, the old cipher)
 *                                     └─ PRAGMA rekey, no journal    (every page rewritten in the new cipher)
 *                                     └─ integrity_check, row counts of every table equal, fsync
 *   timeaudit.sqlite ──link──▶ .old;  .converting ──rename──▶ timeaudit.sqlite;  .old zeroed, then unlinked
 *
 * The live name always holds a whole database: before the rename the old one, after it the new one. The copy
 * is rekeyed without a rollback journal (SQLite3MultipleCiphers refuses rekey in WAL mode, and a journal would
 * hold plaintext pages): a crash then spoils only the copy, which the next run removes.
 *
 * Encrypting keeps nothing in plaintext behind: the old file is overwritten with zeros before it is unlinked,
 * its WAL was folded in and truncated, the backups in `<data>/backups/` are encrypted with the same key (one
 * that cannot be read is removed), and databases a restore set aside (`timeaudit.sqlite.replaced-*`) are removed.
 * Decrypting turns the backups the key opens back into plain files too.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { fstatSync, writeSync } from 'node:fs';
import path from 'node:path';
import { conflict, notFound } from '../core/errors.ts';
import { applyKey, databaseState, keyOpens, rekey } from './cipher.ts';
import { backupsFolder } from './backup.ts';
import { databasePath, DATABASE_FILE } from './open.ts';

export interface ConvertStep {
  /** What is being done, for a progress line: "copying", "verifying", "backups". */
  step: string;
  done: number;
  total: number;
}

export interface ConvertResult {
  encrypted: boolean;
  /** Rows of every table, equal in the old file and the new. */
  rows: number;
  /** Backups rewritten in the new form, and those removed because they could not be (full paths). */
  backupsRewritten: string[];
  backupsRemoved: string[];
  /** Other files removed: databases a restore had set aside. */
  leftoversRemoved: string[];
}

/**
 * Encrypts the database of `dataDir` with `key` (to: key), or decrypts it (to: null, from: its key). Throws a
 * conflict when it is already in the asked form, and not_found when there is no database.
 */
export function convertDatabase(
  dataDir: string,
  change: { from: Buffer | null; to: Buffer | null },
  progress: (step: ConvertStep) => void = () => {},
): ConvertResult {
  const live = databasePath(dataDir);
  const state = databaseState(live);
  const encrypting = change.to !== null;
  if (state === 'absent') throw notFound(`there is no database in ${dataDir} yet`);
  if (encrypting && state === 'encrypted') throw conflict('the database is encrypted already');
  if (!encrypting && state === 'plain') throw conflict('the database is not encrypted');

  // What a conversion cut short left (a crash between the swap and the zeroing): old content, removed first.
  for (const folder of [dataDir, backupsFolder(dataDir)])
    if (existsSync(folder))
      for (const name of readdirSync(folder))
        if (/\.sqlite\.old-\d+$/.test(name)) shred(path.join(folder, name));
  progress({ step: 'copying', done: 0, total: 3 });
  const rows = convertFile(live, change.from, change.to, progress);
  const result: ConvertResult = {
    encrypted: encrypting,
    rows,
    backupsRewritten: [],
    backupsRemoved: [],
    leftoversRemoved: [],
  };

  const folder = backupsFolder(dataDir);
  const backups = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.sqlite') && !name.startsWith('.'))
        .map((name) => path.join(folder, name))
    : [];
  backups.forEach((file, i) => {
    progress({ step: 'backups', done: i, total: backups.length });
    const form = databaseState(file);
    if (encrypting ? form !== 'plain' : form !== 'encrypted') return;
    if (!encrypting && change.from && !keyOpens(file, change.from)) return;
    try {
      convertFile(file, change.from, change.to, () => {});
      result.backupsRewritten.push(file);
    } catch {
      // A damaged backup cannot be rewritten; encrypting must not leave it readable, decrypting leaves it be.
      if (encrypting) {
        shred(file);
        result.backupsRemoved.push(file);
      }
    }
  });
  if (encrypting)
    for (const name of readdirSync(dataDir)) {
      if (!name.startsWith(`${DATABASE_FILE}.replaced-`)) continue;
      const file = path.join(dataDir, name);
      shred(file);
      result.leftoversRemoved.push(file);
    }
  progress({ step: 'done', done: 3, total: 3 });
  return result;
}

/** Rewrites one database file from key `from` to key `to` (null: plain) through a verified copy; returns rows. */
function convertFile(
  file: string,
  from: Buffer | null,
  to: Buffer | null,
  progress: (step: ConvertStep) => void,
): number {
  const copy = `${file}.converting`;
  removeWithSideFiles(copy);
  try {
    const source = open(file, from);
    let counts: Map<string, number>;
    try {
      // The WAL's pages go into the file and the WAL is emptied: none of it is left beside the new file.
      if (source.pragma('journal_mode', { simple: true }) === 'wal')
        source.pragma('wal_checkpoint(TRUNCATE)');
      counts = rowCounts(source);
      // The copy has the source's cipher and key, and is in rollback mode (one file); owner-only from its start.
      closeSync(openSync(copy, 'wx', 0o600));
      source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    } finally {
      source.close();
    }
    progress({ step: 'rewriting', done: 1, total: 3 });
    const target = open(copy, from);
    try {
      target.pragma('journal_mode = OFF');
      rekey(target, to);
    } finally {
      target.close();
    }
    progress({ step: 'verifying', done: 2, total: 3 });
    verify(copy, to, counts);
    fsyncFile(copy);
    swap(file, copy);
    return [...counts.values()].reduce((a, b) => a + b, 0);
  } finally {
    removeWithSideFiles(copy);
  }
}

function open(file: string, key: Buffer | null): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function rowCounts(db: Database.Database): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

/** The copy opens with its new key (or none), passes SQLite's integrity check and holds every row. */
function verify(copy: string, key: Buffer | null, expected: Map<string, number>): void {
  if (databaseState(copy) !== (key ? 'encrypted' : 'plain'))
    throw new Error(`the converted copy ${copy} is not ${key ? 'encrypted' : 'plain'}`);
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new Error(`the converted copy fails SQLite's integrity check (${problems[0] ?? 'no answer'})`);
    const counts = rowCounts(db);
    for (const [table, n] of expected)
      if (counts.get(table) !== n)
        throw new Error(`the converted copy has ${counts.get(table) ?? 0} rows in ${table}, not ${n}`);
  } finally {
    db.close();
  }
}

/** Puts `copy` in place of `file`; the old content is zeroed and unlinked. The live name is never empty. */
function swap(file: string, copy: string): void {
  const old = `${file}.old-${process.pid}`;
  rmSync(old, { force: true });
  linkSync(file, old);
  for (const side of ['-wal', '-shm', '-journal']) rmSync(`${file}${side}`, { force: true });
  renameSync(copy, file);
  fsyncDir(path.dirname(file));
  shred(old);
}

const ZEROS = Buffer.alloc(1 << 20);

/** Overwrites a file with zeros, then unlinks it (with its side files). */
export function shred(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) {
    const f = `${file}${side}`;
    if (!existsSync(f)) continue;
    try {
      const fd = openSync(f, 'r+');
      try {
        const size = fstatSync(fd).size;
        for (let at = 0; at < size; at += ZEROS.length)
          writeSync(fd, ZEROS, 0, Math.min(ZEROS.length, size - at), at);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } finally {
      rmSync(f, { force: true });
    }
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeWithSideFiles(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${side}`, { force: true });
}
