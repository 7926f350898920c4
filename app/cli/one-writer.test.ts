/** One writer per data folder, as a user meets it: real daemons, a real kill -9, real commands and files. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNTHETIC_APPS } from '../demo/synthetic.ts';
import { createApiClient } from '../shared/client.ts';
import { runCli, startDaemon } from './daemon.testing.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-writer-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const serveArgs = (dir: string) => ['--port', '0', '--no-track', '--data-dir', dir];
/** A second daemon that is not stopped keeps running: it is killed after this long and its status is null. */
const GIVE_UP_MS = 20_000;
const SLOW = 60_000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alreadyRunning = (pid: number, url: string) =>
  new RegExp(
    `^timeaudit: Time Audit is already running on this data folder \\(pid ${pid}, ${escape(url)}, ` +
      `since \\d\\d:\\d\\d\\); stop it first or use another --data-dir\\n$`,
  );

async function tokenOf(dir: string): Promise<string> {
  return runCli(['token', '--data-dir', dir], env).stdout.trim();
}

describe('one writer per data folder', () => {
  it(
    'stops a second daemon on the same folder at once, naming the first, which keeps serving',
    async () => {
      const dir = tempDir();
      const first = await startDaemon(serveArgs(dir), env);
      try {
        const second = runCli(['serve', ...serveArgs(dir)], env, GIVE_UP_MS);
        expect(second.status, second.stderr).toBe(1);
        expect(second.stderr).toMatch(alreadyRunning(first.pid, first.url));
        expect(second.stdout).toBe('');
        expect((await fetch(`${first.url}/v1/health`)).ok).toBe(true);

        // Another folder has a writer of its own.
        const other = await startDaemon(serveArgs(tempDir()), env);
        expect(await other.stop()).toBe(0);
      } finally {
        expect(await first.stop()).toBe(0);
      }
      // Stopped, it lets the next one start.
      const next = await startDaemon(serveArgs(dir), env);
      expect(await next.stop()).toBe(0);
    },
    SLOW,
  );

  it(
    'lets the next daemon take over the folder of one killed with kill -9',
    async () => {
      const dir = tempDir();
      const killed = await startDaemon(serveArgs(dir), env);
      await killed.kill();
      // Its lock went with it: a command writes by itself, and a new daemon starts and holds the folder.
      const demo = runCli(['demo', '--days', '1', '--data-dir', dir], env, GIVE_UP_MS);
      expect(demo.status, demo.stderr).toBe(0);
      const next = await startDaemon(serveArgs(dir), env);
      try {
        const third = runCli(['serve', ...serveArgs(dir)], env, GIVE_UP_MS);
        expect(third.status, third.stderr).toBe(1);
        expect(third.stderr).toMatch(alreadyRunning(next.pid, next.url));
      } finally {
        expect(await next.stop()).toBe(0);
      }
    },
    SLOW,
  );

  it(
    'writes `timeaudit demo` through the running daemon, whose exclusions apply',
    async () => {
      const dir = tempDir();
      const daemon = await startDaemon(serveArgs(dir), env);
      try {
        const token = await tokenOf(dir);
        const api = createApiClient({ baseUrl: daemon.url, token: () => token });
        await api.updateSettings({ body: { excluded_apps: [...SYNTHETIC_APPS] } });
        const demo = runCli(['demo', '--days', '3', '--data-dir', dir], env, GIVE_UP_MS);
        expect(demo.status, demo.stderr).toBe(0);
        expect(demo.stdout).toMatch(/^Wrote 3 days of demo activity \(\d+ events, .*\) to /);
        const now = Date.now();
        const report = await api.report({
          query: {
            from: new Date(now - 4 * 86_400_000).toISOString(),
            to: new Date(now).toISOString(),
            tz: 'UTC',
          },
        });
        expect(report.subjects.filter((s) => s.kind === 'domain').length).toBeGreaterThan(0);
        expect(report.subjects.filter((s) => s.kind === 'app')).toEqual([]);
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
    },
    SLOW,
  );
});
