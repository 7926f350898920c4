/**
 * `timeaudit log` as a user runs it: real processes on a real data folder, alone (it writes under the data
 * folder's lock) and next to a running daemon (it writes through the daemon's API), with the same output and
 * exit codes either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { createApiClient } from '../shared/client.ts';
import type { ManualEntry } from '../shared/planning.ts';
import { postEvents, runCli, startDaemon, type Daemon } from './daemon.testing.ts';
import { databasePath } from './paths.ts';
import { DEFAULT_CATEGORY_DB } from '../db/default-categories.ts';
import { foldName } from '../shared/names.ts';

/** The categories a fresh folder lists (the built-in ones) and the two the tests add, in the order listed. */
const ALL_CATEGORIES = [...DEFAULT_CATEGORY_DB.categories.map((c) => c.name), 'Reading', 'Sport']
  .sort((a, b) => (foldName(a) < foldName(b) ? -1 : 1))
  .join(', ');

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-log-'));
  dirs.push(dir);
  return dir;
};
const daemons: Daemon[] = [];
afterEach(async () => {
  for (const daemon of daemons.splice(0)) expect(await daemon.stop()).toBe(0);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const PARIS = ['--tz', 'Europe/Paris'];

/** A data folder with two categories, as the dashboard would have made them. */
function dataDir(): string {
  const dir = tempDir();
  const store = Store.open({ file: databasePath(dir) });
  store.createCategory('Sport', 'productive');
  store.createCategory('Reading', 'neutral');
  store.close();
  return dir;
}

/** How `log` finds the data folder: alone, or held by a running daemon (started here, stopped after the test). */
const MODES = [
  ['alone', false],
  ['next to a running daemon', true],
] as const;

async function folder(withDaemon: boolean): Promise<string> {
  const dir = dataDir();
  if (withDaemon) daemons.push(await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env));
  return dir;
}

/** Spawning the command takes about half a second, and these tests spawn it many times. */
const SLOW = 60_000;

function cli(dir: string) {
  const run = (...args: string[]) => runCli([...args, '--data-dir', dir], env);
  const list = (...args: string[]): ManualEntry[] => {
    const r = run('log', 'list', '--json', ...args);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as ManualEntry[];
  };
  return { run, list };
}

describe.each(MODES)('timeaudit log, %s', (_, withDaemon) => {
  it(
    'logs, lists, edits and deletes entries on the local clock',
    async () => {
      const dir = await folder(withDaemon);
      const { run, list } = cli(dir);
      const gym = run(
        'log',
        'Gym',
        '--category',
        'sport',
        '--from',
        '2026-11-10 18:00',
        '--to',
        '19:00',
        '--note',
        'legs',
        ...PARIS,
      );
      expect(gym.status, gym.stderr).toBe(0);
      expect(gym.stdout).toBe('Logged #1 Gym (Sport) 2026-11-10 18:00–19:00 Europe/Paris, 1h — legs\n');
      const book = run(
        'log',
        'Book',
        '--category',
        'Reading',
        '--from',
        '2026-11-10T23:30',
        '--duration',
        '1h15m',
        ...PARIS,
        '--json',
      );
      expect(book.status, book.stderr).toBe(0);
      expect(JSON.parse(book.stdout)).toEqual({
        id: 2,
        label: 'Book',
        category: 'Reading',
        productivity: 'neutral',
        start: '2026-11-10T22:30:00.000Z',
        end: '2026-11-10T23:45:00.000Z',
        note: '',
      });

      const table = run('log', 'list', '--from', '2026-11-10', '--to', '2026-11-11', ...PARIS);
      expect(table.status, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/^id +date +time +duration +label +category +note$/m);
      expect(table.stdout).toMatch(/^ 1 +2026-11-10 +18:00–19:00 +1h +Gym +Sport +legs$/m);
      expect(table.stdout).toMatch(/^ 2 +2026-11-10 +23:30–00:45 \+1d +1h 15m +Book +Reading$/m);
      expect(table.stdout).toMatch(/2 entries, 2h 15m \(times in Europe\/Paris\)/);
      // A date as --to is included whole; a time of day is where the range ends.
      expect(list('--from', '2026-11-11', '--to', '2026-11-11', ...PARIS).map((e) => e.label)).toEqual([
        'Book',
      ]);
      expect(list('--from', '2026-11-10', '--to', '2026-11-10 23:30', ...PARIS).map((e) => e.label)).toEqual([
        'Gym',
      ]);

      // A time of day alone is on the entry's own day.
      const edit = run('log', 'edit', '1', '--to', '19:30', '--label', 'Swim', ...PARIS);
      expect(edit.status, edit.stderr).toBe(0);
      expect(edit.stdout).toBe(
        'Updated #1 Swim (Sport) 2026-11-10 18:00–19:30 Europe/Paris, 1h 30m — legs\n',
      );
      expect(run('log', 'edit', '2', '--duration', '30m', '--note', '', ...PARIS).status).toBe(0);
      expect(
        list('--from', '2026-11-01', '--to', '2026-11-20').map((e) => [e.id, e.label, e.start, e.end]),
      ).toEqual([
        [1, 'Swim', '2026-11-10T17:00:00.000Z', '2026-11-10T18:30:00.000Z'],
        [2, 'Book', '2026-11-10T22:30:00.000Z', '2026-11-10T23:00:00.000Z'],
      ]);

      const del = run('log', 'delete', '1', ...PARIS);
      expect(del.status, del.stderr).toBe(0);
      expect(del.stdout).toMatch(/^Deleted #1 Swim \(Sport\) 2026-11-10 18:00–19:30/);
      expect(list('--from', '2026-11-01', '--to', '2026-11-20').map((e) => e.id)).toEqual([2]);
      expect(run('log', 'list', '--from', '2026-01-01', '--to', '2026-02-01').stdout).toMatch(
        /No entries logged by hand/,
      );
    },
    SLOW,
  );

  it(
    'lists the last 7 days by default (plain `log` too), and takes "yesterday HH:MM" and 1.5h ending now',
    async () => {
      const { run, list } = cli(await folder(withDaemon));
      expect(
        run('log', 'Run', '--category', 'Sport', '--from', 'yesterday 07:00', '--to', '07:40', ...PARIS)
          .status,
      ).toBe(0);
      const walk = run('log', 'Walk', '--category', 'Sport', '--duration', '1.5h', ...PARIS, '--json');
      expect(walk.status, walk.stderr).toBe(0);
      const entry = JSON.parse(walk.stdout) as ManualEntry;
      expect(Date.parse(entry.end) - Date.parse(entry.start)).toBe(90 * 60_000);
      expect(Math.abs(Date.parse(entry.end) - Date.now())).toBeLessThan(10 * 60_000);
      expect(list(...PARIS).map((e) => e.label)).toEqual(['Run', 'Walk']);
      const plain = run('log', ...PARIS);
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stdout).toMatch(/Run +Sport/);
      expect(plain.stdout).toMatch(/1h 30m +Walk +Sport/);
      expect(plain.stdout).toMatch(/^2 entries/m);
    },
    SLOW,
  );

  it(
    'explains bad input in one line, exits 2 and stores nothing',
    async () => {
      const dir = await folder(withDaemon);
      const { run, list } = cli(dir);
      expect(
        run('log', 'Gym', '--category', 'Sport', '--from', '2026-11-10 18:00', '--to', '19:00', ...PARIS)
          .status,
      ).toBe(0);
      // Each failure is exactly one line (commander's own usage errors aside).
      const bad: Array<[string[], string | RegExp]> = [
        [
          ['--category', 'Sprot', '--from', '2026-11-09 18:00', '--to', '19:00'],
          `there is no category named "Sprot"; the categories are: ${ALL_CATEGORIES}`,
        ],
        [['--from', '2026-11-09 18:00', '--to', '19:00'], `give --category NAME (${ALL_CATEGORIES})`],
        [
          ['--category', 'Sport', '--from', 'last tuesday', '--to', '19:00'],
          '--from "last tuesday" is not a time: use HH:MM (today), "YYYY-MM-DD HH:MM", "yesterday HH:MM", ' +
            'a date (midnight), now, or an ISO instant with a zone',
        ],
        [
          ['--category', 'Sport', '--from', '2026-11-09 24:10', '--to', '19:00'],
          '--from "2026-11-09 24:10": 24:10 is not a time of day',
        ],
        [
          ['--category', 'Sport', '--from', '2026-02-30 10:00', '--to', '19:00'],
          '--from "2026-02-30 10:00": 2026-02-30 is not a calendar date',
        ],
        [
          ['--category', 'Sport', '--from', '2026-03-29 02:30', '--to', '04:00'],
          '--from "2026-03-29 02:30" does not exist in Europe/Paris: the clocks skip that time (a daylight-saving change)',
        ],
        [
          ['--category', 'Sport', '--from', '2026-11-09 18:00', '--duration', '1x'],
          '--duration "1x" is not a duration: use 45m, 1h, 1.5h or 1h30m',
        ],
        [
          ['--category', 'Sport', '--from', '2026-11-09 18:00'],
          'give --to or --duration after --from (e.g. --from 18:00 --to 19:00)',
        ],
        [
          ['--category', 'Sport', '--to', '2026-11-09 18:00'],
          'give --from and --to (or --duration), e.g. --from "2026-11-21 18:00" --to 19:00',
        ],
        [['--category', 'Sport', '--from', '2026-11-09 18:00', '--to', '17:00'], 'end must be after start'],
        [
          ['--category', 'Sport', '--from', '2026-11-01 18:00', '--to', '2026-11-09 18:00'],
          'an entry lasts at most 7 days',
        ],
        [
          ['--category', 'Sport', '--from', '2099-01-01 18:00', '--to', '19:00'],
          'the entry ends in the future (2099-01-01 19:00 Europe/Paris); only time that has passed can be logged',
        ],
        [
          ['--category', 'Sport', '--from', '2026-11-10 18:30', '--to', '20:00'],
          'overlaps "Gym" 2026-11-10 18:00–19:00 Europe/Paris (entry 1); manual entries cannot overlap',
        ],
        [
          ['--category', 'Sport', '--from', '2026-11-09 18:00', '--to', '19:00', '--tz', 'Mars/Base'],
          'unknown time zone "Mars/Base" (use an IANA name such as Europe/Paris)',
        ],
      ];
      for (const [args, message] of bad) {
        const r = run('log', 'Run', ...PARIS, ...args);
        // Usage errors and refused values alike: exit code 2.
        expect(r.status, args.join(' ')).toBe(2);
        if (typeof message === 'string') {
          expect(r.stderr, args.join(' ')).toBe(`timeaudit: ${message}\n`);
        } else expect(r.stderr, args.join(' ')).toMatch(message);
        expect(r.stdout).toBe('');
      }
      expect(list('--from', '2026-01-01', '--to', 'tomorrow').map((e) => e.label)).toEqual(['Gym']);
      // Not even a half-made label: only Gym's subject exists.
      const store = Store.open({ file: databasePath(dir) });
      const labels = store.db.prepare(`SELECT name FROM subjects WHERE kind = 'manual'`).pluck().all();
      store.close();
      expect(labels).toEqual(['Gym']);
    },
    SLOW,
  );

  it(
    'refuses bad edits and deletes in one line, exits 2 and changes nothing',
    async () => {
      const { run, list } = cli(await folder(withDaemon));
      expect(
        run('log', 'Gym', '--category', 'Sport', '--from', '2026-11-10 18:00', '--to', '19:00', ...PARIS)
          .status,
      ).toBe(0);
      const badEdits: Array<[string[], string | RegExp]> = [
        [['edit', '9', '--note', 'x'], 'there is no manual entry with id 9'],
        [
          ['edit', 'one', '--note', 'x'],
          '"one" is not an entry id: use the number `timeaudit log list` shows',
        ],
        [['edit', '1'], 'nothing to change: give --label, --category, --from, --to, --duration or --note'],
        [
          ['edit', '1', '--category', 'Nope'],
          `there is no category named "Nope"; the categories are: ${ALL_CATEGORIES}`,
        ],
        [['edit', '1', '--from', '19:30'], 'end must be after start'],
        [['edit', '1', '--to', '19:00', '--duration', '1h'], 'give --to or --duration, not both'],
        [['delete', '9'], 'there is no manual entry with id 9'],
        [['delete'], /missing required argument 'id'/],
      ];
      for (const [args, message] of badEdits) {
        const r = run('log', ...args, ...PARIS);
        expect(r.status, args.join(' ')).toBe(2);
        if (typeof message === 'string') {
          expect(r.stderr, args.join(' ')).toBe(`timeaudit: ${message}\n`);
        } else expect(r.stderr, args.join(' ')).toMatch(message);
        expect(r.stdout).toBe('');
      }
      const all = list('--from', '2026-01-01', '--to', 'tomorrow');
      expect(all.map((e) => [e.id, e.label, e.category, e.start, e.end])).toEqual([
        [1, 'Gym', 'Sport', '2026-11-10T17:00:00.000Z', '2026-11-10T18:00:00.000Z'],
      ]);
    },
    SLOW,
  );
});

describe('timeaudit log next to a running daemon', () => {
  it(
    'shows in its reports, and it sees each change',
    async () => {
      const dir = tempDir();
      const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env);
      try {
        const token = runCli(['token', '--data-dir', dir], env).stdout.trim();
        const api = createApiClient({ baseUrl: daemon.url, token: () => token });
        await api.createCategory({ body: { name: 'Sport', productivity: 'productive' } });
        const posted = await postEvents(daemon.url, token, 'window', [
          {
            event_id: 'w1',
            app: 'Code',
            title: '',
            start_ts: '2026-11-10T16:00:00Z',
            end_ts: '2026-11-10T19:00:00Z',
            duration_ms: 3 * 3_600_000,
            schema_version: 1,
          },
        ]);
        expect(posted.accepted).toBe(1);
        const minutes = async () => {
          const r = await api.report({
            query: { from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z', tz: 'Europe/Paris' },
          });
          expect(r.total_ms).toBe(180 * 60_000); // never counted twice
          return Object.fromEntries(r.subjects.map((s) => [`${s.kind}:${s.name}`, s.ms / 60_000]));
        };
        expect(await minutes()).toEqual({ 'app:Code': 180 });

        const { run, list } = cli(dir);
        const logged = run(
          'log',
          'Gym',
          '--category',
          'Sport',
          '--from',
          '2026-11-10 18:00',
          '--to',
          '19:00',
          ...PARIS,
        );
        expect(logged.status, logged.stderr).toBe(0);
        expect(await minutes()).toEqual({ 'app:Code': 120, 'manual:Gym': 60 });
        expect(run('log', 'edit', '1', '--to', '19:45', ...PARIS).status).toBe(0);
        expect(await minutes()).toEqual({ 'app:Code': 75, 'manual:Gym': 105 });
        const timeline = await api.timeline({ query: { date: '2026-11-10', tz: 'Europe/Paris' } });
        expect(timeline.segments.map((s) => [s.kind, s.name])).toEqual([
          ['app', 'Code'],
          ['manual', 'Gym'],
          ['app', 'Code'],
        ]);

        // An entry made through the daemon's API is the CLI's to list and delete.
        const viaApi = await api.createManualEntry({
          body: {
            label: 'Run',
            category: 'Sport',
            start: '2026-11-10T16:00:00Z',
            end: '2026-11-10T16:30:00Z',
          },
        });
        expect(list('--from', '2026-11-10', '--to', '2026-11-10', ...PARIS).map((e) => e.label)).toEqual([
          'Run',
          'Gym',
        ]);
        expect(run('log', 'delete', String(viaApi.id)).status).toBe(0);
        expect(run('log', 'delete', '1').status).toBe(0);
        expect(await minutes()).toEqual({ 'app:Code': 180 });
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
    },
    SLOW,
  );
});
