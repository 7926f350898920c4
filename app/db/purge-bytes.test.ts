/**
 * "Deleted" means gone from the file: after a purge, no file of the data folder (the database, its WAL and shm,
 * the backups) holds the purged names or titles, in UTF-8 or UTF-16. The bytes are searched, not the tables.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { brw, M, T0, win, YEAR } from './events.testing.ts';
import { purgeEverywhere } from './purge-copies.ts';
import { CLEAN_KEY } from './scrub.ts';
import { Store } from './store.ts';

const NOW = T0 + 365 * 24 * 60 * M;
const log = createLogger('purge-test');
const APP = 'SecretMessenger';
const TITLE = 'Quarterly layoffs draft';
const DOMAIN = 'private-clinic.example';
/** A page of that domain: the browser's window showed its title. */
const PAGE_TITLE = 'Lab results for Jane';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-bytes-'));
  file = path.join(dir, 'timeaudit.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const p = path.join(folder, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every file of the data folder that holds `text` in UTF-8 or UTF-16 (either byte order), by name. */
function holding(text: string): string[] {
  const needles = [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    Buffer.from(text, 'utf16le').swap16(),
  ];
  return filesUnder(dir)
    .filter((f) => {
      const bytes = readFileSync(f);
      return needles.some((n) => bytes.includes(n));
    })
    .map((f) => path.relative(dir, f));
}

/** A month of activity with the secrets among it; the tracker also renamed one of its events away from APP. */
function record(store: Store): void {
  for (let day = 0; day < 30; day++) {
    const at = day * 24 * 60;
    store.ingest('window', [
      win(`c${day}`, 'Code', at, at + 60),
      { ...win(`s${day}`, APP, at + 60, at + 90), title: `${TITLE} ${day}` },
      { ...win(`f${day}`, 'Firefox', at + 90, at + 110), title: 'Pull requests — Firefox' },
      { ...win(`l${day}`, 'Firefox', at + 110, at + 150), title: `${PAGE_TITLE} — Firefox` },
    ]);
    store.ingest('browser', [
      brw(`g${day}`, 'github.com', at + 90, at + 110),
      brw(`p${day}`, DOMAIN, at + 110, at + 130),
      brw(`q${day}`, `portal.${DOMAIN}`, at + 130, at + 150),
    ]);
    // A window's title changes under the same event (the tracker's checkpoints): the old cell is freed.
    store.saveTrackedWindow({ ...win(`t${day}`, APP, at + 200, at + 201), title: TITLE });
    store.saveTrackedWindow({ ...win(`t${day}`, 'Terminal', at + 200, at + 230), title: 'make' });
  }
  store.report(YEAR); // rollups of a zone too
}

const SECRETS = [APP, TITLE, DOMAIN, PAGE_TITLE];

describe('after a purge, no file of the data folder holds what was purged', () => {
  it('an earlier version’s database (written without secure_delete) and its backups: vacuumed once', async () => {
    const old = Store.open({ file, now: () => NOW });
    old.db.pragma('secure_delete = OFF');
    old.db.prepare(`DELETE FROM app_meta WHERE key = ?`).run(CLEAN_KEY);
    record(old);
    mkdirSync(path.join(dir, 'backups'));
    await old.db.backup(path.join(dir, 'backups', 'timeaudit-2026-06-01.sqlite'));
    old.close();
    for (const secret of SECRETS) expect(holding(secret)).toContain('timeaudit.sqlite');
    expect(holding(DOMAIN)).toContain(path.join('backups', 'timeaudit-2026-06-01.sqlite'));

    const store = Store.open({ file, now: () => NOW });
    const first = purgeEverywhere(store, { kind: 'app', name: APP }, log);
    expect(first.scrubbed).toEqual({ vacuumed: true, complete: true });
    expect(first.copies).toEqual([
      {
        file: path.join('backups', 'timeaudit-2026-06-01.sqlite'),
        purged: true,
        scrubbed: { vacuumed: true, complete: true },
      },
    ]);
    const second = purgeEverywhere(store, { kind: 'domain', name: DOMAIN }, log);
    expect(second.scrubbed).toEqual({ vacuumed: false, complete: true });
    // While the store is open (a running daemon) and after it closed.
    for (const secret of SECRETS) expect(holding(secret)).toEqual([]);
    expect(
      store
        .report(YEAR)
        .subjects.map((s) => s.name)
        .sort(),
    ).toEqual([
      'Code',
      'Firefox', // its time without a browser event stays its own
      'Terminal',
      'github.com',
    ]);
    store.close();
    for (const secret of SECRETS) expect(holding(secret)).toEqual([]);
    // Only what told of the purged: the titles of the other pages stay.
    expect(holding('Pull requests')).toContain('timeaudit.sqlite');
    expect(holding('github.com').sort()).toEqual(
      [path.join('backups', 'timeaudit-2026-06-01.sqlite'), 'timeaudit.sqlite'].sort(),
    );
    const backup = Store.open({
      file: path.join(dir, 'backups', 'timeaudit-2026-06-01.sqlite'),
      now: () => NOW,
    });
    expect(backup.report(YEAR).total_ms).toBe(30 * 150 * M);
    backup.close();
  });

  it('a database written with secure_delete from the start needs no VACUUM', () => {
    const store = Store.open({ file, now: () => NOW });
    record(store);
    for (const secret of SECRETS) expect(holding(secret).length).toBeGreaterThan(0);
    const range = purgeEverywhere(
      store,
      { kind: 'range', fromMs: T0 - 60 * M, toMs: T0 + 5 * 24 * 60 * M },
      log,
    );
    expect(range.scrubbed).toEqual({ vacuumed: false, complete: true });
    purgeEverywhere(store, { kind: 'app', name: APP }, log);
    purgeEverywhere(store, { kind: 'domain', name: DOMAIN }, log);
    for (const secret of SECRETS) expect(holding(secret)).toEqual([]);
    store.close();
    for (const secret of SECRETS) expect(holding(secret)).toEqual([]);
  });

  it('names a copy it could not purge rather than passing over it', () => {
    const store = Store.open({ file, now: () => NOW });
    record(store);
    mkdirSync(path.join(dir, 'backups'));
    // A damaged backup: the header of a database, then nothing SQLite can read.
    writeFileSync(
      path.join(dir, 'backups', 'broken.sqlite'),
      Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(200, 7)]),
    );
    const done = purgeEverywhere(store, { kind: 'app', name: APP }, log);
    expect(done.copies).toEqual([
      { file: path.join('backups', 'broken.sqlite'), purged: false, error: expect.any(String) },
    ]);
    expect(done.windowEvents).toBe(30);
    store.close();
  });
});
