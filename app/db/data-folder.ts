/**
 * The data folder holds a personal activity log, the exclusions (settings.json) and the API token: other
 * local users must not read any of it. The folder is created owner-only (0700) and every file Time Audit keeps
 * there is owner-only (0600). A folder or file found looser than that (made by an older version, or by a
 * library that used the default umask) is tightened; a mode is never loosened.
 *
 * The folder itself is tightened only when it is Time Audit's: created just now, empty, holding nothing but
 * Time Audit's files, or known to be the app's own (the OS app-data folder, the desktop app's userData, where
 * Electron keeps its caches too). A folder the user chose that holds other things is left as it is, since
 * closing it could break whatever else uses it; Time Audit's files in it are owner-only all the same.
 *
 * Windows has no such modes (the profile folder's ACLs keep other users out): nothing is done there.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/logger.ts';
import { DATABASE_FILE } from './open.ts';
import { LOCK_FILE, HOLDER_FILE } from './data-lock.ts';
import { BACKUPS_DIR } from './backup.ts';

/**
 * Every file Time Audit keeps in a data folder: the database with SQLite's side files, the API token
 * (app/server/token.ts), the settings (settings.json, app/db/settings-file.ts) and the lock.
 */
export const DATA_FILES: readonly string[] = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
  `${DATABASE_FILE}-journal`,
  'token',
  'settings.json',
  LOCK_FILE,
  HOLDER_FILE,
];

const POSIX = process.platform !== 'win32';
const OTHERS = 0o077;

export interface PrepareOptions {
  /** The folder is the app's own whatever it holds (the OS app-data folder, Electron's userData). */
  own?: boolean;
  log?: Logger | undefined;
}

/** Creates the data folder owner-only if needed, and makes it and Time Audit's files in it owner-only. */
export function prepareDataFolder(dir: string, options: PrepareOptions = {}): void {
  const existed = existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  const mode = statSync(dir).mode & 0o777;
  if ((mode & OTHERS) !== 0) {
    if (!existed || options.own || holdsOnlyOurs(dir)) {
      chmodSync(dir, mode & ~OTHERS);
      options.log?.warn(`the data folder was open to other users; restricting it to the owner`, {
        dir,
        mode: mode.toString(8),
      });
    } else {
      options.log?.warn(
        `the data folder holds other files and is open to other users (mode ${mode.toString(8)}); ` +
          `it is left as it is, and Time Audit's own files in it are readable by their owner only`,
        { dir },
      );
    }
  }
  for (const name of DATA_FILES) tightenFile(path.join(dir, name));
}

function holdsOnlyOurs(dir: string): boolean {
  // conf writes settings.json through a temporary file next to it; backups and a database a restore replaced
  // (app/db/backup.ts, restore.ts) are ours too.
  return readdirSync(dir).every(
    (name) =>
      DATA_FILES.includes(name) ||
      name.startsWith('settings.json.') ||
      name === BACKUPS_DIR ||
      name.startsWith(`${DATABASE_FILE}.replaced-`),
  );
}

/** Owner-only, if the file exists and is a regular file (a symlink is not followed). */
export function tightenFile(file: string): void {
  if (!POSIX) return;
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const mode = stat.mode & 0o777;
  if (stat.isFile() && (mode & OTHERS) !== 0) chmodSync(file, mode & ~OTHERS);
}
