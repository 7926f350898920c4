/// <reference types="chrome" />
/**
 * Support for the extension's end-to-end tests: Debian's Chromium with the built extension (extension/dist)
 * loaded, a daemon that can be stopped and started again on the same port and data folder, a tiny web server
 * for the test sites (*.example.test, resolved to 127.0.0.1 by Chromium), reads of the extension's
 * storage, badge and the app's database, and the extension's clock, which the tests move instead of sleeping.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { runCli, startDaemon, type Daemon } from '../app/cli/daemon.testing.ts';
import { databasePath } from '../app/cli/paths.ts';
import { createApiClient, type ApiClient } from '../app/shared/client.ts';
import { EXTENSION_ID, extensionOrigin } from '../app/shared/extension.ts';
import type { Reply, Response } from '../extension/src/protocol.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

export const EXTENSION_DIR = path.resolve(new URL('../extension/dist', import.meta.url).pathname);
export const POPUP_URL = `${extensionOrigin(EXTENSION_ID)}/popup/popup.html`;
export const SHOTS = 'test-results/screenshots';

// ---------- the app ----------

export interface RestartableApp {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  api: ApiClient;
  /** Stops the daemon; the data folder stays. */
  stop(): Promise<void>;
  /** Starts a daemon again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops the daemon and removes the data folder. */
  dispose(): Promise<void>;
}

const DAEMON_ENV = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };

/** Like fixtures.ts's startApp(0), but the daemon can go down and come back on the same port and data. */
export async function startRestartableApp(): Promise<RestartableApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-e2e-ext-'));
  // A 5-minute away threshold, which the extension must take from the app when it pairs.
  const args = (port: number) => [
    '--port',
    String(port),
    '--no-track',
    '--idle-minutes',
    '5',
    '--data-dir',
    dataDir,
  ];
  let daemon: Daemon | null = await startDaemon(args(0), DAEMON_ENV);
  const url = daemon.url;
  const port = Number(new URL(url).port);
  const token = runCli(['token', '--data-dir', dataDir]).stdout.trim();
  const app: RestartableApp = {
    url,
    port,
    token,
    dataDir,
    api: createApiClient({ baseUrl: url, token: () => token }),
    async stop() {
      await daemon?.stop();
      daemon = null;
    },
    async start() {
      if (daemon) return;
      daemon = await startDaemon(args(port), DAEMON_ENV);
    },
    async dispose() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

export interface BrowserEventRow {
  event_id: string;
  user_id: string;
  domain: string;
  start_ms: number;
  end_ms: number;
  duration_ms: number;
  reason_closed: string;
}

/** The browser events the app stored, read from its database file (read-only), oldest first. */
export function storedBrowserEvents(dataDir: string): BrowserEventRow[] {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT event_id, user_id, domain, start_ms, end_ms, duration_ms, reason_closed FROM browser_events ORDER BY start_ms, id',
      )
      .all() as BrowserEventRow[];
  } finally {
    db.close();
  }
}

// ---------- the test sites ----------

export interface Sites {
  port: number;
  /** http://NAME.example.test:PORT/PATH */
  url(name: string, pathname?: string): string;
  close(): Promise<void>;
}

/** One small page per host name, whatever the host: enough to be a "website" for the extension. */
export async function startSites(): Promise<Sites> {
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><title>${host}</title><h1>${host}</h1><p>${req.url}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (name, pathname = '/') => `http://${name}.example.test:${port}${pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------- Chromium with the extension ----------

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Launches Chromium (headless) with the built extension, and waits until its service worker has run its
 * install-time sync (its `tracker` state is in storage), so that its listeners are registered before any
 * navigation.
 */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no build in ${EXTENSION_DIR}: run \`npm run build:extension\` first`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP *.example.test 127.0.0.1',
    ],
  });
  const isOurs = (w: Worker) => w.url().startsWith(extensionOrigin(EXTENSION_ID));
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  for (let i = 0; i < 100 && (await readStorage(worker, 'tracker')) === undefined; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if ((await readStorage(worker, 'tracker')) === undefined)
    throw new Error('the extension never started tracking');
  return {
    context,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One key of the extension's chrome.storage.local, as stored, read in its service worker or in one of its
 * pages (which outlives a worker that Chrome stopped).
 */
export async function readStorage(from: Worker | Page, key: string): Promise<unknown> {
  const read = async (k: string) => (await chrome.storage.local.get(k))[k];
  return 'goto' in from ? from.evaluate(read, key) : from.evaluate(read, key);
}

/** The domain the extension has a session open on (null: none), from its storage. */
export async function trackedDomain(from: Worker | Page): Promise<string | null> {
  const tracker = (await readStorage(from, 'tracker')) as { session: { domain: string } | null } | undefined;
  return tracker?.session?.domain ?? null;
}

/**
 * Moves the extension's clock (its service worker's) forward by `ms` at once, and answers the time it then
 * says: the tests let seconds of browsing pass this way instead of sleeping. Sent as the test-only
 * `advanceClock` message from `extensionPage` (the popup), since only the extension's own pages may talk to
 * its worker; a stopped worker is woken by it.
 */
export async function advanceClock(extensionPage: Page, ms: number): Promise<number> {
  const reply = (await extensionPage.evaluate(
    (request) => chrome.runtime.sendMessage({ type: 'advanceClock', request }),
    { ms },
  )) as Reply<Response<'advanceClock'>> | undefined;
  if (!reply?.ok) throw new Error(`the extension did not move its clock: ${JSON.stringify(reply)}`);
  return reply.value.nowMs;
}

export async function badge(worker: Worker): Promise<{ text: string; color: number[]; title: string }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** The popup, opened in a tab of its own at the popup's size. */
export async function openPopup(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(POPUP_URL);
  return page;
}

/** A new tab (it becomes the active one) on `url`. */
export async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Stops the extension's service worker as Chrome does when it has been idle (through the DevTools protocol,
 * from `page`), and resolves once it is stopped. The next extension event (a tab switch) starts it again.
 */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  type Version = { versionId: string; scriptURL: string; runningStatus: string };
  let versions: Version[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
    versions = e.versions.filter((v) => v.scriptURL.startsWith(extensionOrigin(EXTENSION_ID)));
  });
  await cdp.send('ServiceWorker.enable');
  const status = async (want: string) => {
    for (let i = 0; i < 100 && !versions.some((v) => v.runningStatus === want); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!versions.some((v) => v.runningStatus === want))
      throw new Error(`the extension's service worker is not ${want}: ${JSON.stringify(versions)}`);
  };
  await status('running');
  for (const v of versions) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  await status('stopped');
  await cdp.detach();
}
