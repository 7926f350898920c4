/**
 * `timeaudit sync` and `timeaudit team report` as real processes against a real S3 protocol server (s3rver on a
 * loopback port): configured, run without a daemon and through one, the team report from the bucket and from a
 * folder holding a copy of it, and the clear errors of a sync that is off or a store that is down.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { TestS3, TEST_BUCKET } from '../sync/s3rver.testing.ts';
import { startDaemon } from './daemon.testing.ts';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const TZ = 'Europe/Berlin';

let s3: TestS3;
let root: string;
const env = () => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_EC2_METADATA_DISABLED: 'true',
  TZ,
});

/** Runs the command without blocking this process (the S3 server answers from it). */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const dataDir = (name: string) => path.join(root, name);
const configure = (dir: string, prefix: string) =>
  cli([
    'sync',
    'config',
    '--data-dir',
    dir,
    '--enable',
    '--bucket',
    TEST_BUCKET,
    '--prefix',
    prefix,
    '--endpoint',
    s3.endpoint,
    '--display-name',
    `person ${path.basename(dir)}`,
  ]);

beforeAll(async () => {
  s3 = new TestS3();
  await s3.start();
  root = mkdtempSync(path.join(tmpdir(), 'timeaudit-sync-cli-'));
});
afterAll(async () => {
  await s3?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('timeaudit sync and team report', () => {
  it('syncs without a daemon and through one; the team report sums both people', async () => {
    const [a, b] = [dataDir('a'), dataDir('b')];
    expect((await cli(['demo', '--days', '4', '--data-dir', a, '--seed', '1'])).status).toBe(0);
    expect((await cli(['demo', '--days', '4', '--data-dir', b, '--seed', '2'])).status).toBe(0);

    const off = await cli(['sync', '--data-dir', a]);
    expect(off.status).toBe(2);
    expect(off.stderr).toMatch(/timeaudit: team sync has no bucket/);

    expect((await configure(a, 'cli')).status).toBe(0);
    const first = await cli(['sync', '--data-dir', a]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Synced .*: \d+ days checked, [1-9]\d* uploaded, 0 deleted/);
    expect(first.stderr).toMatch(/sync: \d+\/\d+ days checked/);

    // b syncs through its running daemon.
    const daemon = await startDaemon(['--data-dir', b, '--port', '0', '--no-track'], env());
    try {
      expect((await configure(b, 'cli')).status).toBe(0);
      const viaDaemon = await cli(['sync', '--data-dir', b, '--json']);
      expect(viaDaemon.status, viaDaemon.stderr).toBe(0);
      const status = JSON.parse(viaDaemon.stdout);
      expect(status.last).toMatchObject({ ok: true, deleted: 0 });
      expect(status.last.uploaded).toBeGreaterThan(0);
      expect(status.days_synced).toBe(status.last.uploaded);
      // Nothing changed: nothing uploaded.
      const again = JSON.parse((await cli(['sync', '--data-dir', b, '--json'])).stdout);
      expect(again.last).toMatchObject({ ok: true, uploaded: 0, deleted: 0 });
    } finally {
      await daemon.stop();
    }

    const from = '2000-01-01';
    const to = '2100-01-01';
    const cache = path.join(root, 'cache');
    const team = await cli([
      'team',
      'report',
      '--source',
      `s3://${TEST_BUCKET}/cli`,
      '--endpoint',
      s3.endpoint,
      '--from',
      from,
      '--to',
      to,
      '--tz',
      TZ,
      '--cache',
      cache,
      '--json',
    ]);
    expect(team.status, team.stderr).toBe(0);
    const report = JSON.parse(team.stdout);
    expect(report.people.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
      'person a',
      'person b',
    ]);
    const own = async (dir: string) =>
      JSON.parse(
        (await cli(['report', '--data-dir', dir, '--from', from, '--to', to, '--tz', TZ, '--json'])).stdout,
      ).total_ms as number;
    const totals = new Map<string | null, number>();
    for (const r of report.views.allocation) totals.set(r.user_id, (totals.get(r.user_id) ?? 0) + r.ms);
    const [ta, tb] = [await own(a), await own(b)];
    expect(ta).toBeGreaterThan(0);
    expect([...totals.values()].sort((x, y) => x - y)).toEqual([ta, tb, ta + tb].sort((x, y) => x - y));
    expect(totals.get(null)).toBe(ta + tb);

    // The same views from a folder holding a copy of the bucket.
    const copy = path.join(root, 'copy');
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    for (const { key } of await s3.list('cli/')) {
      const got = await client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
      const file = path.join(copy, key.slice('cli/'.length));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, await got.Body!.transformToByteArray());
    }
    client.destroy();
    const fromFolder = await cli([
      'team',
      'report',
      '--source',
      copy,
      '--from',
      from,
      '--to',
      to,
      '--tz',
      TZ,
      '--cache',
      path.join(root, 'cache2'),
      '--json',
    ]);
    expect(fromFolder.status, fromFolder.stderr).toBe(0);
    expect(JSON.parse(fromFolder.stdout).views).toEqual(report.views);

    const text = await cli([
      'team',
      'report',
      '--source',
      copy,
      '--from',
      from,
      '--to',
      to,
      '--tz',
      TZ,
      '--cache',
      cache,
    ]);
    expect(text.stdout).toMatch(/== person a/);
    expect(text.stdout).toMatch(/== Team: /);
    expect(text.stdout).toMatch(/top shrinkage/);
  }, 60_000);

  it('says clearly when the store is down (exit 1) and when the dates are wrong (exit 2)', async () => {
    const c = dataDir('c');
    expect((await cli(['demo', '--days', '1', '--data-dir', c, '--seed', '3'])).status).toBe(0);
    expect(
      (
        await cli([
          'sync',
          'config',
          '--data-dir',
          c,
          '--enable',
          '--bucket',
          TEST_BUCKET,
          '--endpoint',
          'http://127.0.0.1:9',
          '--region',
          'us-east-1',
        ])
      ).status,
    ).toBe(0);
    const down = await cli(['sync', '--data-dir', c]);
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(
      /timeaudit: sync to s3:\/\/team-bucket at http:\/\/127\.0\.0\.1:9 failed: .*ECONNREFUSED/,
    );
    const status = await cli(['sync', 'status', '--data-dir', c]);
    expect(status.stdout).toMatch(/The last sync failed .*ECONNREFUSED/);

    const badDate = await cli([
      'team',
      'report',
      '--source',
      root,
      '--from',
      '2026-13-01',
      '--to',
      '2026-12-01',
    ]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--from is a local date, YYYY-MM-DD/);
    const badBucket = await cli(['sync', 'config', '--data-dir', c, '--bucket', 'Not A Bucket']);
    expect(badBucket.status).toBe(2);
    expect(badBucket.stderr).toMatch(/bucket name/);
  }, 60_000);
});
