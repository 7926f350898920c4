/**
 * A real full disk: the daemon's data folder on a small tmpfs, filled up while it runs and while it starts.
 * Mounting needs root (CI runs as root); elsewhere the test is skipped and says why.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startDaemon, type Daemon } from './daemon.testing.ts';

const mountPoint = mkdtempSync(path.join(tmpdir(), 'timeaudit-full-'));
const mounted = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m,mode=0700', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
})();
if (!mounted) console.warn('disk-full test skipped: mounting a small tmpfs needs root on Linux');

const dataDir = path.join(mountPoint, 'data');
const filler = path.join(mountPoint, 'filler');
const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
const MIN = 60_000;
const T0 = Date.now() - 6 * 60 * MIN;

/** Writes zeros until the file system refuses one more byte. */
function fillDisk(): void {
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

const windowEvent = (n: number, app: string) => ({
  event_id: `w${n}`,
  app,
  title: `a title long enough to need room ${'x'.repeat(400)} ${n}`,
  start_ts: new Date(T0 + n * MIN).toISOString(),
  end_ts: new Date(T0 + (n + 1) * MIN).toISOString(),
  duration_ms: MIN,
  schema_version: 1,
});

async function call(daemon: Daemon, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${daemon.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const reportUrl = `/v1/report?from=${new Date(T0).toISOString()}&to=${new Date(T0 + 300 * MIN).toISOString()}&tz=UTC`;

describe.skipIf(!mounted)('a full disk', () => {
  let daemon: Daemon | null = null;
  afterAll(async () => {
    await daemon?.kill();
    if (mounted) execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });
  beforeAll(() => {
    // Only `serve`, `demo` and `import` make a data folder; `token` needs one.
    mkdirSync(dataDir, { mode: 0o700 });
    expect(runCli(['token', '--data-dir', dataDir], env).status).toBe(0);
  });

  it('refuses writes with 507, keeps serving reports, starts while full, and recovers by itself', async () => {
    const token = runCli(['token', '--data-dir', dataDir], env).stdout.trim();
    daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dataDir], env);
    let acknowledged = 0;
    const post = async (from: number, n: number) => {
      const events = Array.from({ length: n }, (_, i) => windowEvent(from + i, `App ${(from + i) % 7}`));
      const answer = await call(daemon as Daemon, token, 'POST', '/v1/window/events', { events });
      if (answer.status === 200) acknowledged += answer.json.accepted as number;
      return answer;
    };
    expect((await post(0, 60)).status).toBe(200);

    fillDisk();
    const refused = await post(60, 60);
    expect(refused.status).toBe(507);
    expect(refused.json).toEqual({
      error: { code: 'storage_full', message: expect.stringMatching(/disk .* full.* nothing was saved/) },
    });
    const report = await call(daemon, token, 'GET', reportUrl);
    expect(report.status).toBe(200);
    expect(report.json.total_ms).toBe(acknowledged * MIN);

    // Stopped and started again while the disk is still full: it starts, serves reports, refuses writes.
    expect(await daemon.stop()).toBe(0);
    daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dataDir], env);
    expect((await call(daemon, token, 'GET', reportUrl)).json.total_ms).toBe(acknowledged * MIN);
    expect((await post(120, 60)).status).toBe(507);
    expect((await fetch(`${daemon.url}/v1/health`)).status).toBe(200);

    rmSync(filler);
    expect((await post(120, 60)).json).toMatchObject({ accepted: 60, rejected: [] });
    expect(acknowledged).toBe(120);
    expect((await call(daemon, token, 'GET', reportUrl)).json.total_ms).toBe(acknowledged * MIN);
    expect(await daemon.stop()).toBe(0);
  });
});
