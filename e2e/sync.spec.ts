/**
 * The dashboard's Team sync card in Debian's Chromium against its own daemon and a real S3 protocol server
 * (s3rver on a loopback port, in the test's process): off by default with "Sync now" unavailable; set up in the
 * card, a click on "Sync now" puts the days in the bucket and the card says how many; a store that cannot be
 * reached shows its error. The card, light and dark, at 1280 and 390 px, is checked as a user sees it and
 * screenshotted to test-results/screenshots/sync-*.png.
 */
import type { Page } from '@playwright/test';
import { TestS3, TEST_BUCKET } from '../app/sync/s3rver.testing.ts';
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import { collectErrors, elementsOutsideTheirCard, expectLaidOutAt, expectTheme } from './page-checks.ts';

let app: App & { stop(): Promise<void> };
let s3: TestS3;
test.beforeAll(async () => {
  s3 = new TestS3();
  await s3.start();
  // The daemon takes its credentials from the AWS chain: here, its environment.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  app = await startApp(3);
});
test.afterAll(async () => {
  await app?.stop();
  await s3?.close();
});

async function openCard(page: Page) {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  const card = section(page, 'Team sync');
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeVisible();
  return card;
}

test('set up in the card, "Sync now" puts the days in the bucket; an unreachable store shows its error', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const card = await openCard(page);
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await expect(card.getByText('Turn sync on and name a bucket first.')).toBeVisible();

  await card.getByRole('checkbox', { name: /Sync to the team's bucket/ }).check();
  await card.getByRole('textbox', { name: 'Bucket' }).fill('Bad Bucket');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('alert')).toContainText('bucket name');
  await expect(card.getByRole('textbox', { name: 'Bucket' })).toHaveAttribute('aria-invalid', 'true');

  await card.getByRole('textbox', { name: 'Bucket' }).fill(TEST_BUCKET);
  await card.getByRole('textbox', { name: 'Prefix' }).fill('e2e');
  await card.getByRole('textbox', { name: /Endpoint/ }).fill(s3.endpoint);
  await card.getByRole('textbox', { name: /Display name/ }).fill('Ada');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Team sync settings saved: sync is on')).toBeVisible();
  expect((await app.api.getSync({})).settings).toMatchObject({
    enabled: true,
    bucket: TEST_BUCKET,
    prefix: 'e2e',
  });

  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/Synced: \d+ days? uploaded/)).toBeVisible({ timeout: 30_000 });
  const status = await app.api.getSync({});
  expect(status.last).toMatchObject({ ok: true });
  expect(status.days_synced).toBeGreaterThan(0);
  const dayObjects = (await s3.list('e2e/sessions/user_id=')).length;
  expect(dayObjects).toBe(status.days_synced);
  await expect(card.getByRole('definition').nth(1)).toHaveText(String(status.days_synced));

  await card.getByRole('textbox', { name: /Endpoint/ }).fill('http://127.0.0.1:9');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card.getByRole('alert')).toContainText(/The last sync failed .*ECONNREFUSED/, {
    timeout: 40_000,
  });
  // What was synced stays counted.
  await expect(card.getByRole('definition').nth(1)).toHaveText(String(status.days_synced));
  // The refused bucket name is the one failed request (the browser logs its 400).
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});

test('the Team sync card, light and dark, at 1280 and 390 px: in the theme asked for, within the window and the card (screenshots)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    const card = await openCard(page);
    await expectTheme(page, colorScheme);
    for (const name of ['Where', 'Last sync'])
      await expect(card.getByRole('heading', { name, exact: true })).toBeVisible();
    await expectLaidOutAt(page, 1280, card);
    await card.screenshot({ path: `${SHOTS}/sync-${colorScheme}-1280.png` });
    await expectLaidOutAt(page, 900, card);
    // At a phone's width the card itself fits: nothing sticks out of it and it does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => elementsOutsideTheirCard(card)).toEqual([]);
    await expect.poll(() => card.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect((await card.boundingBox())!.width).toBeLessThanOrEqual(390);
    await card.screenshot({ path: `${SHOTS}/sync-${colorScheme}-390.png` });
  }
  expect(errors).toEqual([]);
});
