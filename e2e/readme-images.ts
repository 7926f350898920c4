/**
 * The README's two pictures, made from demo data: the dashboard (1280 px, light) and the extension's popup
 * (360 px, light) showing a site of the demo data. Not a test: `npm run docs:images` runs it after
 * `npm run build:renderer && npm run build:extension`, and writes docs/images/dashboard.png and popup.png.
 *
 *   node e2e/readme-images.ts [out-dir]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { runCli, startDaemon } from '../app/cli/daemon.testing.ts';
import { EXTENSION_ID, extensionOrigin } from '../app/shared/extension.ts';
import { createApiClient } from '../app/shared/client.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { EXTENSION_DIR, trackedDomain } from './extension-helpers.ts';

const outDir = process.argv[2] ?? 'docs/images';
// The demo's activity ends now: in a zone where it is mid-afternoon, today already holds a working day's
// morning, so the popup's "today" has figures. (Etc/GMT-N is UTC+N.)
const offset = ((15 - new Date().getUTCHours() + 36) % 24) - 12;
const TZ = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
// A site of the demo data that Chromium does not force to https (it is served here over http).
const SITE = 'news.ycombinator.com';

mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-readme-'));
const chromiumDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-readme-chromium-'));
const site = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${SITE}</title><h1>${SITE}</h1>`);
});

try {
  console.log('demo data: 60 days…');
  const demo = runCli(['demo', '--days', '60', '--tz', TZ, '--data-dir', dataDir]);
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
  const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dataDir], env);
  try {
    const token = runCli(['token', '--data-dir', dataDir]).stdout.trim();
    const api = createApiClient({ baseUrl: daemon.url, token: () => token });
    const hour = 3_600_000;
    await api.createGoal({
      body: { category: 'Social & Video', direction: 'at_most', period: 'day', target_ms: hour },
    });
    await api.createGoal({
      body: { category: 'Development', direction: 'at_least', period: 'week', target_ms: 20 * hour },
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;

    // The dashboard: its first screen, where the figures and charts are.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 1000 },
        colorScheme: 'light',
        locale: 'en-GB',
        timezoneId: TZ,
      });
      await page.goto(`${daemon.url}/#token=${token}`);
      await page.locator('[data-testid="total-time"]').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800); // chart.js animations
      const dashboard = path.join(outDir, 'dashboard.png');
      await page.screenshot({ path: dashboard });
      console.log(dashboard);
    } finally {
      await browser.close();
    }

    const context = await chromium.launchPersistentContext(chromiumDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      colorScheme: 'light',
      locale: 'en-GB',
      timezoneId: TZ,
      args: [
        ...CHROMIUM_ARGS,
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        `--host-resolver-rules=MAP ${SITE} 127.0.0.1`,
      ],
    });
    try {
      // The popup, paired with the daemon, while a tab on the demo's site is in front.
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.goto(`${extensionOrigin(EXTENSION_ID)}/popup/popup.html`);
      await popup.getByLabel('Port').fill(new URL(daemon.url).port);
      await popup.getByLabel('Token').fill(token);
      await popup.getByRole('button', { name: 'Connect' }).click();
      await popup.getByTestId('connection-pill').getByText('Connected').waitFor();
      const tab = await context.newPage();
      await tab.goto(`http://${SITE}:${sitePort}/`);
      for (let i = 0; i < 100 && (await trackedDomain(popup)) !== SITE; i++) await tab.waitForTimeout(100);
      if ((await trackedDomain(popup)) !== SITE) throw new Error(`the extension never tracked ${SITE}`);
      await tab.waitForTimeout(2_000);
      await popup.bringToFront();
      await popup.reload();
      await popup.getByTestId('connection-pill').getByText('Connected').waitFor();
      await popup.waitForLoadState('networkidle');
      await popup.waitForTimeout(800);
      const popupFile = path.join(outDir, 'popup.png');
      await popup.locator('body').screenshot({ path: popupFile });
      console.log(popupFile);
    } finally {
      await context.close();
    }
  } finally {
    await daemon.stop();
  }
} finally {
  site.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(chromiumDir, { recursive: true, force: true });
}
