/** The `timeaudit` command as a user runs it: a real process, a real data folder, real HTTP. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations } from '../db/migrate.ts';
import { postEvents, runCli, startDaemon } from './daemon.testing.ts';
import { createApiClient } from '../shared/client.ts';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'info' };
const run = (...args: string[]) => runCli(args, env);

describe('timeaudit', () => {
  it('prints its help and version', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    for (const cmd of ['serve', 'report', 'token']) expect(help.stdout).toContain(cmd);
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('creates the token once, owner-only, and prints it alone', () => {
    const dir = tempDir();
    const first = run('token', '--data-dir', dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(run('token', '--data-dir', dir).stdout).toBe(first.stdout);
    expect(statSync(path.join(dir, 'token')).mode & 0o777).toBe(0o600);
  });

  it('explains bad arguments and exits non-zero', () => {
    const dir = tempDir();
    const bad = run('report', '--data-dir', dir, '--from', 'last tuesday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"last tuesday" is not a date/);
    const zone = run('report', '--data-dir', dir, '--tz', 'Mars/Base');
    expect(zone.status).toBe(2);
    expect(zone.stderr).toMatch(/unknown time zone "Mars\/Base"/);
    const port = run('serve', '--data-dir', dir, '--port', '99999');
    expect(port.status).not.toBe(0);
    expect(port.stderr).toMatch(/--port must be a whole number/);
  });

  it('refuses a database from a newer version with a clear message', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'timeaudit.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const r = run('report', '--data-dir', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/schema version 999.*newer Time Audit/);
  });

  it('takes what flags leave open from the settings file the desktop app writes', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, idleMinutes: 7, port: 1 }));
    const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env);
    try {
      const token = run('token', '--data-dir', dir).stdout.trim();
      const pairing = await createApiClient({ baseUrl: daemon.url, token: () => token }).pairing({});
      expect(pairing.idle_seconds).toBe(7 * 60); // from settings.json; --port 0 won over its port
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
  });

  it('serves the API, reports what was posted, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const daemon = await startDaemon(['--port', '0', '--data-dir', dir], env);
    const url = daemon.url;
    try {
      await daemon.waitForLog(/window tracking is off/);
      const health = await (await fetch(`${url}/v1/health`)).json();
      expect(health).toMatchObject({ ok: true, schema_version: loadMigrations().length });
      const token = run('token', '--data-dir', dir).stdout.trim();
      const posted = await postEvents(url, token, 'window', [
        {
          event_id: 'cli-1',
          app: 'Code',
          title: 'x',
          start_ts: '2026-01-05T09:00:00Z',
          end_ts: '2026-01-05T10:30:00Z',
          duration_ms: 90 * 60_000,
          schema_version: 1,
        },
      ]);
      expect(posted).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
      // The CLI reads the same database while the daemon runs.
      const reportOfJan5 = (tz: string, ...flags: string[]) =>
        run('report', '--data-dir', dir, '--from', '2026-01-05', '--to', '2026-01-05', '--tz', tz, ...flags);
      const json = reportOfJan5('Asia/Kolkata', '--json');
      expect(json.status).toBe(0);
      const report = JSON.parse(json.stdout);
      expect(report.total_ms).toBe(90 * 60_000);
      expect(report.by_hour[14].total_ms).toBe(30 * 60_000); // 09:00Z is 14:30 IST
      expect(report.by_hour[15].total_ms).toBe(60 * 60_000);
      const text = reportOfJan5('UTC');
      expect(text.stdout).toMatch(/Total tracked: 1h 30m/);
      expect(text.stdout).toMatch(/Code\s+app\s+1h 30m\s+100%/);
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
  });
});
