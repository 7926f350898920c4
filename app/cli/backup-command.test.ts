/**
 * `timeaudit backup` and `restore` as a user meets them: a real daemon ingesting over HTTP while a real
 * `timeaudit backup` process copies its database, refusals with their lines and exit codes, the daily backup
 * a daemon makes at start, and POST /v1/backup.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { EVENT_SCHEMA_VERSION } from '../shared/version.ts';
import { postEvents, REQUEST_TIMEOUT_MS, runCli, startDaemon } from './daemon.testing.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-backup-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const serveArgs = (dir: string) => ['--port', '0', '--no-track', '--data-dir', dir];
const SLOW = 120_000;
const POSIX = process.platform !== 'win32';
const MAIN = new URL('./main.ts', import.meta.url).pathname;

/** Runs a command without blocking this process, so that it can go on talking to the daemon meanwhile. */
function runCliAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stdout, stderr })));
}

const MINUTE = 60_000;
const BASE = Date.now() - 200 * 24 * 60 * MINUTE;
/** Window event number n: one minute each, one after the other, with titles that make the database weigh. */
const windowEvent = (n: number) => ({
  event_id: `w-${n}`,
  app: `App ${n % 50}`,
  title: `Document ${n} — ${'x'.repeat(2000)}`,
  start_ts: new Date(BASE + n * MINUTE).toISOString(),
  end_ts: new Date(BASE + (n + 1) * MINUTE).toISOString(),
  duration_ms: MINUTE,
  schema_version: EVENT_SCHEMA_VERSION,
});

const eventIds = (file: string): Set<string> => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return new Set(db.prepare('SELECT event_id FROM window_events').pluck().all() as string[]);
  } finally {
    db.close();
  }
};

async function tokenOf(dir: string): Promise<string> {
  return runCli(['token', '--data-dir', dir], env).stdout.trim();
}

