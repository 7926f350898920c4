/**
 * The real extension (extension/dist) in Debian's Chromium, headless, against a real `timeaudit serve`:
 * pairing through the popup, sessions from switching tabs and navigating between three test sites, delivery
 * to the app, nothing lost while the app is down (and nothing stored twice when it is back), recategorizing a
 * site from the popup, today's goals in the popup, the toolbar badge, and a session that outlives its
 * service worker being stopped. The tests share one browser and one daemon and run in order.
 * Screenshots of the popup go to test-results/screenshots/popup-*.png.
 *
 * Time on a site passes on the extension's clock, which the tests move forward (`advanceClock`) instead of
 * sleeping; before each move they wait until the worker has seen the tab switch before it. So each visit
 * lasts at least as long as the test says however slow the machine, and the upper bounds leave room for the
 * real time that passes meanwhile.
 */
import type { Page } from '@playwright/test';
import { FLUSH_DELAY_MS } from '../extension/src/config.ts';
import { BADGE_COLORS, rgba } from '../extension/src/worker/badge.ts';
import { toWire } from '../extension/src/worker/queue.ts';
import { unpackQueue } from '../extension/src/worker/storage.ts';
import { expect, test } from './fixtures.ts';
import {
  advanceClock,
  badge,
  launchWithExtension,
  openPopup,
  openTab,
  readStorage,
  SHOTS,
  startRestartableApp,
  startSites,
  stopServiceWorker,
  storedBrowserEvents,
  trackedDomain,
  type BrowserEventRow,
  type ExtensionBrowser,
  type RestartableApp,
  type Sites,
} from './extension-helpers.ts';

test.describe.configure({ mode: 'serial' });

const ALPHA = 'alpha.example.test';
const BETA = 'beta.example.test';
const GAMMA = 'gamma.example.test';

let app: RestartableApp;
let sites: Sites;
let browser: ExtensionBrowser;
let popup: Page;
let alpha: Page;
let other: Page;

test.beforeAll(async () => {
  app = await startRestartableApp();
  sites = await startSites();
  browser = await launchWithExtension();
});

test.afterAll(async () => {
  await browser?.close();
  await sites?.close();
  await app?.dispose();
});

const statusLine = () => popup.getByTestId('status-line');
/** Lets `ms` pass at once on the extension's clock; answers its time. Read through the popup, which stays. */
const pass = (ms: number) => advanceClock(popup, ms);
const clockNow = () => pass(0);
/** Waits until the extension has a session open on `domain` (null: none): it has seen the last switch. */
const tracking = (domain: string | null) => expect.poll(() => trackedDomain(popup)).toBe(domain);
const pill = () => popup.getByTestId('connection-pill');
const sum = (rows: BrowserEventRow[], domain: string) =>
  rows.filter((r) => r.domain === domain).reduce((ms, r) => ms + r.duration_ms, 0);

async function shot(name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await popup.emulateMedia({ colorScheme });
  // The body is the popup: 360 px wide and as tall as its content, as Chrome sizes an action popup.
  await popup.locator('body').screenshot({ path: `${SHOTS}/popup-${name}.png` });
  await popup.emulateMedia({ colorScheme: 'light' });
}

/** Clicks "Send now" (the popup shows it while sessions wait) and waits until the queue is empty. */
async function sendNow(): Promise<void> {
  await popup.getByRole('button', { name: 'Send now' }).click();
  await expect(statusLine()).toHaveText('Connected · 0 waiting');
}

