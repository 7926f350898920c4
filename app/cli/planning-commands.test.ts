/**
 * `timeaudit goals` and `timeaudit rules` as a user runs them: real processes on a real data folder, alone
 * (under the folder's lock) and next to a running daemon (through its API), with the same output either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import type { GoalProgress, Rule } from '../shared/planning.ts';
import { runCli, startDaemon, type Daemon } from './daemon.testing.ts';
import { databasePath } from './paths.ts';

const dirs: string[] = [];
const daemons: Daemon[] = [];
afterEach(async () => {
  for (const daemon of daemons.splice(0)) expect(await daemon.stop()).toBe(0);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const SLOW = 90_000;

async function folder(withDaemon: boolean): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-planning-'));
  dirs.push(dir);
  const store = Store.open({ file: databasePath(dir) });
  store.createCategory('Social', 'unproductive');
  store.createCategory('Work', 'productive');
  store.close();
  if (withDaemon) daemons.push(await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env));
  return dir;
}

describe.each([false, true])('goals and rules (daemon running: %s)', (withDaemon) => {
  it(
    'adds, lists, edits and deletes goals; bad input exits 2 and stores nothing',
    async () => {
      const dir = await folder(withDaemon);
      const run = (...args: string[]) => runCli([...args, '--data-dir', dir], env);
      const add = run('goals', 'add', 'social', '--at-most', '1.5h');
      expect(add.stderr).toBe('');
      expect(add.stdout).toBe('Added goal #1 at most 1h 30m a day in Social\n');
      expect(run('goals', 'add', 'Work', '--at-least', '10h', '--per', 'week').status).toBe(0);
      const bad: Array<[string[], string]> = [
        [['add', 'Social'], 'give --at-most DURATION or --at-least DURATION'],
        [
          ['add', 'Social', '--at-most', 'soon'],
          '--at-most "soon" is not a duration: use 45m, 1h, 1.5h or 1h30m',
        ],
        [['add', 'Social', '--at-most', '1h', '--at-least', '2h'], 'give --at-most or --at-least, not both'],
        [['add', 'Nope', '--at-most', '1h'], 'there is no category named "Nope"'],
        [['add', 'Social', '--at-most', '25h'], '--at-most/--at-least: a daily goal is at most 24 hours'],
        [['add', 'Social', '--at-most', '1h', '--per', 'month'], expect.stringMatching(/^--per: /) as never],
        [['edit', '1'], 'nothing to change: give --category, --at-most, --at-least, --target or --per'],
        [['edit', '9', '--target', '1h'], 'no goal with id 9'],
        [['delete', 'x'], '"x" is not a goal id: use the number `timeaudit goals` shows'],
      ];
      for (const [args, message] of bad) {
        const r = run('goals', ...args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr.trimEnd().replace(/^timeaudit: /, ''), args.join(' ')).toEqual(message);
      }
      expect(run('goals', 'edit', '1', '--target', '45m').stdout).toBe(
        'Updated goal #1 at most 45m a day in Social\n',
      );
      const goals = JSON.parse(run('goals', '--json').stdout) as GoalProgress[];
      expect(goals.map((g) => [g.id, g.category, g.direction, g.period, g.target_ms])).toEqual([
        [1, 'Social', 'at_most', 'day', 45 * 60_000],
        [2, 'Work', 'at_least', 'week', 10 * 3_600_000],
      ]);
      const table = run('goals');
      expect(table.stdout).toMatch(/^ *1 +Social +at most 45m +a day +0m +under the limit$/m);
      expect(table.stdout).toMatch(/^ *2 +Work +at least 10h +a week +0m +not yet$/m);
      expect(run('goals', 'delete', '2').stdout).toBe('Deleted goal #2 at least 10h a week in Work\n');
      expect((JSON.parse(run('goals', 'list', '--json').stdout) as GoalProgress[]).map((g) => g.id)).toEqual([
        1,
      ]);
    },
    SLOW,
  );

  it(
    'adds, lists, moves, edits and deletes rules in order; bad input exits 2 and stores nothing',
    async () => {
      const dir = await folder(withDaemon);
      const run = (...args: string[]) => runCli([...args, '--data-dir', dir], env);
      expect(run('rules').stdout).toBe('No rules yet: add one with `timeaudit rules add`.\n');
      expect(run('rules', 'add', 'Slack', '--field', 'app', '--category', 'Social').stdout).toBe(
        'Added rule #1 at 1: app exact "Slack" → Social\n',
      );
      expect(run('rules', 'add', 'github.com', '--field', 'domain', '--category', 'Work').status).toBe(0);
      const first = run(
        'rules',
        'add',
        'standup',
        '--field',
        'title',
        '--category',
        'Work',
        '--position',
        '1',
      );
      expect(first.stdout).toBe('Added rule #3 at 1: title contains "standup" → Work\n');
      const bad: Array<[string[], string]> = [
        [
          ['add', 'x', '--field', 'title', '--match', 'exact', '--category', 'Work'],
          '--match: a rule on window titles matches by contains or regex, not exact',
        ],
        [['add', 'x', '--field', 'app', '--category', 'Nope'], 'there is no category named "Nope"'],
        [
          ['add', 'x', '--field', 'app', '--category', 'Work', '--position', '0'],
          'position "0" must be a whole number from 1 (tried first)',
        ],
        [['move', '9', '1'], 'no rule with id 9'],
        [['edit', '1'], 'nothing to change: give --field, --match, --pattern, --category or --position'],
      ];
      for (const [args, message] of bad) {
        const r = run('rules', ...args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toBe(`timeaudit: ${message}\n`);
      }
      expect(run('rules', 'move', '3', '3').stdout).toBe(
        'Moved rule #3 at 3: title contains "standup" → Work\n',
      );
      expect(run('rules', 'edit', '1', '--pattern', 'Slack Desktop').status).toBe(0);
      expect(run('rules', 'delete', '2').stdout).toBe(
        'Deleted rule #2 at 2: domain domain "github.com" → Work\n',
      );
      const rules = JSON.parse(run('rules', '--json').stdout) as Rule[];
      expect(rules.map((r) => [r.id, r.position, r.pattern])).toEqual([
        [1, 0, 'Slack Desktop'],
        [3, 1, 'standup'],
      ]);
      const table = run('rules', 'list');
      expect(table.stdout).toMatch(/^ *1 +1 +app +exact +Slack Desktop +Social +unproductive$/m);
      expect(table.stdout).toMatch(/^ *2 +3 +title +contains +standup +Work +productive$/m);
    },
    SLOW,
  );
});
