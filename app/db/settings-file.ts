/**
 * settings.json in the data folder: the user's settings, one JSON object shared by the headless daemon and the
 * desktop app. Every read takes the file as it is now, so that an edit by hand or by the other program is never
 * overwritten with an older copy; every write replaces it whole, owner-only (the exclusions say what the user
 * keeps private), through a temporary file and a rename, so that it never holds half a write. The format is the
 * one conf and electron-store wrote before (tab-indented JSON), so their files read as they are.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SettingsAccess } from '../core/live-settings.ts';
import { migrateSettings, settingsSchema, type Settings } from '../shared/settings.ts';

export const SETTINGS_FILE = 'settings.json';

/** settings.json cannot be read as JSON: said with its path, and left as it is for the user to mend. */
export class SettingsFileError extends Error {}

/** The settings in `dataDir`, upgraded and validated; defaults when there is no file yet. */
export function loadSettings(dataDir: string): Settings {
  return new SettingsFile(dataDir).get();
}

export class SettingsFile implements SettingsAccess {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = path.join(dataDir, SETTINGS_FILE);
  }

  get(): Settings {
    return migrateSettings(this.read());
  }

  /** Writes the settings with `change` applied; throws (and writes nothing) if the result is not valid. */
  update(change: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...change });
    this.save(next);
    return next;
  }

  /** Replaces the file with `settings`, whole. */
  save(settings: Settings): void {
    const temp = `${this.path}.${process.pid}.tmp`;
    mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(temp, `${JSON.stringify(settings, undefined, '\t')}\n`, { mode: 0o600 });
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  private read(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new SettingsFileError(
        `${this.path} is not valid JSON (${(error as Error).message}); mend it or move it away to start from the defaults`,
      );
    }
  }
}