test('pairs through the popup, tracks tab switches and navigations, and delivers the sessions', async () => {
  test.setTimeout(120_000);
  popup = await openPopup(browser.context);
  const startedMs = await clockNow();
  await expect(pill()).toHaveText('Not paired');
  expect(await badge(browser.worker)).toMatchObject({ text: '!' });
  await shot('pairing');
  await popup.getByLabel('Port').fill(String(app.port));
  await popup.getByLabel('Token').fill(app.token);
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(pill()).toHaveText('Connected');
  await expect(statusLine()).toHaveText('Connected · 0 waiting');
  const dashboardLink = popup.getByRole('link', { name: 'Open dashboard' });
  await expect(dashboardLink).toHaveAttribute('href', `${app.url}/#token=${app.token}`);

  // alpha 5 s, beta 4 s (over two pages of its own), gamma 2 s (reached by navigating the beta tab),
  // alpha again 3 s, then the popup's tab, which is no website.
  alpha = await openTab(browser.context, sites.url('alpha', '/one'));
  await tracking(ALPHA);
  await pass(5_000);
  other = await openTab(browser.context, sites.url('beta', '/one'));
  await tracking(BETA);
  await pass(2_000);
  await other.goto(sites.url('beta', '/two?q=secret'));
  await pass(2_000);
  await other.goto(sites.url('gamma', '/'));
  await tracking(GAMMA);
  await pass(2_000);
  await alpha.bringToFront();
  await tracking(ALPHA);
  await pass(3_000);
  await popup.bringToFront();
  await tracking(null);
  await sendNow();

  const rows = storedBrowserEvents(app.dataDir);
  expect(rows.map((r) => [r.domain, r.reason_closed])).toEqual([
    [ALPHA, 'tab_switch'],
    [BETA, 'navigation'],
    [GAMMA, 'tab_switch'],
    [ALPHA, 'tab_switch'],
  ]);
  // Only host names leave the page: no path, query or title in the app or in the extension's storage.
  const everything = JSON.stringify(await browser.worker.evaluate(() => chrome.storage.local.get(null)));
  for (const secret of ['/one', '/two', 'q=secret', 'http://']) expect(everything).not.toContain(secret);
  const pairing = (await readStorage(browser.worker, 'pairing')) as { userId: string; idleSeconds: number };
  expect(pairing.idleSeconds).toBe(300); // the app's --idle-minutes 5, learnt at pairing
  for (const row of rows) {
    expect(row.user_id).toBe(pairing.userId);
    expect(row.duration_ms).toBe(row.end_ms - row.start_ms);
    expect(row.start_ms).toBeGreaterThanOrEqual(startedMs);
  }
  expect(sum(rows, ALPHA)).toBeGreaterThanOrEqual(8_000);
  expect(sum(rows, ALPHA)).toBeLessThan(14_000);
  expect(sum(rows, BETA)).toBeGreaterThanOrEqual(4_000);
  expect(sum(rows, BETA)).toBeLessThan(8_000);
  expect(sum(rows, GAMMA)).toBeGreaterThanOrEqual(2_000);
  expect(sum(rows, GAMMA)).toBeLessThan(5_000);

  const report = await app.api.report({
    query: {
      from: new Date(startedMs - 60_000).toISOString(),
      to: new Date((await clockNow()) + 60_000).toISOString(),
      tz: 'UTC',
    },
  });
  const domains = report.subjects.filter((s) => s.kind === 'domain');
  expect(domains.map((s) => s.name)).toEqual([ALPHA, BETA, GAMMA]); // most time first
  for (const d of domains) expect(d.ms).toBe(sum(rows, d.name));

  // The popup's figures are the report's; the tab it is in is no website, so it shows the last site.
  await expect(popup.getByTestId('current-domain')).toHaveText(ALPHA);
  await expect(popup.getByLabel('Current site')).toContainText('Last site');
  await expect(popup.getByTestId('top-domains').locator('li')).toHaveCount(3);
  await shot('connected');
  await shot('connected-dark', 'dark');
});

