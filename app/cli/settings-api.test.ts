/**
 * GET / PATCH /v1/settings over real HTTP, wired as `timeaudit serve` wires them: a LiveSettings over the
 * settings.json of a temporary data folder (SettingsFile, conf). A change is saved to the file and applies to
 * the running server at once (exclusions, the pairing's idle_seconds); bad input is refused naming the field
 * and leaves the file as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSettings } from '../core/live-settings.ts';
import { browserEvent, startStoreServer, type StoreServer } from '../server/http.testing.ts';
import type { SettingsView } from '../shared/settings-api.ts';
import { loadSettings, SettingsFile } from '../db/settings-file.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const json = { 'content-type': 'application/json' };

let t: StoreServer | null = null;
let dataDir = '';
afterEach(async () => {
  await t?.close();
  t = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A server over the settings.json of a fresh folder, optionally written first. */
async function start(saved?: object): Promise<StoreServer> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-settings-'));
  if (saved) writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(saved));
  t = await startStoreServer(NOW, { settings: new LiveSettings(new SettingsFile(dataDir)) });
  return t;
}

const settingsFile = () => readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
const patch = (s: StoreServer, body: unknown) =>
  s.call({ method: 'PATCH', path: '/v1/settings', headers: json, body: JSON.stringify(body) });
const post = (s: StoreServer, route: string, events: object[]) =>
  s.call({ method: 'POST', path: route, headers: json, body: JSON.stringify({ events }) });
const rejectedCodes = (res: { json: unknown }) =>
  (res.json as { rejected: Array<{ index: number; code: string }> }).rejected.map((r) => [r.index, r.code]);

function windowEvent(id: string, app: string, start: string, end: string) {
  return {
    event_id: id,
    app,
    title: 'a window',
    start_ts: start,
    end_ts: end,
    duration_ms: Date.parse(end) - Date.parse(start),
    schema_version: 1,
  };
}

describe('GET /v1/settings', () => {
  it('answers the defaults when there is no settings file', async () => {
    const s = await start();
    const res = await s.call({ path: '/v1/settings' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      idle_minutes: 3,
      poll_interval_ms: 1000,
      port: 47600,
      excluded_apps: [],
      excluded_domains: [],
      launch_at_login: false,
      close_to_tray: true,
      theme: 'system',
      keep_titles_days: null,
      keep_events_days: null,
      private_apps: ['KeePassXC', '1Password', 'Bitwarden'],
      private_title_markers: ['Private Browsing', 'Incognito'],
      redact_emails: true,
      redact_digit_runs: true,
      redact_patterns: [],
      restart_needed: [],
    } satisfies SettingsView);
  });

  it('answers what the file holds, and needs the token', async () => {
    const s = await start({ idleThresholdMinutes: 7, excludedDomains: ['bank.example'] });
    expect((await s.call({ path: '/v1/settings' })).json).toMatchObject({
      idle_minutes: 7,
      excluded_domains: ['bank.example'],
    });
    expect((await s.call({ path: '/v1/settings', headers: { authorization: null } })).status).toBe(401);
  });
});

