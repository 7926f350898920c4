/**
 * `timeaudit import` as a user runs it: real processes on a real data folder, alone or beside a running daemon
 * (whose lock leaves the command no way in but the daemon's API).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../shared/report.ts';
import { awTotals, generateAwExport } from '../db/import/activitywatch.testing.ts';
import { runCli, startDaemon, type Daemon } from './daemon.testing.ts';

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const START = Date.UTC(2025, 2, 3);
const exported = generateAwExport({ seed: 11, startMs: START, days: 2 });
const aw = awTotals(exported);
const MAIN = new URL('./main.ts', import.meta.url).pathname;

let dir: string;
let file: string;
const daemons: Daemon[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ta-import-cli-'));
  file = path.join(dir, 'aw-export.json');
  writeFileSync(file, JSON.stringify(exported));
});
afterEach(async () => {
  for (const daemon of daemons.splice(0)) await daemon.stop();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => runCli([...args, '--data-dir', dir], env, 60_000);
const report = (): Report =>
  JSON.parse(
    run('report', '--json', '--from', '2025-03-01', '--to', '2025-03-10', '--tz', 'UTC', '--limit', '1000')
      .stdout,
  ) as Report;

describe.each([false, true])('timeaudit import activitywatch (daemon running: %s)', (withDaemon) => {
  beforeEach(async () => {
    if (withDaemon) daemons.push(await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env));
  });

  it("imports the file, prints a summary, and the reports hold AW's totals; a second run adds nothing", async () => {
    const first = run('import', 'activitywatch', file);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Imported \d+ new events from the ActivityWatch export \(/);
    expect(first.stdout).toContain('aw-watcher-input_laptop (os.hid.input): ');
    expect(first.stdout).toContain('skipped ');
    expect(report().total_ms).toBe(aw.total);
    const code = report().subjects.find((s) => s.name === 'Code');
    expect(code?.ms).toBe(aw.apps.get('Code'));

    const again = run('import', 'activitywatch', file, '--json');
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.stored).toBe(0);
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(report().total_ms).toBe(aw.total);
  });

  it('stores nothing from a file cut short and says where it ends (exit code 2)', () => {
    const text = JSON.stringify(exported);
    writeFileSync(file, text.slice(0, Math.floor(text.length * 0.7)));
    const result = run('import', 'activitywatch', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^timeaudit: the file ends early, at byte \d+ \(line 1, column \d+\)/);
    expect(report().total_ms).toBe(0);
  });
});

it('reads standard input for "-"', () => {
  const result = spawnSync(process.execPath, [MAIN, 'import', 'activitywatch', '-', '--data-dir', dir], {
    input: JSON.stringify(exported),
    encoding: 'utf8',
    env,
  });
  expect(result.status).toBe(0);
  expect(report().total_ms).toBe(aw.total);
});

it('says so when the file cannot be read (exit code 2)', () => {
  const result = run('import', 'activitywatch', path.join(dir, 'missing.json'));
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(`timeaudit: cannot read ${path.join(dir, 'missing.json')}: ENOENT\n`);
});

it('imports a raw export of Time Audit, NDJSON written by hand, and a second time adds nothing', () => {
  const t = (minutes: number) => new Date(START + 9 * 3600_000 + minutes * 60_000).toISOString();
  const lines = [
    {
      source: 'window',
      event_id: 'w1',
      app: 'Code',
      title: 'main.ts',
      start_ts: t(0),
      end_ts: t(30),
      duration_ms: 1_800_000,
      schema_version: 1,
    },
    {
      source: 'browser',
      event_id: 'b1',
      user_id: 'u',
      domain: 'github.com',
      start_ts: t(30),
      end_ts: t(40),
      duration_ms: 600_000,
      reason_closed: 'tab_switch',
      schema_version: 1,
    },
    {
      source: 'idle',
      event_id: 'i1',
      start_ts: t(10),
      end_ts: t(15),
      duration_ms: 300_000,
      schema_version: 1,
    },
  ];
  const raw = path.join(dir, 'raw.ndjson');
  writeFileSync(raw, lines.map((l) => JSON.stringify(l)).join('\n'));
  const first = run('import', 'timeaudit', raw);
  expect(first.status).toBe(0);
  expect(first.stdout).toMatch(/^Imported 3 new events from the Time Audit raw export/);
  expect(report().total_ms).toBe(35 * 60_000);
  expect(run('import', 'timeaudit', raw).stdout).toMatch(/^Imported 0 new events .*3 already there/);
});

it('redacts the titles it brings as the settings say (with no daemon running)', () => {
  const t = (minute: number) => new Date(START + minute * 60_000).toISOString();
  const line = (id: string, app: string, title: string, from: number) =>
    JSON.stringify({
      source: 'window',
      event_id: id,
      app,
      title,
      start_ts: t(from),
      end_ts: t(from + 5),
      duration_ms: 300_000,
      schema_version: 1,
    });
  const raw = path.join(dir, 'raw.ndjson');
  writeFileSync(
    raw,
    [
      line('w1', 'KeePassXC', 'vault-Qz71 - KeePassXC', 0),
      line('w2', 'Thunderbird', 'from qz.secret@mail.example.org', 5),
    ].join('\n'),
  );
  expect(run('import', 'timeaudit', raw).status).toBe(0);
  const bytes = ['timeaudit.sqlite', 'timeaudit.sqlite-wal']
    .map((name) => path.join(dir, name))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('utf8'))
    .join('');
  expect(bytes).toContain('Thunderbird'); // the file is the right one
  expect(bytes).not.toContain('vault-Qz71');
  expect(bytes).not.toContain('qz.secret');
});