describe('timeaudit backup', () => {
  it(
    'copies a consistent database while the daemon ingests, holding every event acknowledged before it began',
    async () => {
      const dir = tempDir();
      const daemon = await startDaemon(serveArgs(dir), env);
      const token = await tokenOf(dir);
      const acknowledged = new Set<string>();
      const post = async (from: number, count: number) => {
        const batch = Array.from({ length: count }, (_, i) => windowEvent(from + i));
        const result = await postEvents(daemon.url, token, 'window', batch);
        expect(result.rejected).toEqual([]);
        batch.forEach((e) => acknowledged.add(e.event_id));
      };
      try {
        // About 90 MiB: the copy takes many steps, and the daemon commits between them.
        for (let n = 0; n < 40_000; n += 400) await post(n, 400);
        let next = 40_000;
        let ingesting = true;
        const ingestion = (async () => {
          while (ingesting) {
            await post(next, 20);
            next += 20;
          }
        })();

        const before = new Set(acknowledged);
        const out = path.join(tempDir(), 'live.sqlite');
        const backup = await runCliAsync(['backup', '--data-dir', dir, '--out', out]);
        const after = new Set(acknowledged);
        ingesting = false;
        await ingestion;

        expect(backup.stderr).toBe('');
        expect(backup.status).toBe(0);
        expect(backup.stdout).toMatch(
          new RegExp(
            `^Backed up ${path.join(dir, 'timeaudit.sqlite')} to ${out} \\(\\d+\\.\\d MiB\\)\\.\\n$`,
          ),
        );
        // Writes went on meanwhile, and the copy holds what came before it, nothing that was never acknowledged.
        expect(after.size).toBeGreaterThan(before.size);
        const copied = eventIds(out);
        expect([...before].filter((id) => !copied.has(id))).toEqual([]);
        expect([...copied].filter((id) => !after.has(id) && !acknowledged.has(id))).toEqual([]);

        const db = new Database(out, { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
        // Its summaries agree with its events: a report counts each copied minute once.
        const store = Store.open({ file: out });
        try {
          const report = store.report({ fromMs: BASE, toMs: Date.now(), tz: 'UTC' });
          expect(report.total_ms).toBe(copied.size * MINUTE);
        } finally {
          store.close();
        }
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
    },
    SLOW,
  );

  it(
    'is made daily by the daemon at start, owner-only, and on request through POST /v1/backup',
    async () => {
      const dir = tempDir();
      const daemon = await startDaemon(serveArgs(dir), env);
      const token = await tokenOf(dir);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      try {
        const list = async () =>
          (await (
            await fetch(`${daemon.url}/v1/backups`, {
              headers,
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            })
          ).json()) as {
            folder: string;
            backups: { name: string; path: string; bytes: number; daily: boolean }[];
          };
        // The first check runs as the daemon starts: wait for its file rather than for a time.
        for (let i = 0; i < 100 && (await list()).backups.length === 0; i++)
          await new Promise((r) => setTimeout(r, 50));
        const daily = (await list()).backups;
        expect(daily).toHaveLength(1);
        expect(daily[0]?.name).toMatch(/^timeaudit-\d{4}-\d{2}-\d{2}\.sqlite$/);
        expect(daily[0]?.daily).toBe(true);

        await postEvents(daemon.url, token, 'window', [windowEvent(1)]);
        const res = await fetch(`${daemon.url}/v1/backup`, {
          method: 'POST',
          headers,
          body: '{}',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        expect(res.status).toBe(201);
        const made = (await res.json()) as { name: string; path: string; bytes: number; daily: boolean };
        expect(made).toMatchObject({ daily: false, bytes: statSync(made.path).size });
        expect(path.dirname(made.path)).toBe(path.join(dir, 'backups'));
        expect(eventIds(made.path)).toEqual(new Set(['w-1']));
        expect((await list()).backups.map((b) => b.name)).toEqual(
          expect.arrayContaining([made.name, daily[0]?.name]),
        );
        if (POSIX) {
          expect(statSync(path.join(dir, 'backups')).mode & 0o777).toBe(0o700);
          for (const f of readdirSync(path.join(dir, 'backups')))
            expect(statSync(path.join(dir, 'backups', f)).mode & 0o777).toBe(0o600);
        }
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
    },
    SLOW,
  );
});

describe('timeaudit restore', () => {
  it(
    'refuses while the daemon runs, and once it is stopped puts the backup in place for the next start',
    async () => {
      const dir = tempDir();
      const daemon = await startDaemon(serveArgs(dir), env);
      const token = await tokenOf(dir);
      const backup = path.join(tempDir(), 'before.sqlite');
      try {
        await postEvents(daemon.url, token, 'window', [windowEvent(1), windowEvent(2)]);
        expect(runCli(['backup', '--data-dir', dir, '--out', backup], env).status).toBe(0);
        await postEvents(daemon.url, token, 'window', [windowEvent(3)]);

        const refused = runCli(['restore', backup, '--data-dir', dir], env);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(
          /^timeaudit: Time Audit is already running on this data folder \(pid \d+, http:\/\/127\.0\.0\.1:\d+, since [\d: -]+\); stop it first or use another --data-dir\n$/,
        );
        expect(refused.stdout).toBe('');
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
      expect(eventIds(path.join(dir, 'timeaudit.sqlite'))).toEqual(new Set(['w-1', 'w-2', 'w-3']));

      const restored = runCli(['restore', backup, '--data-dir', dir], env);
      expect(restored.stderr).toBe('');
      expect(restored.status).toBe(0);
      const kept = readdirSync(dir).find((f) => f.startsWith('timeaudit.sqlite.replaced-')) as string;
      expect(restored.stdout).toBe(
        `Restored ${backup} to ${path.join(dir, 'timeaudit.sqlite')}: 2 window, 0 browser and 0 idle events, ` +
          `0 entries logged by hand (latest ${windowEvent(2).start_ts}).\n` +
          `The database it replaced is kept as ${path.join(dir, kept)}.\n`,
      );
      expect(eventIds(path.join(dir, kept))).toEqual(new Set(['w-1', 'w-2', 'w-3']));

      // The next daemon serves the restored data.
      const next = await startDaemon(serveArgs(dir), env);
      try {
        const query = `from=${new Date(BASE).toISOString()}&to=${new Date().toISOString()}&tz=UTC`;
        const res = await fetch(`${next.url}/v1/report?${query}`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        expect(((await res.json()) as { total_ms: number }).total_ms).toBe(2 * MINUTE);
      } finally {
        expect(await next.stop()).toBe(0);
      }
    },
    SLOW,
  );

  it('says why it refuses a file, with exit code 2, and changes nothing', () => {
    const dir = tempDir();
    expect(runCli(['backup', '--data-dir', dir, '--out', path.join(dir, 'x.sqlite')], env)).toMatchObject({
      status: 2,
      stderr: `timeaudit: there is no database at ${path.join(dir, 'timeaudit.sqlite')} yet: nothing to back up\n`,
    });
    const text = path.join(tempDir(), 'notes.txt');
    writeFileSync(text, 'hello');
    expect(runCli(['restore', text, '--data-dir', dir], env)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `timeaudit: cannot restore ${text}: it is not a SQLite database (a Time Audit backup is one)\n`,
    });
    const missing = path.join(dir, 'nope.sqlite');
    expect(runCli(['restore', missing, '--data-dir', dir], env)).toMatchObject({
      status: 2,
      stderr: `timeaudit: cannot restore ${missing}: there is no such file\n`,
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('timeaudit.sqlite'))).toEqual([]);
  });
});
