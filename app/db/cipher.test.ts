/**
 * Encrypted databases in the db layer, on real files: a store created with a key is unreadable without it, a
 * missing or wrong key is refused before anything is written, backups of an encrypted database are encrypted
 * with its key and restore, and a purge reaches the encrypted backups too.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { backupDatabase } from './backup.ts';
import { databaseState, keyOpens } from './cipher.ts';
import { convertDatabase } from './convert.ts';
import { brw, T0, win, YEAR } from './events.testing.ts';
import { EncryptionKeyError, formatRecoveryKey, newKey, parseRecoveryKey } from './keys/key-store.ts';
import { openDatabase } from './open.ts';
import { purgeEverywhere } from './purge-copies.ts';
import { restoreDatabase } from './restore.ts';
import { Store } from './store.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-cipher-'));
  file = path.join(dir, 'timeaudit.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const APP = 'Hushhushmail';
const DOMAIN = 'very-private.example';

function fill(store: Store): void {
  store.ingest('window', [win('w1', APP, 0, 30), win('w2', 'Code', 30, 90)]);
  store.ingest('browser', [brw('b1', DOMAIN, 90, 120)]);
}

describe('encrypted databases', () => {
  it('are unreadable without their key and refused without writing a byte', () => {
    const key = newKey();
    const store = Store.open({ file, key });
    fill(store);
    const report = JSON.stringify(store.report(YEAR));
    store.close();
    expect(databaseState(file)).toBe('encrypted');
    for (const name of readdirSync(dir))
      expect(readFileSync(path.join(dir, name)).includes(Buffer.from(APP))).toBe(false);

    const before = { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs, names: readdirSync(dir) };
    expect(() => openDatabase(file)).toThrow(EncryptionKeyError);
    expect(() => openDatabase(file, newKey())).toThrow(
      /does not open it; restore it with `timeaudit key import`/,
    );
    expect(keyOpens(file, newKey())).toBe(false);
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir)).toEqual(before.names);

    const again = Store.open({ file, key });
    expect(JSON.stringify(again.report(YEAR))).toBe(report);
    again.close();
  });

  it('have recovery keys that read back to the same key, and nothing else does', () => {
    const key = newKey();
    const text = formatRecoveryKey(key);
    expect(text).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
    expect(parseRecoveryKey(` ${text.toUpperCase().replaceAll('-', ' ')}\n`)?.equals(key)).toBe(true);
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(`${text}0`)).toBeNull();
    expect(parseRecoveryKey('zz'.repeat(32))).toBeNull();
  });

  it('are backed up encrypted with their key, and such a backup restores', async () => {
    const key = newKey();
    const store = Store.open({ file, key });
    fill(store);
    const report = JSON.stringify(store.report(YEAR));
    const out = path.join(dir, 'copy.sqlite');
    await backupDatabase(file, out, key);
    store.close();
    expect(databaseState(out)).toBe('encrypted');
    expect(keyOpens(out, key)).toBe(true);
    expect(readFileSync(out).includes(Buffer.from(APP))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600);

    const other = path.join(dir, 'other');
    mkdirSync(other);
    const restored = await restoreDatabase(other, out, Date.now, key);
    expect(restored.counts.window).toBe(2);
    expect(databaseState(path.join(other, 'timeaudit.sqlite'))).toBe('encrypted');
    const reopened = Store.open({ file: path.join(other, 'timeaudit.sqlite'), key });
    expect(JSON.stringify(reopened.report(YEAR))).toBe(report);
    reopened.close();
  });

  it('are purged in their encrypted backups too', async () => {
    const key = newKey();
    const store = Store.open({ file, key, now: () => T0 + 86_400_000 });
    fill(store);
    mkdirSync(path.join(dir, 'backups'));
    const backup = path.join(dir, 'backups', 'timeaudit-2026-05-04.sqlite');
    await backupDatabase(file, backup, key);
    const done = purgeEverywhere(store, { kind: 'app', name: APP }, createLogger('test'));
    store.close();
    expect(done.copies).toEqual([
      expect.objectContaining({ file: path.join('backups', path.basename(backup)), purged: true }),
    ]);
    const copy = Store.open({ file: backup, key });
    const apps = copy.db.prepare('SELECT DISTINCT app FROM window_events').pluck().all();
    copy.close();
    expect(apps).toEqual(['Code']);
  });

  it('convert to and from plain, verified, with nothing left beside them', () => {
    const store = Store.open({ file });
    fill(store);
    const report = JSON.stringify(store.report(YEAR));
    store.close();
    // What a conversion cut short between its swap and its zeroing would leave: plain old content.
    writeFileSync(`${file}.old-4242`, readFileSync(file));
    const key = newKey();
    const progress: string[] = [];
    const result = convertDatabase(dir, { from: null, to: key }, (p) => progress.push(p.step));
    expect(result.rows).toBeGreaterThan(3);
    expect(progress).toEqual(['copying', 'rewriting', 'verifying', 'done']);
    expect(databaseState(file)).toBe('encrypted');
    expect(readdirSync(dir)).toEqual(['timeaudit.sqlite']);
    expect(() => convertDatabase(dir, { from: null, to: key })).toThrow(/encrypted already/);
    convertDatabase(dir, { from: key, to: null });
    expect(databaseState(file)).toBe('plain');
    expect(existsSync(`${file}.converting`)).toBe(false);
    const plain = Store.open({ file });
    expect(JSON.stringify(plain.report(YEAR))).toBe(report);
    plain.close();
  });
});
