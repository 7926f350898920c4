/**
 * What every `timeaudit` command shares, as a user meets it in real processes: one exit-code scheme (2 for
 * usage and refused values, commander's own errors included), a data folder that must exist, and a report that
 * says how many subjects there are, its score, pulse and goals, on the local clock.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { runCli } from './daemon.testing.ts';
import { databasePath } from './paths.ts';

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
let root: string;
let dir: string;
const SUBJECTS = 20;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ta-usage-'));
  dir = path.join(root, 'data');
  const store = Store.open({ file: databasePath(dir) });
  store.createCategory('Work', 'productive');
  // 20 apps on 5 January 2026 (Berlin), 10 to 29 minutes each, one app on the 6th.
  const day = Date.parse('2026-01-04T23:00:00Z') + 8 * 3_600_000;
  let at = day;
  const events = Array.from({ length: SUBJECTS }, (_, i) => {
    const startMs = at;
    at += (10 + i) * 60_000;
    return { eventId: `w${i}`, app: `App${i}`, title: '', startMs, endMs: at };
  });
  const next = Date.parse('2026-01-06T09:00:00Z');
  events.push({ eventId: 'next', app: 'Tomorrow', title: '', startMs: next, endMs: next + 3_600_000 });
  store.ingest('window', events);
  store.createRule({ field: 'app', match: 'contains', pattern: 'App1', category: 'Work' });
  store.createGoal({ category: 'Work', direction: 'at_least', period: 'day', targetMs: 2 * 3_600_000 });
  store.close();
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, env, 60_000);

describe('timeaudit', () => {
  it('exits 2 for usage errors, commander’s own included, and 0 for help', () => {
    for (const args of [['report', '--bogus'], ['report', '--limit', 'x'], ['nope'], ['log', 'delete'], []]) {
      const r = run(...args, '--data-dir', dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {2}done\n {2}1 {2}the machine failed/);
    expect(help.stdout).toMatch(/--to today\s+includes today/);
  });

  it('says a mistyped --data-dir does not exist, and creates nothing (serve, demo and import create one)', () => {
    const typo = path.join(root, 'dta');
    for (const args of [['report'], ['log', 'list'], ['goals'], ['rules'], ['token'], ['export']]) {
      const r = run(...args, '--data-dir', typo);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(
        `timeaudit: the data folder ${typo} does not exist (check --data-dir; \`timeaudit serve\` or the desktop app creates it)\n`,
      );
      expect(existsSync(typo)).toBe(false);
    }
  });

  it('reports the top subjects of all, the score, pulse and goals, on the local clock, --to included', () => {
    const r = run(
      'report',
      '--from',
      '2026-01-05',
      '--to',
      '2026-01-05',
      '--tz',
      'Europe/Berlin',
      '--limit',
      '5',
      '--data-dir',
      dir,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Time Audit report {2}Mon 2026-01-05 \(1 day, Europe\/Berlin\)$/m);
    expect(r.stdout).toMatch(/^Top 5 of 20 subjects$/m);
    expect(r.stdout).not.toMatch(/Tomorrow/);
    // App1 and App10–App19: 11 + (20+…+29) = 256 of 390 minutes are productive; the rest uncategorized.
    const score = Math.round((100 * 256) / 390);
    const pulse = Math.round((100 * (256 + (390 - 256) / 2)) / 390);
    expect(r.stdout).toMatch(new RegExp(`^Score: ${score}% productive {3}Pulse: ${pulse} of 100`, 'm'));
    expect(r.stdout).toMatch(/^Goals \(today, this week\)$/m);
    expect(r.stdout).toMatch(/^Work +at least 2h a day +\S+ +(not yet|met)$/m);

    const two = run(
      'report',
      '--from',
      '2026-01-05',
      '--to',
      '2026-01-06',
      '--tz',
      'Europe/Berlin',
      '--limit',
      '30',
      '--data-dir',
      dir,
    );
    expect(two.stdout).toMatch(/Mon 2026-01-05 → Tue 2026-01-06 \(2 days, Europe\/Berlin\)/);
    expect(two.stdout).toMatch(/^All 21 subjects$/m);
    const part = run(
      'report',
      '--from',
      '2026-01-05T08:00:00Z',
      '--to',
      '2026-01-05T09:30:00Z',
      '--tz',
      'Europe/Berlin',
      '--data-dir',
      dir,
    );
    expect(part.stdout).toMatch(/Mon 2026-01-05 09:00 → 10:30 \(Europe\/Berlin\)/);
  });
});
