/**
 * `timeaudit retention` as a user runs it: a real process on a real data folder whose settings.json keeps 30
 * days of events and 7 of titles. Without --apply it only says what would go; with it, it does that. And the
 * daemon, started on such a folder, applies it by itself, to the database and to the backup it makes that day.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { runCli, startDaemon } from './daemon.testing.ts';
import { databasePath } from './paths.ts';

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn', TZ: 'UTC' };
const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const rows = (dir: string, sql: string) => {
  const store = Store.open({ file: databasePath(dir) });
  try {
    return store.db.prepare(sql).pluck().get() as number;
  } finally {
    store.close();
  }
};

/** A data folder with an hour a day for 60 days (the last one yesterday), keeping 30 days and 7 of titles. */
function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-retention-cli-'));
  dirs.push(dir);
  const store = Store.open({ file: databasePath(dir) });
  const today = Math.floor(Date.now() / DAY) * DAY;
  store.ingest(
    'window',
    Array.from({ length: 60 }, (_, i) => ({
      eventId: `w${i}`,
      app: 'Code',
      title: `notes ~${i}~`,
      startMs: today - (i + 1) * DAY + 9 * 3_600_000,
      endMs: today - (i + 1) * DAY + 10 * 3_600_000,
    })),
  );
  store.close();
  writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({ version: 1, keepTitlesDays: 7, keepEventsDays: 30 }),
  );
  return dir;
}

describe('timeaudit retention', () => {
  it('says what the saved settings remove, and removes it with --apply', () => {
    const dir = folder();
    const dry = runCli(['retention', '--data-dir', dir], env);
    expect(dry.status, dry.stderr).toBe(0);
    // Kept: today and the 30 days before (30 events); of them, titles of the 7 last days.
    expect(dry.stdout).toContain('blank 23 window titles');
    expect(dry.stdout).toContain('delete 30 events (30h)');
    expect(dry.stdout).toContain('add --apply');
    expect(rows(dir, 'SELECT count(*) FROM window_events')).toBe(60);

    const applied = runCli(['retention', '--apply', '--data-dir', dir], env);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('30 events deleted, 23 titles blanked');
    expect(rows(dir, 'SELECT count(*) FROM window_events')).toBe(30);
    expect(rows(dir, "SELECT count(*) FROM window_events WHERE title <> ''")).toBe(7);

    const again = runCli(['retention', '--data-dir', dir], env);
    expect(again.stdout).toContain('nothing to remove');
  });

  it('is applied by the daemon at start, to the database and the backup it makes', async () => {
    const dir = folder();
    const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env);
    try {
      await expect
        .poll(() => rows(dir, "SELECT count(*) FROM window_events WHERE title <> ''"), { timeout: 20_000 })
        .toBe(7);
      expect(rows(dir, 'SELECT count(*) FROM window_events')).toBe(30);
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
    const backups = path.join(dir, 'backups');
    const made = readdirSync(backups).filter((n) => n.endsWith('.sqlite'));
    expect(made).toHaveLength(1);
    const bytes = readFileSync(path.join(backups, made[0]!)).toString('utf8');
    expect(bytes).toContain('notes ~0~'); // a kept title: the search works
    for (const i of [7, 20, 29, 30, 45, 59]) expect(bytes).not.toContain(`notes ~${i}~`);
    for (const f of [databasePath(dir), `${databasePath(dir)}-wal`].filter((f) => existsSync(f)))
      expect(readFileSync(f).toString('utf8')).not.toContain('notes ~45~');
  });
});
