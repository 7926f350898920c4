import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { loadSettings, SettingsFile, SettingsFileError } from './settings-file.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it("reads the desktop app's settings.json, migrated, and defaults without one", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-settings-'));
  dirs.push(dir);
  expect(loadSettings(dir)).toEqual(DEFAULT_SETTINGS);
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ idleThresholdMinutes: 7, port: '47700' }));
  expect(loadSettings(dir)).toMatchObject({ version: 1, idleMinutes: 7, port: 47700 });
});

it('saves a change whole and valid, and refuses an invalid one without writing', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-settings-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ idleThresholdMinutes: 7 }));
  const file = new SettingsFile(dir);
  expect(file.update({ excludedApps: ['KeePassXC'] })).toMatchObject({
    idleMinutes: 7,
    excludedApps: ['KeePassXC'],
  });
  const written = readFileSync(path.join(dir, 'settings.json'), 'utf8');
  expect(JSON.parse(written)).toMatchObject({ version: 1, idleMinutes: 7, excludedApps: ['KeePassXC'] });
  expect(() => file.update({ idleMinutes: -1 })).toThrow();
  expect(readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(written);
  expect(loadSettings(dir).excludedApps).toEqual(['KeePassXC']);
});

it('keeps the file owner-only, and refuses one that is not JSON without touching it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-settings-'));
  dirs.push(dir);
  const file = new SettingsFile(dir);
  file.update({ idleMinutes: 9 });
  const settingsPath = path.join(dir, 'settings.json');
  if (process.platform !== 'win32') expect(statSync(settingsPath).mode & 0o777).toBe(0o600);
  expect(readdirSync(dir)).toEqual(['settings.json']);

  writeFileSync(settingsPath, '{"idleMinutes": 9,');
  expect(() => file.get()).toThrow(SettingsFileError);
  expect(() => file.get()).toThrow(/settings\.json is not valid JSON/);
  expect(() => file.update({ idleMinutes: 4 })).toThrow(SettingsFileError);
  expect(readFileSync(settingsPath, 'utf8')).toBe('{"idleMinutes": 9,');
});

it('reads an empty file as the defaults', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-settings-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'settings.json'), '');
  expect(loadSettings(dir)).toEqual(DEFAULT_SETTINGS);
});