test('keeps sessions while the app is down and delivers each exactly once when it is back', async () => {
  test.setTimeout(120_000);
  const before = storedBrowserEvents(app.dataDir);
  await app.stop();

  await alpha.bringToFront();
  await tracking(ALPHA);
  await pass(2_000);
  await other.bringToFront(); // gamma
  await tracking(GAMMA);
  await pass(2_000);
  await popup.bringToFront();
  await tracking(null);
  // The queue is sent a few seconds after the last session closed; nothing answers.
  await pass(FLUSH_DELAY_MS);
  await expect(statusLine()).toHaveText('Disconnected — 2 sessions waiting', { timeout: 20_000 });
  await expect(pill()).toHaveText('Offline');
  await expect(popup.getByTestId('offline-notice')).toContainText(`port ${app.port}`);
  await expect.poll(async () => (await badge(browser.worker)).text).toBe('!');
  expect((await badge(browser.worker)).color).toEqual(rgba(BADGE_COLORS.disconnected));
  await shot('disconnected');

  // What waits in the extension's storage is what must arrive.
  const readQueue = async () =>
    unpackQueue((await readStorage(browser.worker, 'queue')) as Parameters<typeof unpackQueue>[0]);
  await expect.poll(async () => (await readQueue()).failures).toBeGreaterThan(0);
  const queue = await readQueue();
  expect(queue.items.map((e) => e.domain)).toEqual([ALPHA, GAMMA]);

  await app.start(); // same port, same data folder
  // Sent as soon as the worker sees the app again (it asks every few seconds while sessions wait), without
  // "Send now" and well before the next minute alarm.
  await expect
    .poll(() => storedBrowserEvents(app.dataDir).length, { timeout: 15_000 })
    .toBe(before.length + queue.items.length);
  await expect(statusLine()).toHaveText('Connected · 0 waiting');
  const after = storedBrowserEvents(app.dataDir);
  expect(after).toHaveLength(before.length + queue.items.length);
  for (const e of queue.items) expect(after.filter((r) => r.event_id === e.eventId)).toHaveLength(1);
  const link = (await readStorage(browser.worker, 'link')) as {
    lastResult: { accepted: number; duplicates: number };
  };
  expect(link.lastResult).toMatchObject({ accepted: queue.items.length, duplicates: 0, rejected: [] });

  // Sending the same events again (a worker stopped before it saw the answer) stores nothing twice.
  const { userId } = (await readStorage(browser.worker, 'pairing')) as { userId: string };
  const again = await app.api.postBrowserEvents({
    body: { events: queue.items.map((e) => toWire(e, userId)) },
  });
  expect(again).toEqual({ accepted: 0, duplicates: queue.items.length, rejected: [] });
  expect(storedBrowserEvents(app.dataDir)).toHaveLength(after.length);
  await expect(pill()).toHaveText('Connected');
});

test('recategorizes the current site from the popup', async () => {
  await alpha.bringToFront();
  await tracking(ALPHA);
  await pass(1_500);
  await popup.bringToFront();
  await expect(popup.getByTestId('current-domain')).toHaveText(ALPHA);

  // A new category, made inline.
  await popup.getByLabel('Category', { exact: true }).selectOption({ label: 'New category…' });
  await popup.getByLabel('Category name').fill('Research');
  await popup.getByLabel('Productivity').selectOption('productive');
  await popup.getByRole('button', { name: 'Add' }).click();
  await expect(popup.getByTestId('productivity')).toHaveText('productive');
  await expect(popup.getByLabel('Category', { exact: true })).toHaveValue('Research');
  const subject = async () => {
    const report = await app.api.report({
      query: {
        from: new Date((await clockNow()) - 3600_000).toISOString(),
        to: new Date((await clockNow()) + 60_000).toISOString(),
        tz: 'UTC',
      },
    });
    return report.subjects.find((s) => s.kind === 'domain' && s.name === ALPHA);
  };
  expect(await subject()).toMatchObject({ category: 'Research', productivity: 'productive' });

  // An existing category, made elsewhere (the dashboard), picked from the list.
  await app.api.createCategory({ body: { name: 'Leisure', productivity: 'unproductive' } });
  await popup.reload();
  await popup.getByLabel('Category', { exact: true }).selectOption({ label: 'Leisure — unproductive' });
  await expect(popup.getByTestId('productivity')).toHaveText('unproductive');
  expect(await subject()).toMatchObject({ category: 'Leisure', productivity: 'unproductive' });
});

