import { describe, expect, it } from 'vitest';
import { migrateSettings } from './settings.ts';
import { DEFAULT_SYNC_SETTINGS, migrateSyncSettings } from './sync-settings.ts';

describe('sync settings', () => {
  it('are off by default, and a file written before sync existed reads as off', () => {
    expect(migrateSettings({ version: 1, port: 47601 }).sync).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(DEFAULT_SYNC_SETTINGS).toMatchObject({ enabled: false, includeTitles: false, displayName: null });
  });

  it('keep a valid object as it is, with its prefix trimmed of slashes', () => {
    const sync = {
      ...DEFAULT_SYNC_SETTINGS,
      enabled: true,
      bucket: 'acme-time',
      prefix: '/team/',
      endpoint: 'http://127.0.0.1:9000',
      displayName: 'Ada',
    };
    expect(migrateSettings({ version: 1, sync }).sync).toEqual({ ...sync, prefix: 'team' });
  });

  it('keep each valid field of a hand-edited object, and are off when a field they need is wrong', () => {
    const sync = migrateSyncSettings({
      enabled: true,
      bucket: 'Not A Bucket',
      region: 'eu-west-1',
      intervalMinutes: 1,
    });
    expect(sync).toEqual({ ...DEFAULT_SYNC_SETTINGS, region: 'eu-west-1' });
    expect(migrateSyncSettings('nonsense')).toEqual(DEFAULT_SYNC_SETTINGS);
    // No secret ever stays in the file's sync settings.
    expect(migrateSyncSettings({ ...DEFAULT_SYNC_SETTINGS, secretAccessKey: 'x' })).not.toHaveProperty(
      'secretAccessKey',
    );
  });
});
