/**
 * Who may read the data folder, on real files made by real processes: the folder owner-only (0700) and every
 * file in it owner-only (0600); looser ones left by an older version are tightened, and a mode is never loosened.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../shared/client.ts';
import { runCli, startDaemon } from './daemon.testing.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-modes-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DISPLAY: '',
  WAYLAND_DISPLAY: '',
  TIMEAUDIT_LOG_LEVEL: 'warn',
};
const mode = (file: string) => statSync(file).mode & 0o777;
/** Every entry of a folder with its mode, in octal: { 'token': '600', … }. */
const modes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, mode(path.join(dir, name)).toString(8)]));

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is made owner-only by the daemon, with every file in it', async () => {
    const dir = path.join(tempDir(), 'new');
    const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env);
    try {
      const token = runCli(['token', '--data-dir', dir], env).stdout.trim();
      const api = createApiClient({ baseUrl: daemon.url, token: () => token });
      await api.updateSettings({ body: { excluded_apps: ['KeePassXC'] } });
      expect(mode(dir)).toBe(0o700);
      const files = modes(dir);
      for (const name of ['settings.json', 'token', 'timeaudit.sqlite', 'timeaudit.sqlite-wal'])
        expect(files, name).toHaveProperty([name]);
      // The daily backups' folder (made as the daemon starts) is a folder, owner-only too.
      for (const [name, m] of Object.entries(files)) expect(m, name).toBe(name === 'backups' ? '700' : '600');
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
  }, 60_000);

  it("tightens a folder and files an older version left open, and never loosens one's mode", () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'settings.json'), '{"version":1,"excludedApps":["KeePassXC"]}', {
      mode: 0o644,
    });
    writeFileSync(path.join(dir, 'token'), 'k'.repeat(43), { mode: 0o400 });
    const report = runCli(['report', '--data-dir', dir], env);
    expect(report.status, report.stderr).toBe(0);
    expect(mode(dir)).toBe(0o700);
    expect(modes(dir)).toMatchObject({
      'settings.json': '600',
      token: '400',
      'timeaudit.sqlite': '600',
    });
  });

  it('leaves a chosen folder holding other things as it is, but not Time Audit files in it', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine', { mode: 0o644 });
    writeFileSync(path.join(dir, 'settings.json'), '{"version":1}', { mode: 0o644 });
    const token = runCli(['token', '--data-dir', dir], env);
    expect(token.status, token.stderr).toBe(0);
    expect(token.stderr).toMatch(/holds other files and is open to other users/);
    expect(mode(dir)).toBe(0o755);
    expect(modes(dir)).toEqual({ 'notes.txt': '644', 'settings.json': '600', token: '600' });
  });

  it('tightens the OS app-data folder whatever it holds (the desktop app keeps its caches there)', () => {
    const config = tempDir();
    const dir = path.join(config, 'Time Audit');
    mkdirSync(path.join(dir, 'Cache'), { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    const home: NodeJS.ProcessEnv = { ...env, XDG_CONFIG_HOME: config };
    delete home.TIMEAUDIT_DATA_DIR;
    const token = runCli(['token'], home);
    expect(token.status, token.stderr).toBe(0);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'token'))).toBe(0o600);
  });
});
