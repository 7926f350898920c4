/**
 * Your data out and back in, as a user would do it: `export --raw` of a folder with demo data (categories,
 * title-less windows, browser sessions, away time), `import timeaudit` of that file into an empty folder, and
 * the two folders report the same; importing the same file again adds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './daemon.testing.ts';

const root = mkdtempSync(path.join(tmpdir(), 'timeaudit-round-trip-'));
const env = { ...process.env, TIMEAUDIT_LOG_LEVEL: 'warn' };
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = runCli(args, env);
  expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};
const report = (dataDir: string, tz: string) =>
  JSON.parse(
    cli('report', '--from', '2000-01-01', '--to', 'tomorrow', '--tz', tz, '--json', '--data-dir', dataDir),
  ) as { total_ms: number; subjects: Array<{ name: string; ms: number }> };

describe('export --raw, then import timeaudit', () => {
  it('gives an empty folder the same reports, and a second import adds nothing', { timeout: 120_000 }, () => {
    const from = path.join(root, 'from');
    const to = path.join(root, 'to');
    const file = path.join(root, 'events.ndjson');
    cli('demo', '--days', '20', '--tz', 'Asia/Kolkata', '--data-dir', from);
    cli(
      'export',
      '--from',
      '2000-01-01',
      '--to',
      'tomorrow',
      '--raw',
      '--titles',
      '--out',
      file,
      '--data-dir',
      from,
    );
    cli('import', 'timeaudit', file, '--data-dir', to);
    for (const tz of ['Asia/Kolkata', 'Europe/Berlin']) {
      const original = report(from, tz);
      expect(original.total_ms).toBeGreaterThan(0);
      const copy = report(to, tz);
      expect(copy.total_ms).toBe(original.total_ms);
      expect(copy.subjects.map((s) => [s.name, s.ms])).toEqual(original.subjects.map((s) => [s.name, s.ms]));
    }
    const before = report(to, 'UTC');
    cli('import', 'timeaudit', file, '--data-dir', to);
    expect(report(to, 'UTC')).toEqual(before);
  });
});
