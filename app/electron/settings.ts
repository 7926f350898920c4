/**
 * The desktop app's settings: `<userData>/settings.json`, the same file the headless daemon reads and writes
 * (app/db/settings-file.ts). Every read goes through migrateSettings, so an old or hand-edited file never
 * reaches the app invalid.
 */
import { SettingsFile } from '../db/settings-file.ts';
import { migrateSettings, type Settings } from '../shared/settings.ts';

export class DesktopSettings {
  private readonly file: SettingsFile;

  constructor(cwd: string) {
    this.file = new SettingsFile(cwd);
    // Write the migrated form back once, so the file on disk is always the current version.
    this.file.save(this.file.get());
  }

  get(): Settings {
    return this.file.get();
  }

  update(change: Partial<Settings>): Settings {
    const next = migrateSettings({ ...this.get(), ...change });
    this.file.save(next);
    return next;
  }
}