test("shows today's goals with their progress, and nothing without goals", async () => {
  await popup.bringToFront();
  await expect(popup.getByLabel('Today')).toBeVisible();
  await expect(popup.getByTestId('goals')).toHaveCount(0);
  // Alpha's few seconds are Leisure now (the test before): under a one-hour limit, short of a research hour.
  const limit = await app.api.createGoal({
    body: { category: 'Leisure', direction: 'at_most', period: 'day', target_ms: 3_600_000 },
  });
  const aim = await app.api.createGoal({
    body: { category: 'Research', direction: 'at_least', period: 'week', target_ms: 3_600_000 },
  });
  await popup.reload();
  const goals = popup.getByTestId('goals').locator('li');
  await expect(goals).toHaveCount(2);
  await expect(goals.nth(0)).toContainText('Leisure ≤ 1h a day');
  await expect(goals.nth(0)).toHaveAttribute('data-state', 'under');
  await expect(goals.nth(0)).toContainText(/left$/);
  await expect(goals.nth(1)).toContainText('Research ≥ 1h a week');
  await expect(goals.nth(1)).toContainText('0m / 1h');
  await expect(goals.nth(1)).toHaveAttribute('data-state', 'short');
  await shot('goals');
  await shot('goals-dark', 'dark');
  await app.api.deleteGoal({ params: { id: limit.id } });
  await app.api.deleteGoal({ params: { id: aim.id } });
  await popup.reload();
  await expect(popup.getByLabel('Today')).toBeVisible();
  await expect(popup.getByTestId('goals')).toHaveCount(0);
});

test("the badge shows today's time on the site in its category's colour, a pause, and resumes", async () => {
  await alpha.bringToFront();
  await expect
    .poll(async () => badge(browser.worker))
    .toMatchObject({ text: '<1m', color: rgba(BADGE_COLORS.unproductive) });
  expect((await badge(browser.worker)).title).toMatch(/alpha\.example\.test: \d+s today \(Leisure\)/);

  const tracker = (await readStorage(browser.worker, 'tracker')) as { session: { domain: string } | null };
  expect(tracker.session?.domain).toBe(ALPHA);

  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Pause 15 min' }).click();
  await expect(pill()).toHaveText('Paused');
  await expect(popup.getByLabel('Pause')).toContainText('Paused until');
  await expect
    .poll(async () => badge(browser.worker))
    .toMatchObject({ text: 'II', color: rgba(BADGE_COLORS.paused) });
  await shot('paused');

  // Nothing is tracked while paused, though the worker sees the switch to alpha and time passes there.
  await alpha.bringToFront();
  await expect
    .poll(async () => ((await readStorage(popup, 'tracker')) as { focus: { domain: string } | null }).focus)
    .toMatchObject({ domain: ALPHA });
  await pass(1_500);
  expect(((await readStorage(browser.worker, 'tracker')) as { session: unknown }).session).toBeNull();
  expect((await badge(browser.worker)).text).toBe('II');

  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Resume' }).click();
  await expect(pill()).toHaveText('Connected');
  await alpha.bringToFront();
  await expect.poll(async () => (await badge(browser.worker)).text).toMatch(/^(<1m|\dm)$/);
  await tracking(ALPHA);
});

test('a service worker stopped mid-session loses nothing: the woken worker closes the session from storage', async () => {
  test.setTimeout(60_000);
  // Everything closed so far is delivered first, so that what arrives below comes from this test: the visit
  // to alpha since the resume, a second long so that it is a session.
  await pass(1_000);
  await popup.bringToFront();
  await sendNow();
  const before = storedBrowserEvents(app.dataDir).length;
  await alpha.bringToFront();
  await tracking(ALPHA);
  const startedMs = await clockNow();
  await pass(2_000);
  await stopServiceWorker(alpha);
  // Time on alpha goes on while no worker runs. Moving the clock wakes the worker (a message from the popup),
  // so it is stopped again: the tab switch is the next event, and it wakes the worker.
  await pass(2_000);
  await stopServiceWorker(alpha);
  await other.bringToFront();
  await tracking(GAMMA);
  const switchedMs = await clockNow();
  await pass(1_000);
  await popup.bringToFront();
  await sendNow();

  const added = storedBrowserEvents(app.dataDir).slice(before);
  const alphaRows = added.filter((r) => r.domain === ALPHA);
  expect(alphaRows.map((r) => r.reason_closed)).toEqual(['tab_switch']);
  const [row] = alphaRows as [BrowserEventRow];
  // The session spans the time the worker was stopped: from before the stop to the switch that woke it.
  expect(row.start_ms).toBeLessThanOrEqual(startedMs);
  expect(row.end_ms).toBeGreaterThanOrEqual(startedMs + 4_000);
  expect(row.end_ms).toBeLessThanOrEqual(switchedMs);
  expect(added.map((r) => r.domain)).toContain(GAMMA); // the tab switched to, closed when the popup came up
});
