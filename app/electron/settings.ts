/**
 * The desktop app's settings: `<userData>/settings.json` through electron-store, the same file the headless
 * daemon reads through conf. Every read goes through migrateSettings, so an old or hand-edited file never
 * reaches the app invalid.
 */
import ElectronStore from 'electron-store';
import { migrateSettings, type Settings } from '../shared/settings.ts';

export const SETTINGS_NAME = 'settings';

export class DesktopSettings {
  private readonly file: ElectronStore<Record<string, unknown>>;

  constructor(cwd: string) {
    // Owner-only: the exclusions say what the user keeps private.
    this.file = new ElectronStore<Record<string, unknown>>({
      cwd,
      name: SETTINGS_NAME,
      configFileMode: 0o600,
    });
    // Write the migrated form back once, so the file on disk is always the current version.
    this.file.store = { ...migrateSettings(this.file.store) };
  }

  get(): Settings {
    return migrateSettings(this.file.store);
  }

  update(change: Partial<Settings>): Settings {
    const next = migrateSettings({ ...this.get(), ...change });
    this.file.store = { ...next };
    return next;
  }
}
