/**
 * Restoring a backup into a data folder, on real files: every refusal leaves the folder as it was, and a
 * restore keeps what it replaces, the replaced database's unsaved WAL included.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { backupDatabase } from './backup.ts';
import { win } from './events.testing.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { restoreDatabase } from './restore.ts';
import { Store } from './store.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-restore-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const POSIX = process.platform !== 'win32';
const NOW = Date.UTC(2026, 10, 21, 10, 2, 3);
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
// Not read-only: a read-only connection cannot remove the -wal and -shm it opens beside the file.
const windowIds = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.prepare('SELECT event_id FROM window_events ORDER BY event_id').pluck().all();
  } finally {
    db.close();
  }
};

/** A data folder whose database holds window events `ids`, closed. */
function folderWith(ids: string[]): string {
  const dir = tempDir();
  const store = Store.open({ file: path.join(dir, 'timeaudit.sqlite') });
  store.ingest(
    'window',
    ids.map((id, i) => win(id, 'Code', i * 10, i * 10 + 5)),
  );
  store.close();
  return dir;
}

/** A backup holding window events `ids`, made as `timeaudit backup` makes it. */
async function backupWith(ids: string[]): Promise<string> {
  const dir = folderWith(ids);
  const file = path.join(tempDir(), 'backup.sqlite');
  await backupDatabase(path.join(dir, 'timeaudit.sqlite'), file);
  return file;
}

