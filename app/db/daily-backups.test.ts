/** The daily backups, driven day by day with an injected clock on a real data folder. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { DailyBackups, KEEP_DAYS } from './daily-backups.ts';
import { win } from './events.testing.ts';
import { Store } from './store.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-daily-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const POSIX = process.platform !== 'win32';
const DAY_MS = 86_400_000;
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

function dataFolder(): string {
  const dir = tempDir();
  const store = Store.open({ file: path.join(dir, 'timeaudit.sqlite') });
  store.ingest('window', [win('w1', 'Code', 0, 30)]);
  store.close();
  return dir;
}

const dailies = (dir: string) =>
  readdirSync(path.join(dir, 'backups'))
    .filter((f) => /^timeaudit-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f))
    .sort();

describe('daily backups', () => {
  it('makes one a day, named by the local date, and keeps the last 7 days', async () => {
    const dir = dataFolder();
    let now = Date.UTC(2026, 2, 1, 20, 0); // 1 March 20:00 UTC is 2 March 01:30 in Kolkata
    const backups = new DailyBackups({ dataDir: dir, now: () => now, tz: 'Asia/Kolkata', log: silent });

    const first = await backups.tick();
    expect(first.made?.path).toBe(path.join(dir, 'backups', 'timeaudit-2026-03-02.sqlite'));
    expect(first.deleted).toEqual([]);
    // Later the same local day: nothing new.
    now += 3 * 60 * 60_000;
    expect(await backups.tick()).toEqual({ made: null, deleted: [] });

    // Backups made by hand in the folder are never the daily job's to delete.
    writeFileSync(path.join(dir, 'backups', 'timeaudit-2026-01-01-101010.sqlite'), 'by hand');
    writeFileSync(path.join(dir, 'backups', 'before-upgrade.sqlite'), 'by hand');

    for (let day = 1; day <= 9; day++) {
      now += DAY_MS;
      const outcome = await backups.tick();
      expect(outcome.made).not.toBeNull();
      expect(outcome.deleted).toEqual(
        day < KEEP_DAYS ? [] : [`timeaudit-2026-03-${String(day + 2 - KEEP_DAYS).padStart(2, '0')}.sqlite`],
      );
    }
    // 2 March + 9 days = 11 March: the 5th to the 11th are kept.
    expect(dailies(dir)).toEqual(
      [5, 6, 7, 8, 9, 10, 11].map((d) => `timeaudit-2026-03-${String(d).padStart(2, '0')}.sqlite`),
    );
    expect(readdirSync(path.join(dir, 'backups'))).toEqual(
      expect.arrayContaining(['timeaudit-2026-01-01-101010.sqlite', 'before-upgrade.sqlite']),
    );
    expect(backups.list().map((b) => b.name)).toHaveLength(9);
  });

  it('keeps the old ones while today’s cannot be made', async () => {
    const dir = dataFolder();
    let now = Date.UTC(2026, 2, 1, 12, 0);
    const backups = new DailyBackups({ dataDir: dir, now: () => now, tz: 'UTC', log: silent });
    for (let day = 0; day < KEEP_DAYS; day++, now += DAY_MS) await backups.tick();
    expect(dailies(dir)).toHaveLength(KEEP_DAYS);

    // The database is gone (a failing disk, a user's mistake): no backup, and nothing deleted for lack of one.
    rmSync(path.join(dir, 'timeaudit.sqlite'));
    for (let day = 0; day < 3; day++, now += DAY_MS) {
      const error = await backups.tick().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('not_found');
    }
    expect(dailies(dir)).toHaveLength(KEEP_DAYS);
    expect(dailies(dir)[0]).toBe('timeaudit-2026-03-01.sqlite');
  });

  it.runIf(POSIX)(
    'keeps them owner-only: files 0600 in a 0700 folder, tightened if found looser',
    async () => {
      const dir = dataFolder();
      mkdirSync(path.join(dir, 'backups'), { mode: 0o755 });
      chmodSync(path.join(dir, 'backups'), 0o755);
      const old = process.umask(0o022);
      try {
        const backups = new DailyBackups({
          dataDir: dir,
          now: () => Date.UTC(2026, 2, 1),
          tz: 'UTC',
          log: silent,
        });
        const daily = await backups.tick();
        const byHand = await backups.backupNow();
        expect(statSync(path.join(dir, 'backups')).mode & 0o777).toBe(0o700);
        expect(statSync(daily.made?.path as string).mode & 0o777).toBe(0o600);
        expect(statSync(byHand.path).mode & 0o777).toBe(0o600);
      } finally {
        process.umask(old);
      }
    },
  );

  it('names a backup made now by its local time, never reusing a name', async () => {
    const dir = dataFolder();
    const now = Date.UTC(2026, 6, 4, 9, 5, 7); // 10:05:07 in London (summer time)
    const backups = new DailyBackups({ dataDir: dir, now: () => now, tz: 'Europe/London', log: silent });
    const first = await backups.backupNow();
    const second = await backups.backupNow();
    expect(path.basename(first.path)).toBe('timeaudit-2026-07-04-100507.sqlite');
    expect(path.basename(second.path)).toBe('timeaudit-2026-07-04-100507-2.sqlite');
    expect(backups.list().map((b) => [b.name, b.daily])).toEqual(
      expect.arrayContaining([
        ['timeaudit-2026-07-04-100507.sqlite', false],
        ['timeaudit-2026-07-04-100507-2.sqlite', false],
      ]),
    );
  });

  it('makes today’s at start when it is missing, and stop() waits for it', async () => {
    const dir = dataFolder();
    const backups = new DailyBackups({
      dataDir: dir,
      now: () => Date.UTC(2026, 2, 1, 12),
      tz: 'UTC',
      log: silent,
    });
    backups.start();
    await backups.stop();
    expect(dailies(dir)).toEqual(['timeaudit-2026-03-01.sqlite']);
    // Started again the same day: today's exists, nothing more.
    backups.start();
    await backups.stop();
    expect(readdirSync(path.join(dir, 'backups'))).toEqual(['timeaudit-2026-03-01.sqlite']);
  });
});
