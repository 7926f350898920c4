/**
 * The settings file the desktop app writes (`<dataDir>/settings.json`, electron-store), read by the headless
 * daemon through conf — the library electron-store is built on — so both see the same values.
 */
import Conf from 'conf';
import { migrateSettings, type Settings } from '../shared/settings.ts';

export const SETTINGS_NAME = 'settings';

/** The settings in `dataDir`, upgraded and validated; defaults when there is no file yet. */
export function loadSettings(dataDir: string): Settings {
  const file = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_NAME });
  return migrateSettings(file.store);
}
