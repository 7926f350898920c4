/**
 * `timeaudit purge` as a user runs it: real processes on a real data folder, alone (under the folder's lock)
 * and next to a running daemon (through its API), on a terminal (a pseudo-terminal from `script`) and without.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { runCli, startDaemon, type Daemon } from './daemon.testing.ts';
import { databasePath } from './paths.ts';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const T = Date.parse('2026-11-20T09:00:00Z');
const M = 60_000;
const SLOW = 60_000;

const dirs: string[] = [];
const daemons: Daemon[] = [];
afterEach(async () => {
  for (const daemon of daemons.splice(0)) expect(await daemon.stop()).toBe(0);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A data folder with an hour of Code and 20 minutes on reddit.com (10 of them on a subdomain). */
async function folder(withDaemon: boolean): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-purge-cli-'));
  dirs.push(dir);
  const store = Store.open({ file: databasePath(dir) });
  store.ingest('window', [{ eventId: 'w1', app: 'Code', title: 'x', startMs: T, endMs: T + 60 * M }]);
  const b = (eventId: string, domain: string, from: number, to: number) => ({
    eventId,
    userId: 'u',
    domain,
    startMs: T + from * M,
    endMs: T + to * M,
    durationMs: (to - from) * M,
    reasonClosed: 'tab_switch',
  });
  store.ingest('browser', [b('b1', 'reddit.com', 60, 70), b('b2', 'old.reddit.com', 70, 80)]);
  store.close();
  if (withDaemon) daemons.push(await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env));
  return dir;
}

const subjects = (dir: string): Record<string, number> => {
  const r = runCli(
    ['report', '--json', '--from', '2026-11-20', '--to', '2026-11-20', '--tz', 'UTC', '--data-dir', dir],
    env,
  );
  expect(r.status, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as { subjects: Array<{ name: string; ms: number }> };
  return Object.fromEntries(report.subjects.map((s) => [s.name, s.ms / M]));
};

/** Runs the command on a pseudo-terminal, typing `answer` at its question. */
function onTerminal(args: string[], answer: string) {
  const command = [process.execPath, MAIN, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  return spawnSync('script', ['-qec', command, '/dev/null'], { input: `${answer}\n`, encoding: 'utf8', env });
}

describe.each([
  ['alone', false],
  ['next to a running daemon', true],
] as const)('timeaudit purge, %s', (_, withDaemon) => {
  it(
    'refuses without --yes when there is no terminal to ask on, deleting nothing',
    { timeout: SLOW },
    async () => {
      const dir = await folder(withDaemon);
      const r = runCli(['purge', '--domain', 'reddit.com', '--data-dir', dir], env);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        'timeaudit: deleting cannot be undone and there is no terminal to ask on: add --yes to delete without asking\n',
      );
      expect(subjects(dir)).toEqual({ Code: 60, 'reddit.com': 10, 'old.reddit.com': 10 });
    },
  );

  it('with --yes deletes a domain and its subdomains and says what went', { timeout: SLOW }, async () => {
    const dir = await folder(withDaemon);
    const r = runCli(['purge', '--domain', 'reddit.com', '--yes', '--data-dir', dir], env);
    expect(r.status, r.stderr).toBe(0);
    // The daemon makes its daily backup as it starts: that copy is purged too.
    expect(r.stdout).toMatch(
      /^Deleted the domain reddit\.com and its subdomains: 2 browser events; 20m of tracked time\.\nIts bytes are gone from the database file( and from 1 backup)?\.\n$/,
    );
    expect(subjects(dir)).toEqual({ Code: 60 });
    const again = runCli(['purge', '--domain', 'reddit.com', '--yes', '--data-dir', dir], env);
    expect(again.stdout).toBe(
      'Nothing is recorded for the domain reddit.com and its subdomains: nothing deleted.\n',
    );
  });

  it(
    'on a terminal, shows the name and the time and deletes only when "yes" is typed',
    { timeout: SLOW },
    async () => {
      const dir = await folder(withDaemon);
      const no = onTerminal(['purge', '--app', 'Code', '--data-dir', dir], 'no');
      expect(no.stdout).toContain('Delete the app "Code": 1 window event; 1h of tracked time (Code 1h)?');
      expect(no.stdout).toContain('This cannot be undone. Type "yes" to delete:');
      expect(no.stdout).toContain('timeaudit: not confirmed: nothing deleted');
      expect(no.status).toBe(2);
      expect(subjects(dir)).toMatchObject({ Code: 60 });

      const yes = onTerminal(['purge', '--app', 'Code', '--data-dir', dir], 'yes');
      expect(yes.status, yes.stdout).toBe(0);
      expect(yes.stdout).toContain('Deleted the app "Code": 1 window event; 1h of tracked time.');
      expect(subjects(dir)).toEqual({ 'reddit.com': 10, 'old.reddit.com': 10 });
    },
  );
});

describe('timeaudit purge, its arguments', () => {
  it.each([
    [
      ['--app', 'Code', '--domain', 'x.com'],
      'say what to delete: --from and --to, --app NAME, --domain NAME, or --all',
    ],
    [['--from', '2026-11-20'], 'a range needs both --from and --to'],
    [['--from', 'soon', '--to', 'now'], '"soon" is not a date'],
    [['--domain', 'not a host'], '"not a host" is not a host name'],
  ])('%j is refused with exit code 2', { timeout: SLOW }, async (args, message) => {
    const dir = await folder(false);
    const r = runCli(['purge', ...args, '--yes', '--data-dir', dir], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(subjects(dir)).toEqual({ Code: 60, 'reddit.com': 10, 'old.reddit.com': 10 });
  });

  it('a range cuts what crosses its edges', { timeout: SLOW }, async () => {
    const dir = await folder(false);
    const r = runCli(
      ['purge', '--from', '2026-11-20T09:30:00Z', '--to', '2026-11-20T10:05:00Z', '--yes', '--data-dir', dir],
      env,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 window event, 1 browser event (2 cut at the range');
    expect(subjects(dir)).toEqual({ Code: 30, 'reddit.com': 5, 'old.reddit.com': 10 });
  });
});
