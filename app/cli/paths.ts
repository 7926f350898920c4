/**
 * Where Time Audit keeps its data: --data-dir, else $TIMEAUDIT_DATA_DIR, else the OS app-data folder named
 * "Time Audit" — the same folder Electron's app.getPath('userData') gives the desktop app, so both share it.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../core/logger.ts';
import { prepareDataFolder } from '../db/data-folder.ts';

export const PRODUCT_NAME = 'Time Audit';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.TIMEAUDIT_DATA_DIR ?? defaultDataDir(env));
}

/**
 * Creates the data folder owner-only, or makes an existing one and Time Audit's files in it owner-only (see
 * app/db/data-folder.ts); the OS app-data folder counts as the app's own whatever else it holds.
 */
export function prepareDataDir(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  prepareDataFolder(dir, { own: dir === path.resolve(defaultDataDir(env)), log: createLogger('data') });
  return dir;
}

/** A data folder given to a command that does not create one (all but `serve`, `demo` and `import`). */
export class DataFolderMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderMissingError';
  }
}

/**
 * An existing data folder, made owner-only as prepareDataDir does; a folder that does not exist is an error
 * (exit code 2) rather than a new empty one, so a mistyped --data-dir does not report "no tracked time".
 */
export function existingDataDir(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat === undefined)
    throw new DataFolderMissingError(
      `the data folder ${dir} does not exist (check --data-dir; \`timeaudit serve\` or the desktop app creates it)`,
    );
  if (!stat.isDirectory()) throw new DataFolderMissingError(`the data folder ${dir} is not a folder`);
  return prepareDataDir(dir, env);
}

export { DATABASE_FILE, databasePath } from '../db/open.ts';
