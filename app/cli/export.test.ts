/**
 * `timeaudit export` as a user runs it, as a real process on a real data folder: CSV on stdout by default,
 * the same bytes as GET /v1/export of the running daemon, a file (owner-only) with --out, and its errors.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { runCli, startDaemon, type Daemon } from './daemon.testing.ts';
import { databasePath } from './paths.ts';
import { loadOrCreateToken } from '../server/token.ts';

const dirs: string[] = [];
const daemons: Daemon[] = [];
afterEach(async () => {
  for (const daemon of daemons.splice(0)) expect(await daemon.stop()).toBe(0);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const RANGE = ['--from', '2026-01-10', '--to', '2026-01-11', '--tz', 'Europe/Berlin'];

/** A data folder with an hour of Code either side of midnight in Berlin, and a visit to a site. */
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-export-'));
  dirs.push(dir);
  const store = Store.open({ file: databasePath(dir) });
  store.ingest('window', [
    {
      eventId: 'w1',
      app: 'Code',
      title: 'plan.md',
      startMs: Date.parse('2026-01-10T22:00:00Z'),
      endMs: Date.parse('2026-01-11T00:00:00Z'),
    },
  ]);
  store.ingest('browser', [
    {
      eventId: 'b1',
      userId: 'u',
      domain: 'github.com',
      startMs: Date.parse('2026-01-11T08:00:00Z'),
      endMs: Date.parse('2026-01-11T08:30:00Z'),
      durationMs: 1_800_000,
      reasonClosed: 'tab_switch',
    },
  ]);
  store.close();
  return dir;
}

describe('timeaudit export', () => {
  it('prints CSV, one row per session, the same bytes as the daemon’s GET /v1/export', async () => {
    const dir = dataDir();
    const run = runCli(['export', '--data-dir', dir, ...RANGE], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/,window,app,Code,,2026-01-10T22:00:00.000Z,2026-01-11T00:00:00.000Z,7200000,/);
    expect(lines[2]).toMatch(/,browser,domain,github.com,,.*,1800000,Development,productive,1$/);

    const daemon = await startDaemon(['--data-dir', dir, '--port', '0', '--no-track'], env);
    daemons.push(daemon);
    const res = await fetch(
      `${daemon.url}/v1/export?from=2026-01-09T23:00:00Z&to=2026-01-11T23:00:00Z&tz=Europe/Berlin`,
      { headers: { authorization: `Bearer ${loadOrCreateToken(dir)}` } },
    );
    expect(await res.text()).toBe(run.stdout);
  });

  it('writes a file readable by the user alone with --out, and nothing when it fails', () => {
    const dir = dataDir();
    const out = path.join(dir, 'jan.json');
    const run = runCli(
      ['export', '--data-dir', dir, ...RANGE, '--format', 'json', '--titles', '--out', out],
      env,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as Array<{ title: string | null }>;
    expect(rows.map((r) => r.title)).toEqual(['plan.md', null]);

    const failed = runCli(
      ['export', '--data-dir', dir, ...RANGE, '--tz', 'Mars/Olympus', '--out', path.join(dir, 'x.csv')],
      env,
    );
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^timeaudit: unknown time zone "Mars\/Olympus"/);
    expect(readdirSync(dir).filter((f) => f.startsWith('x.csv'))).toEqual([]);
  });

  it('exports the raw events as NDJSON, and says which formats raw events take', () => {
    const dir = dataDir();
    const run = runCli(['export', '--data-dir', dir, ...RANGE, '--raw'], env);
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).event_id),
    ).toEqual(['w1', 'b1']);

    const refused = runCli(['export', '--data-dir', dir, ...RANGE, '--raw', '--format', 'csv'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('timeaudit: --raw exports events as ndjson or json, not csv\n');
    const unknown = runCli(['export', '--data-dir', dir, '--format', 'xlsx'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--format must be one of csv, json, ndjson, parquet');
    expect(existsSync(path.join(dir, 'timeaudit.sqlite'))).toBe(true);
  });
});
