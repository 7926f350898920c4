/**
 * A real `timeaudit serve` per test file, on a free port and its own temporary data folder, optionally filled
 * with demo data first; and the typed API client pointed at it, to check the dashboard against the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { runCli, startDaemon, type Daemon } from '../app/cli/daemon.testing.ts';
import { createApiClient, type ApiClient } from '../app/shared/client.ts';

export const TZ = 'Europe/Berlin';

export interface App {
  url: string;
  token: string;
  /** The dashboard's address with the token in its fragment, as `timeaudit serve` prints it. */
  dashboard: string;
  api: ApiClient;
  dataDir: string;
}

/** Starts a daemon on a fresh data folder; `demoDays` > 0 fills it with that many days of demo data first. */
export async function startApp(demoDays: number): Promise<App & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-e2e-'));
  if (demoDays > 0) {
    const demo = runCli(['demo', '--days', String(demoDays), '--tz', TZ, '--data-dir', dataDir]);
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  }
  const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
  let daemon: Daemon;
  try {
    daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dataDir], env);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const token = runCli(['token', '--data-dir', dataDir]).stdout.trim();
  return {
    url: daemon.url,
    token,
    dashboard: `${daemon.url}/#token=${token}`,
    api: createApiClient({ baseUrl: daemon.url, token: () => token }),
    dataDir,
    async stop() {
      await daemon.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `app` is one daemon with 60 days of demo data, shared by the tests of a file. */
export const test = base.extend<object, { app: App }>({
  app: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const app = await startApp(60);
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
