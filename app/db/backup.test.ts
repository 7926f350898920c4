/** Online backups on real files: what the copy holds, while another connection keeps writing, and its mode. */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { backupDatabase } from './backup.ts';
import { brw, win } from './events.testing.ts';
import { Store } from './store.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-backup-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const POSIX = process.platform !== 'win32';

async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('backupDatabase', () => {
  it('copies a store in use into one owner-only file that reports the same', async () => {
    const dir = tempDir();
    const store = Store.open({ file: path.join(dir, 'timeaudit.sqlite') });
    try {
      store.ingest('window', [win('w1', 'Code', 0, 30), win('w2', 'Chrome', 30, 60)]);
      store.ingest('browser', [brw('b1', 'github.com', 30, 45)]);
      const out = path.join(dir, 'copy.sqlite');
      const made = await backupDatabase(path.join(dir, 'timeaudit.sqlite'), out);
      expect(made).toEqual({ path: out, bytes: statSync(out).size });
      if (POSIX) expect(statSync(out).mode & 0o777).toBe(0o600);
      // One file: rollback-journal mode, nothing left beside it, not even the copy under way.
      expect(readdirSync(dir).filter((f) => f.startsWith('copy') || f.includes('partial'))).toEqual([
        'copy.sqlite',
      ]);
      const raw = new Database(out, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
      raw.close();

      const copy = Store.open({ file: out });
      try {
        const range = { fromMs: Date.UTC(2026, 4, 4), toMs: Date.UTC(2026, 4, 5), tz: 'UTC' };
        expect(copy.report(range)).toEqual(store.report(range));
      } finally {
        copy.close();
      }
    } finally {
      store.close();
    }
  });

  it('finishes while another connection commits between its steps, holding exactly what came before', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'busy.sqlite');
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
    const insert = writer.prepare('INSERT INTO t (v) VALUES (randomblob(4000))');
    // About 40 MiB: ten steps of the copy, each followed by commits of the writer.
    writer.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run();
    })();
    let commits = 0;
    let writing = true;
    // Bounded, so that a backup that restarts at each commit ends too, and says so by what it holds.
    const write = () => {
      if (!writing || commits === 5_000) return;
      insert.run();
      commits++;
      setImmediate(write);
    };
    setImmediate(write);
    const made = backupDatabase(file, path.join(dir, 'copy.sqlite'));
    // Started synchronously: the snapshot is taken before the writer's first commit runs.
    await made.finally(() => (writing = false));
    expect(commits).toBeGreaterThan(0);
    const copy = new Database(path.join(dir, 'copy.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM t').pluck().get()).toBe(10_000);
    copy.close();
    expect(writer.prepare('SELECT count(*) FROM t').pluck().get()).toBe(10_000 + commits);
    writer.close();
  }, 60_000);

  it('never overwrites a file, and says what is wrong with the destination or the source', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'timeaudit.sqlite');
    Store.open({ file: source }).close();
    const taken = path.join(dir, 'mine.sqlite');
    writeFileSync(taken, 'my own file');

    const exists = await rejectionOf(backupDatabase(source, taken));
    expect(exists.kind).toBe('conflict');
    expect(exists.message).toBe(`${taken} exists already: choose another file name`);
    expect(readFileSync(taken, 'utf8')).toBe('my own file');

    const nowhere = await rejectionOf(backupDatabase(source, path.join(dir, 'no', 'such', 'x.sqlite')));
    expect(nowhere.kind).toBe('invalid');
    expect(nowhere.message).toBe(`the folder ${path.join(dir, 'no', 'such')} does not exist`);

    const none = await rejectionOf(
      backupDatabase(path.join(dir, 'absent.sqlite'), path.join(dir, 'x.sqlite')),
    );
    expect(none.kind).toBe('not_found');
    expect(existsSync(path.join(dir, 'x.sqlite'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
