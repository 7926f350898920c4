/**
 * The settings while the app runs: the saved ones (a SettingsAccess over settings.json, the same file in the
 * daemon and the desktop app), and what of them runs now. A change is saved first, then applied where it
 * can be at once: the exclusions (one object shared by the server and the tracker), the title redaction (one
 * object the store applies to every window event it writes) and the away threshold
 * (the tracker and the extension's pairing, through onChange). The port and the sampling interval are read
 * once at start, so a changed one is listed in restart_needed until the app restarts.
 *
 *   saved at start:   port 47600   ──PATCH port 47601──▶  saved 47601, running 47600  → restart_needed ["port"]
 *                                  ──PATCH port 47600──▶  saved 47600, running 47600  → restart_needed []
 *
 * What runs is not always what was saved: `serve --port 39211` runs on 39211 whatever the file says. runsWith()
 * tells the values in force, so restart_needed lists the port until the saved one is the one running.
 */
import {
  RESTART_FIELDS,
  fromSettingsPatch,
  settingsNameOf,
  toSettingsView,
  type RestartField,
  type SettingsPatch,
  type SettingsView,
} from '../shared/settings-api.ts';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../shared/settings.ts';
import { createLiveExclusions, type Exclusions, type LiveExclusions } from './exclusions.ts';
import { createLiveRedaction, type LiveRedaction, type TitleRedaction } from './redaction.ts';

/** Where the settings are kept: read each time (another process may have written), written whole. */
export interface SettingsAccess {
  get(): Settings;
  update(change: Partial<Settings>): Settings;
}

/** Settings kept in memory only: for a server started without a settings file (tests, tools). */
export function memorySettings(initial: Settings = DEFAULT_SETTINGS): SettingsAccess {
  let current = structuredClone(initial);
  return {
    get: () => structuredClone(current),
    update: (change) => {
      current = migrateSettings({ ...current, ...change });
      return structuredClone(current);
    },
  };
}

export interface LiveSettingsOptions {
  /** The away threshold in effect when it is not the saved one (the daemon's --idle-minutes). */
  idleMinutes?: number | undefined;
}

export class LiveSettings {
  private readonly file: SettingsAccess;
  /** The values the port and the sampling interval run with: the saved ones at start, unless runsWith() says. */
  private started: Settings;
  private readonly live: LiveExclusions;
  private readonly liveRedaction: LiveRedaction;
  private idleMinutesNow: number;
  private readonly listeners: Array<(next: Settings, previous: Settings) => void> = [];

  constructor(file: SettingsAccess, options: LiveSettingsOptions = {}) {
    this.file = file;
    this.started = file.get();
    this.live = createLiveExclusions({
      apps: this.started.excludedApps,
      domains: this.started.excludedDomains,
    });
    this.idleMinutesNow = options.idleMinutes ?? this.started.idleMinutes;
    this.liveRedaction = createLiveRedaction(this.started);
  }

  /** What of a title is never stored, always the saved policy: hand this one object to the store. */
  get redaction(): TitleRedaction {
    return this.liveRedaction;
  }

  /** The port and sampling interval in force when they are not the saved ones (a flag, a port picked by the OS). */
  runsWith(values: Partial<Pick<Settings, 'port' | 'pollIntervalMs'>>): void {
    this.started = { ...this.started, ...values };
  }

  /** The apps and domains never recorded, always the saved lists: hand this one object to everyone. */
  get exclusions(): Exclusions {
    return this.live;
  }

  /** The away threshold in effect, in seconds. */
  idleSeconds(): number {
    return this.idleMinutesNow * 60;
  }

  get(): Settings {
    return this.file.get();
  }

  /** Saves a change (already validated), applies what can be applied now, and tells the listeners. */
  update(change: Partial<Settings>): Settings {
    const previous = this.file.get();
    const next = this.file.update(change);
    this.live.replace({ apps: next.excludedApps, domains: next.excludedDomains });
    this.liveRedaction.replace(next);
    if (change.idleMinutes !== undefined) this.idleMinutesNow = next.idleMinutes;
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  /** Called after each saved change, with the settings before it. */
  onChange(listener: (next: Settings, previous: Settings) => void): void {
    this.listeners.push(listener);
  }

  restartNeeded(saved: Settings = this.file.get()): RestartField[] {
    return RESTART_FIELDS.filter((field) => {
      const name = settingsNameOf(field);
      return saved[name] !== this.started[name];
    });
  }

  view(): SettingsView {
    const saved = this.file.get();
    return toSettingsView(saved, this.restartNeeded(saved));
  }

  updateView(patch: SettingsPatch): SettingsView {
    const saved = this.update(fromSettingsPatch(patch));
    return toSettingsView(saved, this.restartNeeded(saved));
  }
}
