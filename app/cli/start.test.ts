/** `npm start`: the choice between the desktop app and the daemon, and the fallback as a real process. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopAvailability, findElectronBinary } from './start.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-start-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('desktopAvailability', () => {
  const binary = '/x/electron';

  it('runs the desktop app with a binary and a display', () => {
    expect(desktopAvailability({ DISPLAY: ':0' }, 'linux', binary)).toEqual({ ok: true });
    expect(desktopAvailability({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', binary)).toEqual({ ok: true });
    expect(desktopAvailability({}, 'darwin', binary)).toEqual({ ok: true });
    expect(desktopAvailability({}, 'win32', binary)).toEqual({ ok: true });
  });

  it('falls back without the binary, without a display on Linux, or when asked to', () => {
    const noBinary = desktopAvailability({ DISPLAY: ':0' }, 'linux', null);
    expect(noBinary).toMatchObject({ ok: false, reason: expect.stringMatching(/binary is not installed/) });
    expect(desktopAvailability({}, 'darwin', null).ok).toBe(false);
    const noDisplay = desktopAvailability({ DISPLAY: '', WAYLAND_DISPLAY: '' }, 'linux', binary);
    expect(noDisplay).toMatchObject({ ok: false, reason: expect.stringMatching(/no display/) });
    const forced = desktopAvailability({ DISPLAY: ':0', TIMEAUDIT_HEADLESS: '1' }, 'darwin', binary);
    expect(forced).toEqual({ ok: false, reason: 'TIMEAUDIT_HEADLESS=1' });
  });
});

describe('findElectronBinary', () => {
  it('finds the downloaded binary from path.txt, and nothing before the download', () => {
    const pkg = tempDir();
    expect(findElectronBinary({}, pkg)).toBeNull();
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary({}, pkg)).toBeNull(); // path.txt alone: dist/ not unpacked
    mkdirSync(path.join(pkg, 'dist'));
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary({}, pkg)).toBe(path.join(pkg, 'dist', 'electron'));
    const override = tempDir();
    writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: override }, pkg)).toBe(
      path.join(override, 'electron'),
    );
  });
});

describe('node app/cli/start.ts', () => {
  it('says once why the desktop app cannot open, serves headless, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const start = new URL('./start.ts', import.meta.url).pathname;
    // This machine has no downloaded Electron binary; no display either, to be sure.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      TIMEAUDIT_LOG_LEVEL: 'info',
    };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const child = spawn(process.execPath, [start, '--data-dir', dir, '--port', '0'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let i = 0; i < 200 && !/running: http/.test(stdout); i++)
        await new Promise((r) => setTimeout(r, 50));
      const url = /running: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(url, stderr).toBeDefined();
      const lines = stdout.split('\n');
      expect(lines[0]).toMatch(
        /^Desktop app unavailable here \(.+\) — running the headless daemon instead\.$/,
      );
      expect(lines.filter((l) => /Desktop app unavailable/.test(l))).toHaveLength(1);
      expect(stdout).toContain(`(data in ${dir})`);
      const health = await fetch(`${url}/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