describe('PATCH /v1/settings', () => {
  it('saves the change to settings.json, keeping the other fields, and answers the new settings', async () => {
    const s = await start({ version: 1, port: 47601, theme: 'dark' });
    const res = await patch(s, {
      idle_minutes: 10,
      excluded_apps: [' KeePassXC ', 'keepassxc', '1Password'],
      excluded_domains: ['Bank.Example.', '*.bank.example', 'https://mail.example.org/inbox'],
      close_to_tray: false,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      idle_minutes: 10,
      excluded_apps: ['KeePassXC', '1Password'],
      excluded_domains: ['bank.example', 'mail.example.org'],
      close_to_tray: false,
      port: 47601,
      theme: 'dark',
      restart_needed: [],
    });
    expect(loadSettings(dataDir)).toMatchObject({
      idleMinutes: 10,
      excludedApps: ['KeePassXC', '1Password'],
      excludedDomains: ['bank.example', 'mail.example.org'],
      closeToTray: false,
      port: 47601,
      theme: 'dark',
    });
    expect((await s.call({ path: '/v1/settings' })).json).toEqual(res.json);
  });

  it('excludes a domain at once: its events and its subdomains’ are refused, other domains are stored', async () => {
    const s = await start();
    const before = await post(s, '/v1/browser/events', [
      browserEvent('b0', '2026-01-05T09:00:00Z', '2026-01-05T09:10:00Z', 'bank.example'),
    ]);
    expect(rejectedCodes(before)).toEqual([]);
    expect((await patch(s, { excluded_domains: ['bank.example'] })).status).toBe(200);
    const after = await post(s, '/v1/browser/events', [
      browserEvent('b1', '2026-01-05T10:00:00Z', '2026-01-05T10:10:00Z', 'bank.example'),
      browserEvent('b2', '2026-01-05T10:10:00Z', '2026-01-05T10:20:00Z', 'online.bank.example'),
      browserEvent('b3', '2026-01-05T10:20:00Z', '2026-01-05T10:30:00Z', 'github.com'),
    ]);
    expect(after.json).toMatchObject({ accepted: 1 });
    expect(rejectedCodes(after)).toEqual([
      [0, 'excluded'],
      [1, 'excluded'],
    ]);
    const stored = s.store.db.prepare('SELECT event_id FROM browser_events ORDER BY event_id').pluck().all();
    expect(stored).toEqual(['b0', 'b3']);
    // Removing it again lets its events in.
    await patch(s, { excluded_domains: [] });
    const again = await post(s, '/v1/browser/events', [
      browserEvent('b4', '2026-01-05T11:00:00Z', '2026-01-05T11:10:00Z', 'bank.example'),
    ]);
    expect(again.json).toMatchObject({ accepted: 1, rejected: [] });
  });

  it('excludes an app at once: its window events are refused, other apps are stored', async () => {
    const s = await start();
    expect((await patch(s, { excluded_apps: ['KeePassXC'] })).status).toBe(200);
    const res = await post(s, '/v1/window/events', [
      windowEvent('w1', 'keepassxc', '2026-01-05T11:00:00Z', '2026-01-05T11:01:00Z'),
      windowEvent('w2', 'code', '2026-01-05T11:01:00Z', '2026-01-05T11:02:00Z'),
    ]);
    expect(rejectedCodes(res)).toEqual([[0, 'excluded']]);
    expect(s.store.db.prepare('SELECT app FROM window_events').pluck().all()).toEqual(['code']);
  });

  it('changes the away threshold the extension learns when it pairs', async () => {
    const s = await start();
    expect((await s.call({ path: '/v1/pairing' })).json).toMatchObject({ idle_seconds: 180 });
    await patch(s, { idle_minutes: 12 });
    expect((await s.call({ path: '/v1/pairing' })).json).toMatchObject({ idle_seconds: 720 });
  });

  it('lists the port and the sampling interval in restart_needed while they differ from the running ones', async () => {
    const s = await start({ version: 1, port: 47650 });
    const changed = await patch(s, { port: 47651, poll_interval_ms: 2000 });
    expect(changed.json).toMatchObject({ port: 47651, restart_needed: ['poll_interval_ms', 'port'] });
    expect((await s.call({ path: '/v1/settings' })).json).toMatchObject({
      restart_needed: ['poll_interval_ms', 'port'],
    });
    const back = await patch(s, { port: 47650, poll_interval_ms: 1000 });
    expect(back.json).toMatchObject({ restart_needed: [] });
  });

  it.each([
    ['negative minutes', { idle_minutes: -5 }, 'idle_minutes', /at least 1/],
    ['minutes that are not whole', { idle_minutes: 2.5 }, 'idle_minutes', /whole number/],
    ['too many minutes', { idle_minutes: 121 }, 'idle_minutes', /at most 120/],
    ['a sampling interval too short', { poll_interval_ms: 10 }, 'poll_interval_ms', /at least 100/],
    ['a port out of range', { port: 70_000 }, 'port', /at most 65535/],
    ['a port as a string', { port: '47600' }, 'port', /number/],
    [
      'a site that is not a host name',
      { excluded_domains: ['bank example'] },
      'excluded_domains',
      /host name/,
    ],
    ['an empty app name', { excluded_apps: ['  '] }, 'excluded_apps', /empty/],
    [
      '2000 apps',
      { excluded_apps: Array.from({ length: 2000 }, (_, i) => `app${i}`) },
      'excluded_apps',
      /1000/,
    ],
    ['an unknown field', { idleMinutes: 5 }, 'idleMinutes', /not a setting/],
    ['a theme that does not exist', { theme: 'blue' }, 'theme', /system, light, dark/],
    ['the restart list', { restart_needed: [] }, 'restart_needed', /not a setting/],
    ['titles kept for 0 days', { keep_titles_days: 0 }, 'keep_titles_days', /at least 1/],
    ['events kept for 20 years', { keep_events_days: 7300 }, 'keep_events_days', /at most 3650/],
    ['days kept as text', { keep_events_days: '30' }, 'keep_events_days', /number/],
    ['a pattern with a backreference', { redact_patterns: ['(a)\\1'] }, 'redact_patterns', /backreference/],
    ['a pattern matching nothing', { redact_patterns: ['x*'] }, 'redact_patterns', /empty text/],
    ['a pattern that is not a regex', { redact_patterns: ['(abc'] }, 'redact_patterns', /regular expression/],
    ['an empty title marker', { private_title_markers: [' '] }, 'private_title_markers', /empty/],
    ['nothing', {}, undefined, /nothing to change/],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_, body, field, message) => {
    const s = await start({ version: 1, idleMinutes: 4, excludedApps: ['Signal'] });
    const file = settingsFile();
    // A valid field sent along is not saved either.
    const res = await patch(s, Object.keys(body).length > 0 ? { close_to_tray: false, ...body } : body);
    expect(res.status).toBe(400);
    const error = (res.json as { error: { code: string; message: string; field?: string } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.field).toBe(field ?? undefined);
    expect(error.message).toMatch(message);
    if (field) expect(error.message).toContain(field);
    expect(settingsFile()).toBe(file);
    expect((await s.call({ path: '/v1/pairing' })).json).toMatchObject({ idle_seconds: 240 });
  });
});
