/**
 * Every screen size, and a header that tells the truth. The dashboard at 360, 390, 768, 1024 and 1440 px, light
 * and dark, never scrolls sideways (with the tracking details open, too); the extension's popup keeps every
 * control inside its 360 px, light and dark, with a long site name, waiting sessions and a pause. The header's
 * tracking state is right for a daemon that tracks (under Xvfb), one that is paused, one started with
 * --no-track, one without a display, and one that stopped answering (and the figures left from another range
 * say they are stale). Screenshots: test-results/screenshots/screens/*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { runCli, startDaemon, type Daemon } from '../app/cli/daemon.testing.ts';
import {
  missingX11Tools,
  startX11Desktop,
  X11_APT,
  type X11Desktop,
} from '../app/trackers/x11-desktop.testing.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import {
  launchWithExtension,
  openPopup,
  openTab,
  startRestartableApp,
  startSites,
  trackedDomain,
} from './extension-helpers.ts';
import { collectErrors } from './page-checks.ts';

const SHOTS = 'test-results/screenshots/screens';
const WIDTHS = [360, 390, 768, 1024, 1440] as const;
const SCHEMES = ['light', 'dark'] as const;

mkdirSync(SHOTS, { recursive: true });
test.describe.configure({ mode: 'serial' });

let app: App & { stop(): Promise<void> };
test.beforeAll(async () => {
  app = await startApp(14);
});
test.afterAll(async () => {
  await app?.stop();
});

/** How far the page reaches past the window, in CSS px (0: no sideways scrolling). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
      .document;
    return doc.documentElement.scrollWidth - (globalThis as unknown as { innerWidth: number }).innerWidth;
  });

async function openAt(browser: Browser, width: number, colorScheme: 'light' | 'dark') {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  return { context, page };
}

const headline = (page: Page) => page.getByTestId('tracking-state');

test('the dashboard never scrolls sideways, from 360 to 1440 px, light and dark (screenshots)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const { context, page } = await openAt(browser, width, scheme);
      const errors = collectErrors(page);
      await page.goto(app.dashboard);
      await expect(page.getByTestId('total-time')).not.toHaveText(/^(0m)?$/);
      await page.waitForLoadState('networkidle');
      await expect(headline(page)).toContainText('Not tracking: started with --no-track');
      expect(await sidewaysOverflow(page), `${scheme} ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/dashboard-${scheme}-${width}.png`, fullPage: true });

      // The details of what is recorded open inside the window too.
      await headline(page).getByText('Details').click();
      const list = page.getByRole('definition');
      await expect(list.first()).toBeVisible();
      const box = await page.locator('.sources-list').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `${scheme} ${width}px details`).toBe(true);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      if (width === 390 || width === 1440) {
        await page.screenshot({ path: `${SHOTS}/header-details-${scheme}-${width}.png` });
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  }
});

test('the popup keeps every control inside its 360 px: a long site, waiting sessions, a pause (screenshots)', async () => {
  test.setTimeout(120_000);
  const own = await startRestartableApp();
  const sites = await startSites();
  const chromium = await launchWithExtension();
  try {
    const popup = await openPopup(chromium.context);
    await popup.getByLabel('Port').fill(String(own.port));
    await popup.getByLabel('Token').fill(own.token);
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(popup.getByTestId('connection-pill')).toHaveText('Connected');
    const long = 'a-rather-long-subdomain-of-the-documentation-site';
    const tab = await openTab(chromium.context, sites.url(long, '/'));
    await expect.poll(() => trackedDomain(popup)).toBe(`${long}.example.test`);
    await tab.waitForTimeout(1_500);
    // Sessions wait while the app is down: the popup shows them with "Send now".
    await own.stop();
    await popup.bringToFront();
    await expect.poll(() => trackedDomain(popup)).toBe(null);
    await expect(popup.getByTestId('status-line')).toContainText('waiting', { timeout: 20_000 });

    const check = async (name: string) => {
      for (const scheme of SCHEMES) {
        await popup.emulateMedia({ colorScheme: scheme });
        const outside = await popup.evaluate(() => {
          type El = {
            tagName: string;
            className: unknown;
            textContent: string | null;
            getBoundingClientRect(): { left: number; right: number; width: number };
          };
          const doc = (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): Iterable<El>; body: El };
            }
          ).document;
          const body = doc.body.getBoundingClientRect();
          const out: string[] = [];
          for (const el of doc.querySelectorAll(
            'button, select, input, a, .card, .num, .notice, .site-name',
          )) {
            const b = el.getBoundingClientRect();
            if (b.width > 0 && (b.left < body.left - 0.5 || b.right > body.right + 0.5)) {
              out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${b.left}..${b.right}`);
            }
          }
          return { out, body: body.width };
        });
        expect(outside.body).toBe(360);
        expect(outside.out, `${name}, ${scheme}`).toEqual([]);
        await popup.locator('body').screenshot({ path: `${SHOTS}/popup-${name}-${scheme}.png` });
      }
      await popup.emulateMedia({ colorScheme: 'light' });
    };
    await expect(popup.getByRole('button', { name: 'Send now' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Change pairing' })).toBeVisible();
    await check('waiting');

    await own.start();
    await expect(popup.getByTestId('connection-pill')).toHaveText('Connected', { timeout: 15_000 });
    await popup.getByRole('button', { name: /15 min/ }).click();
    await expect(popup.getByRole('button', { name: 'Resume' })).toBeVisible();
    await check('paused');
    await popup.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'New category…' });
    await expect(popup.getByLabel('Category name')).toBeVisible();
    await check('new-category');
  } finally {
    await chromium.close();
    await sites.close();
    await own.dispose();
  }
});

// ---------- the header's state, per daemon ----------

const NO_DISPLAY = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };

/** A daemon of its own (no demo data), and its dashboard link. */
async function daemonWith(args: string[], env: NodeJS.ProcessEnv) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-e2e-screens-'));
  let daemon: Daemon;
  try {
    daemon = await startDaemon(['--port', '0', ...args, '--data-dir', dataDir], env);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const token = runCli(['token', '--data-dir', dataDir]).stdout.trim();
  return {
    daemon,
    dashboard: `${daemon.url}/#token=${token}`,
    async dispose() {
      await daemon.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('the header says "Not tracking" with the reason: --no-track, and no display', async ({ page }) => {
  await page.goto(app.dashboard);
  await expect(headline(page)).toHaveAttribute('data-tone', 'off');
  await expect(headline(page)).toContainText('Not tracking: started with --no-track');
  await headline(page).getByText('Details').click();
  await expect(page.locator('[data-source="windows"]')).toContainText('Off: started with --no-track');
  await expect(page.locator('[data-source="browser"]')).toContainText('Not seen since Time Audit started');
  const port = new URL(app.url).port;
  await expect(page.locator('[data-source="api"]')).toContainText(`Port ${port}, from the --port flag`);

  const headless = await daemonWith([], NO_DISPLAY);
  try {
    await page.goto('about:blank');
    await page.goto(headless.dashboard);
    await expect(headline(page)).toContainText('Not tracking: no display (DISPLAY is not set)');
    await page.screenshot({
      path: `${SHOTS}/header-no-display.png`,
      clip: { x: 0, y: 0, width: 1280, height: 140 },
    });
  } finally {
    await headless.dispose();
  }
});

test('the header says "Tracking" under X11, and "paused" while paused', async ({ page }) => {
  const missing = missingX11Tools();
  test.skip(missing.length > 0 && !process.env.CI, `needs ${missing.join(', ')} (${X11_APT})`);
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: ${X11_APT}`);
  let desktop: X11Desktop | null = null;
  let tracked: Awaited<ReturnType<typeof daemonWith>> | null = null;
  try {
    desktop = await startX11Desktop();
    await desktop.openWindow('notes.md - Editor', 'TaEditor');
    tracked = await daemonWith([], { ...NO_DISPLAY, DISPLAY: desktop.display });
    await page.goto(tracked.dashboard);
    await expect(headline(page)).toHaveAttribute('data-tone', 'on');
    await expect(headline(page)).toHaveText(/^Tracking/);
    await headline(page).getByText('Details').click();
    await expect(page.locator('[data-source="windows"]')).toContainText('Tracking (x11)');
    await expect(page.locator('[data-source="idle"]')).toContainText('Tracking (x11)');
    await page.screenshot({
      path: `${SHOTS}/header-tracking.png`,
      clip: { x: 0, y: 0, width: 1280, height: 300 },
    });

    await page.getByRole('combobox', { name: 'Pause tracking' }).selectOption({ label: 'for 15 minutes' });
    await expect(page.getByTestId('pause-state')).toContainText(/Tracking paused until \d\d:\d\d/);
    await expect(headline(page)).toHaveAttribute('data-tone', 'paused');
    await expect(page.locator('[data-source="windows"]')).toContainText('Paused (x11)');
    await page.screenshot({
      path: `${SHOTS}/header-paused.png`,
      clip: { x: 0, y: 0, width: 1280, height: 300 },
    });
  } finally {
    await tracked?.dispose();
    await desktop?.close();
  }
});

test('the header says "API unreachable" when the daemon stops, and figures of another range are marked stale', async ({
  page,
}) => {
  const going = await daemonWith(['--no-track'], NO_DISPLAY);
  try {
    await page.goto(going.dashboard);
    await expect(headline(page)).toContainText('Not tracking');
    await going.daemon.stop();
    await page.getByRole('button', { name: 'Yesterday' }).click();
    await expect(headline(page)).toHaveAttribute('data-tone', 'down');
    await expect(headline(page)).toHaveText('API unreachable');
    await expect(page.getByRole('combobox', { name: 'Pause tracking' })).toHaveCount(0);
    await expect(page.getByTestId('stale-marker')).toContainText('could not be loaded');
    await page.screenshot({
      path: `${SHOTS}/header-api-down.png`,
      clip: { x: 0, y: 0, width: 1280, height: 260 },
    });
  } finally {
    await going.dispose();
  }
});

// ---------- small things a user trips over ----------

test('the token field takes the whole dashboard link, and the skip link is the first tab stop', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(app.url);
    await page.getByLabel('API token').fill(app.dashboard);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { name: 'Total allocation' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the figures' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  } finally {
    await context.close();
  }
});

test('an end well before the start is refused as a mistake, not logged as 23 hours', async ({ page }) => {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  const form = page.getByRole('form', { name: 'Log time' });
  await form.getByLabel('Activity', { exact: true }).fill('Reading');
  await form.getByLabel('Category of the activity').selectOption({ index: 1 });
  await form.getByLabel('Start', { exact: true }).fill('18:00');
  await form.getByLabel('End', { exact: true }).fill('17:00');
  await expect(form).toContainText('The end is before the start');
  const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
  const before = (await app.api.listManualEntries({ query: all })).length;
  await form.getByRole('button', { name: 'Log time' }).click();
  await expect(form.getByRole('alert')).toContainText('The end (17:00) is before the start (18:00)');
  await expect(form.getByLabel('End', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect((await app.api.listManualEntries({ query: all })).length).toBe(before);
  // Past midnight is still the next day.
  await form.getByLabel('Start', { exact: true }).fill('23:30');
  await form.getByLabel('End', { exact: true }).fill('00:30');
  await expect(form).toContainText('1h, ends the next day');
});

test('without a previous period the score and the pulse keep a row each, and the pulse is explained in words', async ({
  page,
}) => {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  // 14 days of demo data: the 30 days before "Last 30 days" hold nothing.
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  const score = page.locator('.score');
  await expect(score).toContainText('No data in the previous period');
  await expect(score).toContainText('Pulse counts neutral and uncategorized time half, unproductive none.');
  const top = async (label: string) =>
    (await score.locator('.score-label', { hasText: label }).boundingBox())?.y ?? NaN;
  const left = async (label: string) =>
    (await score.locator('.score-label', { hasText: label }).boundingBox())?.x ?? NaN;
  expect(await top('Pulse')).toBeGreaterThan((await top('Score')) + 10);
  expect(await left('Pulse')).toBe(await left('Score'));
});
