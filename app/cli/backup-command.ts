/**
 * `timeaudit backup [--out FILE]` and `timeaudit restore FILE`.
 *
 * A backup reads the database through a connection of its own (app/db/backup.ts), so it works the same
 * whether or not the daemon runs, and needs no lock. A restore replaces the database: it takes the data
 * folder's lock, so it refuses while the daemon or the desktop app runs (they would go on writing to the file
 * it replaces), and keeps the replaced database beside the restored one.
 */
import path from 'node:path';
import { DataFolderLock } from '../db/data-lock.ts';
import { backupDatabase } from '../db/backup.ts';
import { DailyBackups } from '../db/daily-backups.ts';
import { restoreDatabase } from '../db/restore.ts';
import { formatBytes } from '../shared/format.ts';
import { databasePath } from './paths.ts';
import { databaseKey } from './database-key.ts';
import { KeyStores } from '../db/keys/choose.ts';

export async function backupCommand(opts: { dataDir: string; out?: string | undefined }): Promise<void> {
  const key = databaseKey(opts.dataDir);
  const made = opts.out
    ? await backupDatabase(databasePath(opts.dataDir), path.resolve(opts.out), key)
    : await new DailyBackups({ dataDir: opts.dataDir, key: () => key }).backupNow();
  console.log(`Backed up ${databasePath(opts.dataDir)} to ${made.path} (${formatBytes(made.bytes)}).`);
}

export async function restoreCommand(file: string, opts: { dataDir: string }): Promise<void> {
  const lock = DataFolderLock.acquire(opts.dataDir, 'restore');
  try {
    // An encrypted backup opens with the folder's key, whatever the live database is now.
    let key: Buffer | null = null;
    try {
      key = new KeyStores(opts.dataDir).find().found?.key ?? null;
    } catch {
      // No readable key: a plain backup restores all the same; an encrypted one is refused as not SQLite.
    }
    const done = await restoreDatabase(opts.dataDir, file, Date.now, key);
    const { window, browser, idle, manual } = done.counts;
    const migrated =
      done.fromVersion < done.toVersion
        ? `, upgraded from schema ${done.fromVersion} to ${done.toVersion}`
        : '';
    const latest =
      done.latestStartMs === null ? 'no events' : `latest ${new Date(done.latestStartMs).toISOString()}`;
    console.log(
      `Restored ${path.resolve(file)} to ${databasePath(opts.dataDir)}${migrated}: ${window} window, ` +
        `${browser} browser and ${idle} idle events, ${manual} entries logged by hand (${latest}).`,
    );
    console.log(
      done.replaced
        ? `The database it replaced is kept as ${done.replaced}.`
        : 'The data folder had no database before.',
    );
  } finally {
    lock.release();
  }
}
