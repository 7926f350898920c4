/**
 * The settings file the desktop app writes (`<dataDir>/settings.json`, electron-store), read by the headless
 * daemon through conf — the library electron-store is built on — so both see the same values.
 */
import Conf from 'conf';
import type { SettingsAccess } from '../core/live-settings.ts';
import { migrateSettings, settingsSchema, type Settings } from '../shared/settings.ts';

export const SETTINGS_NAME = 'settings';

/** The settings in `dataDir`, upgraded and validated; defaults when there is no file yet. */
export function loadSettings(dataDir: string): Settings {
  return new SettingsFile(dataDir).get();
}

/**
 * The daemon's read-write access to settings.json (the dashboard's Settings card changes it). Each call reads
 * the file again, so that an edit by hand or by the desktop app is never overwritten with an older copy.
 */
export class SettingsFile implements SettingsAccess {
  private readonly file: Conf<Record<string, unknown>>;

  constructor(dataDir: string) {
    // Owner-only: the exclusions say what the user keeps private.
    this.file = new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: SETTINGS_NAME,
      configFileMode: 0o600,
    });
  }

  get(): Settings {
    return migrateSettings(this.file.store);
  }

  /** Writes the settings with `change` applied; throws (and writes nothing) if the result is not valid. */
  update(change: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...change });
    this.file.store = { ...next };
    return next;
  }
}
