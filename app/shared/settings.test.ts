import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, migrateSettings, settingsSchema } from './settings.ts';
import { DEFAULT_SYNC_SETTINGS } from './sync-settings.ts';

describe('settings', () => {
  it('has valid defaults', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      version: SETTINGS_VERSION,
      pollIntervalMs: 1000,
      idleMinutes: 3,
      port: 47600,
      launchAtLogin: false,
      closeToTray: true,
      theme: 'system',
      excludedApps: [],
      excludedDomains: [],
      keepTitlesDays: null,
      keepEventsDays: null,
      privateApps: ['KeePassXC', '1Password', 'Bitwarden'],
      privateTitleMarkers: ['Private Browsing', 'Incognito'],
      redactEmails: true,
      redactDigitRuns: true,
      redactPatterns: [],
      sync: DEFAULT_SYNC_SETTINGS,
    });
    expect(DEFAULT_SETTINGS.sync.enabled).toBe(false);
  });

  it('gives an existing version-1 file the retention and redaction defaults, and keeps valid values', () => {
    const old = { version: 1, idleMinutes: 7, excludedApps: ['Signal'] };
    expect(migrateSettings(old)).toMatchObject({
      idleMinutes: 7,
      keepTitlesDays: null,
      privateApps: ['KeePassXC', '1Password', 'Bitwarden'],
      redactEmails: true,
    });
    const saved = {
      version: 1,
      keepTitlesDays: 30,
      keepEventsDays: 0,
      redactPatterns: ['ok-[0-9]+', '(a)\\1'],
    };
    // An invalid field takes its default; the valid ones stay.
    expect(migrateSettings(saved)).toMatchObject({
      keepTitlesDays: 30,
      keepEventsDays: null,
      redactPatterns: [],
    });
    expect(migrateSettings({ ...saved, redactPatterns: ['ok-[0-9]+'] }).redactPatterns).toEqual([
      'ok-[0-9]+',
    ]);
  });

  it('gives the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 42, 'x', [], true])
      expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('returns a copy, never the shared defaults', () => {
    const s = migrateSettings({});
    s.excludedApps.push('Slack');
    expect(DEFAULT_SETTINGS.excludedApps).toEqual([]);
  });

  it('keeps a valid current object as it is', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      port: 47601,
      theme: 'dark',
      excludedDomains: ['bank.example'],
      window: { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true },
    };
    expect(migrateSettings(s)).toEqual(s);
  });

  it('migrates version 0: renamed fields and numeric strings', () => {
    expect(migrateSettings({ idleThresholdMinutes: 5, port: '47601', pollMs: 2000, theme: 'light' })).toEqual(
      {
        ...DEFAULT_SETTINGS,
        idleMinutes: 5,
        port: 47601,
        pollIntervalMs: 2000,
        theme: 'light',
      },
    );
  });

  it('prefers the new name when a version 0 object has both', () => {
    expect(migrateSettings({ idleMinutes: 7, idleThresholdMinutes: 5 }).idleMinutes).toBe(7);
  });

  it('does not treat strings as numbers in version 1', () => {
    expect(migrateSettings({ version: 1, port: '47601' }).port).toBe(47600);
  });

  it('falls back to the default of each invalid field and keeps the valid ones', () => {
    const s = migrateSettings({
      version: 1,
      pollIntervalMs: 50,
      idleMinutes: 121,
      port: 70_000,
      launchAtLogin: 'yes',
      closeToTray: false,
      theme: 'purple',
      excludedApps: ['Slack', 3],
      excludedDomains: ['news.example'],
      window: { bounds: { x: 0, y: 0, width: -1, height: 10 }, maximized: false },
      unknown: true,
    });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false, excludedDomains: ['news.example'] });
  });

  it('upgrades a future or odd version number to the current one', () => {
    expect(migrateSettings({ version: 99, port: 1234 })).toEqual({ ...DEFAULT_SETTINGS, port: 1234 });
  });

  it('rejects invalid objects in the schema itself', () => {
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, port: 0 }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, extra: 1 }).success).toBe(false);
  });
});
