/**
 * Where Time Audit keeps its data: --data-dir, else $TIMEAUDIT_DATA_DIR, else the OS app-data folder named
 * "Time Audit" — the same folder Electron's app.getPath('userData') gives the desktop app, so both share it.
 */
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

export { DATABASE_FILE, databasePath } from '../db/open.ts';
