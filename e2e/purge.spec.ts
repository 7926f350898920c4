/**
 * Deleting recorded data from the dashboard, in Debian's Chromium against its own daemon (3 days of demo data):
 * a site's row in Top activities, the exclusion of an app in the Settings card ("also delete its past time?"),
 * and a range in the Data card. Each asks first with the app's own numbers (name and time), deletes nothing on
 * Cancel, and once confirmed says what happened while every view follows. The dialog and the Data card, light
 * and dark, at 1280 and 390 px, go to test-results/screenshots/purge-*.png.
 */
import type { Page } from '@playwright/test';
import { formatDuration } from '../app/shared/format.ts';
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, TZ, type App } from './fixtures.ts';
import { collectErrors, elementsOutsideTheirCard, expectTheme } from './page-checks.ts';

let app: App & { stop(): Promise<void> };
test.beforeAll(async () => {
  app = await startApp(3);
});
test.afterAll(async () => {
  await app?.stop();
});

/** Everything recorded: the demo's days and then some. */
const all = () =>
  app.api.report({
    query: {
      from: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      to: new Date().toISOString(),
      tz: TZ,
    },
  });
const timeOf = async (kind: string, name: string) =>
  (await all()).subjects.find((s) => s.kind === kind && s.name === name)?.ms ?? 0;

async function open(page: Page) {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page.getByTestId('total-time')).not.toHaveText(/^(0m)?$/);
}

test('the dialog and the Data card, light and dark, at 1280 and 390 px (screenshots)', async ({ page }) => {
  const errors = collectErrors(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await open(page);
      await expectTheme(page, colorScheme);
      const card = section(page, 'Your data');
      // The card itself fits (the rest of the page is not laid out for phones yet: its charts overflow at 390).
      await expect.poll(() => elementsOutsideTheirCard(card)).toEqual([]);
      expect((await card.boundingBox())!.width).toBeLessThanOrEqual(width);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: `${SHOTS}/purge-card-${colorScheme}-${width}.png` });
      await card.getByRole('button', { name: 'Delete everything…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete everything recorded?' });
      await expect(dialog.locator('.purge-time')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/purge-dialog-${colorScheme}-${width}.png` });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
  }
  expect((await all()).total_ms).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a site deleted from its row: asked with its time, kept on Cancel, gone once confirmed', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const site = (await all()).subjects.find((s) => s.kind === 'domain')!;
  const preview = await app.api.previewPurge({ query: { domain: site.name } });
  await open(page);
  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Domains' }).click();
  const row = top.locator(`tr[data-subject="domain:${site.name}"]`);
  await row.getByRole('button', { name: `Delete the recorded time of ${site.name}…` }).click();

  const dialog = page.getByRole('dialog', { name: `Delete ${site.name} and its subdomains?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.purge-time')).toHaveText(
    `${formatDuration(preview.tracked_ms)} of tracked time`,
  );
  await expect(dialog).toContainText(`${preview.browser_events} browser event`);
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await timeOf('domain', site.name)).toBe(site.ms);

  await row.getByRole('button', { name: `Delete the recorded time of ${site.name}…` }).click();
  await dialog
    .getByRole('button', {
      name: `Delete ${formatDuration(preview.tracked_ms)} of ${site.name} and its subdomains`,
    })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: `Deleted ${site.name} and its subdomains:` }),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(0);
  expect(await timeOf('domain', site.name)).toBe(0);
  expect(errors).toEqual([]);
});

test('an app excluded in Settings: "also delete its past time?" deletes it after the confirmation', async ({
  page,
}) => {
  const appName = (await all()).subjects.find((s) => s.kind === 'app' && !s.name.includes(' — '))!.name;
  await open(page);
  const card = section(page, 'Settings');
  const apps = card.getByRole('group', { name: 'Excluded apps' });
  await apps.getByRole('textbox', { name: 'App to exclude' }).fill(appName);
  await apps.getByRole('button', { name: 'Add' }).click();
  await expect(apps.getByText(`Also delete the time already recorded of ${appName}?`)).toBeVisible();
  await apps.getByRole('button', { name: 'Delete its past time…' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the app ${appName}?` });
  await dialog.getByRole('button', { name: /^Delete .* of the app / }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted the app ${appName}:` })).toBeVisible();
  expect(await timeOf('app', appName)).toBe(0);
  await app.api.updateSettings({ body: { excluded_apps: [] } });
});

test('a range deleted from the Data card leaves nothing counted in it', async ({ page }) => {
  await open(page);
  const card = section(page, 'Your data');
  const form = card.getByRole('form', { name: 'Delete a range' });
  // The first local day of the demo with tracked time, on the browser's clock (the demo's zone).
  const week = await app.api.report({
    query: {
      from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      to: new Date().toISOString(),
      tz: TZ,
    },
  });
  const day = week.trend.find((d) => d.total_ms > 0)!.date;
  await form.getByLabel('From').fill(`${day}T00:00`);
  await form.getByLabel('to').fill(`${day}T23:59`);
  const instant = (local: string) => page.evaluate((t) => new Date(t).toISOString(), local);
  const from = await instant(`${day}T00:00`);
  const to = await instant(`${day}T23:59`);
  const before = await app.api.report({ query: { from, to, tz: TZ } });
  await form.getByRole('button', { name: 'Delete this range…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.purge-time')).toHaveText(
    `${formatDuration(before.total_ms)} of tracked time`,
  );
  await dialog.getByRole('button', { name: /^Delete .* of everything recorded from / }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted everything recorded from' }),
  ).toBeVisible();
  expect((await app.api.report({ query: { from, to, tz: TZ } })).total_ms).toBe(0);
});