async function refusal(dataDir: string, file: string): Promise<DomainError> {
  const live = path.join(dataDir, 'timeaudit.sqlite');
  const before = { files: readdirSync(dataDir).sort(), live: hash(live), file: hash(file) };
  const error = await restoreDatabase(dataDir, file, () => NOW).catch((e: unknown) => e);
  if (!(error instanceof DomainError)) throw error instanceof Error ? error : new Error('it was restored');
  // Nothing replaced, nothing left behind, and the file given is as it was.
  expect({ files: readdirSync(dataDir).sort(), live: hash(live), file: hash(file) }).toEqual(before);
  expect(readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(file)}-`))).toEqual([]);
  return error;
}

describe('restoreDatabase', () => {
  it('refuses what is not a whole Time Audit database this version can read', async () => {
    const dir = folderWith(['live-1']);
    const good = await backupWith(['b-1', 'b-2', 'b-3']);
    const scratch = path.dirname(good);
    const copy = (name: string) => {
      const file = path.join(scratch, name);
      copyFileSync(good, file);
      return file;
    };

    const text = path.join(scratch, 'notes.txt');
    writeFileSync(
      text,
      'not a database at all, but long enough to have a header of a hundred bytes. '.repeat(3),
    );
    expect((await refusal(dir, text)).message).toBe(
      `cannot restore ${text}: it is not a SQLite database (a Time Audit backup is one)`,
    );

    const cutMidPage = copy('cut-mid-page.sqlite');
    truncateSync(cutMidPage, statSync(good).size - 1000);
    expect((await refusal(dir, cutMidPage)).message).toMatch(
      /: the file is cut short \(\d+ bytes where its header announces \d+\)/,
    );

    const cutOnPage = copy('cut-on-page.sqlite');
    truncateSync(cutOnPage, statSync(good).size - 4096);
    expect((await refusal(dir, cutOnPage)).message).toMatch(/: the file is cut short/);

    const newer = copy('newer.sqlite');
    const known = loadMigrations().length;
    new Database(newer).pragma(`user_version = ${known + 1}`);
    expect((await refusal(dir, newer)).message).toBe(
      `cannot restore ${newer}: it has schema version ${known + 1}, written by a newer Time Audit; ` +
        `this one knows up to ${known}: update the app first`,
    );

    const other = path.join(scratch, 'other-app.sqlite');
    const foreign = new Database(other);
    foreign.exec(
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1)',
    );
    foreign.close();
    expect((await refusal(dir, other)).message).toBe(
      `cannot restore ${other}: it is not a Time Audit database ` +
        '(it has no categories, subjects, window_events, browser_events, idle_events tables)',
    );

    // An index page emptied: every page is there, the header is right, only SQLite's check can tell.
    const damaged = copy('damaged.sqlite');
    const raw = new Database(damaged);
    const root = raw
      .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'window_events_by_start'`)
      .pluck()
      .get() as number;
    raw.close();
    const bytes = readFileSync(damaged);
    const emptyLeaf = Buffer.alloc(4096);
    emptyLeaf.set([0x0a, 0, 0, 0, 0, 0x10, 0x00, 0]);
    emptyLeaf.copy(bytes, (root - 1) * 4096);
    writeFileSync(damaged, bytes);
    const error = await refusal(dir, damaged);
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(
      new RegExp(`^cannot restore ${damaged}: it fails SQLite's integrity check \\(.+\\)$`),
    );

    expect((await refusal(dir, path.join(dir, 'timeaudit.sqlite'))).message).toMatch(
      /it is the database in use itself/,
    );
    const folder = await restoreDatabase(dir, scratch, () => NOW).catch((e: unknown) => e);
    expect((folder as DomainError).message).toBe(`cannot restore ${scratch}: it is not a file`);
    expect(windowIds(path.join(dir, 'timeaudit.sqlite'))).toEqual(['live-1']);
  });

  it('puts the backup in place and keeps the replaced database, with the commits still in its WAL', async () => {
    const dir = folderWith(['live-1']);
    const live = path.join(dir, 'timeaudit.sqlite');
    // A daemon killed with commits still in its WAL: the files as it left them, copied while it had them open.
    const crashed = Store.open({ file: live });
    crashed.db.pragma('wal_autocheckpoint = 0');
    crashed.ingest('window', [win('live-2', 'Code', 100, 110)]);
    const left = tempDir();
    for (const f of ['', '-wal']) copyFileSync(`${live}${f}`, path.join(left, `timeaudit.sqlite${f}`));
    crashed.close();
    for (const f of ['', '-wal', '-shm']) rmSync(`${live}${f}`, { force: true });
    for (const f of ['', '-wal']) copyFileSync(path.join(left, `timeaudit.sqlite${f}`), `${live}${f}`);
    expect(statSync(`${live}-wal`).size).toBeGreaterThan(0);

    const backup = await backupWith(['b-1', 'b-2']);
    const untouched = hash(backup);
    const done = await restoreDatabase(dir, backup, () => NOW);

    const kept = path.join(dir, 'timeaudit.sqlite.replaced-2026-11-21T10-02-03Z');
    expect(done).toMatchObject({ replaced: kept, counts: { window: 2, browser: 0, idle: 0, manual: 0 } });
    expect(windowIds(live)).toEqual(['b-1', 'b-2']);
    // The old WAL was folded into the file kept, not replayed into the restored one.
    expect(windowIds(kept)).toEqual(['live-1', 'live-2']);
    expect(readdirSync(dir).sort()).toEqual([
      'timeaudit.sqlite',
      'timeaudit.sqlite.replaced-2026-11-21T10-02-03Z',
    ]);
    if (POSIX) for (const f of [live, kept]) expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(hash(backup)).toBe(untouched);
    const store = Store.open({ file: live });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();

    // Restored again the same second: a second name, nothing overwritten.
    const again = await restoreDatabase(dir, backup, () => NOW);
    expect(again.replaced).toBe(`${kept}-2`);
    expect(windowIds(kept)).toEqual(['live-1', 'live-2']);
  });

  it('upgrades a backup written by an older version, keeping its data', async () => {
    const dir = tempDir();
    const old = path.join(tempDir(), 'v5.sqlite');
    const db = new Database(old);
    migrate(db, loadMigrations(), 5);
    db.prepare(
      `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES ('w-old', 'Code', '', ?, ?, 'api')`,
    ).run(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1, 1));
    db.close();
    const done = await restoreDatabase(dir, old, () => NOW);
    expect(done).toMatchObject({ replaced: null, fromVersion: 5, toVersion: loadMigrations().length });
    expect(windowIds(path.join(dir, 'timeaudit.sqlite'))).toEqual(['w-old']);
    expect(existsSync(path.join(dir, 'timeaudit.sqlite.restoring'))).toBe(false);
  });
});
