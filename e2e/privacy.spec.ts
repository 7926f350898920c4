/**
 * The Settings card's Privacy group in Debian's Chromium against its own daemon (40 days of demo data):
 * retention days say what saving would remove (the numbers of POST /v1/retention/preview) and ask before
 * saving; cancelling saves nothing; confirming saves, and the daemon's job then removes it. Bad days and a
 * pattern RE2 cannot run are refused next to the field. The group is screenshotted light and dark at 1280 and
 * 390 px (test-results/screenshots/privacy-*.png).
 */
import type { Page } from '@playwright/test';
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import { collectErrors, elementsOutsideTheirCard, expectLaidOutAt, expectTheme } from './page-checks.ts';

let app: App & { stop(): Promise<void> };
test.beforeAll(async () => {
  app = await startApp(40);
});
test.afterAll(async () => {
  await app?.stop();
});

async function openPrivacy(page: Page) {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  const card = section(page, 'Settings');
  await expect(card.getByRole('heading', { name: 'Privacy', exact: true })).toBeVisible();
  return card;
}

test('retention says what saving removes, asks, and the daemon removes it once saved', async ({ page }) => {
  const errors = collectErrors(page);
  const card = await openPrivacy(page);
  const form = card.getByRole('form', { name: 'Retention' });
  const events = form.getByRole('textbox', { name: 'Days of everything recorded kept' });
  const titles = form.getByRole('textbox', { name: 'Days of window titles kept' });
  await expect(events).toHaveValue('');

  await events.fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(/whole number of days from 1 to 3650/);
  await expect(events).toHaveAttribute('aria-invalid', 'true');

  await events.fill('20');
  await titles.fill('7');
  await form.getByRole('button', { name: 'Save' }).click();
  const expected = await app.api.previewRetention({ body: { keep_titles_days: 7, keep_events_days: 20 } });
  expect(expected.events).toBeGreaterThan(0);
  expect(expected.titles).toBeGreaterThan(0);
  const ask = form.getByRole('alertdialog', { name: 'Confirm retention' });
  await expect(ask).toContainText(`Saving will blank ${expected.titles} window titles before`);
  await expect(ask).toContainText(`delete ${expected.events} events`);
  await expect(ask).toContainText('This cannot be undone.');

  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  expect((await app.api.getSettings({})).keep_events_days).toBeNull();
  expect(
    (await app.api.previewRetention({ body: { keep_titles_days: 7, keep_events_days: 20 } })).events,
  ).toBe(expected.events);

  await form.getByRole('button', { name: 'Save' }).click();
  await ask.getByRole('button', { name: 'Save and remove' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Retention saved' })).toBeVisible();
  const saved = await app.api.getSettings({});
  expect([saved.keep_titles_days, saved.keep_events_days]).toEqual([7, 20]);
  // The daemon runs retention when the setting changes: soon nothing is left to remove.
  await expect
    .poll(async () => {
      const left = await app.api.previewRetention({ body: { keep_titles_days: 7, keep_events_days: 20 } });
      return [left.events, left.titles];
    })
    .toEqual([0, 0]);
  // Saved values that remove nothing more save without asking.
  await titles.fill('6');
  await events.fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(ask).toBeVisible(); // one more day of titles goes
  await ask.getByRole('button', { name: 'Save and remove' }).click();
  await expect.poll(async () => (await app.api.getSettings({})).keep_events_days).toBeNull();
  expect(errors).toEqual([]);
});

test('redaction lists: defaults shown, a bad pattern refused in place, a good one saved', async ({
  page,
}) => {
  const card = await openPrivacy(page);
  const apps = card.getByRole('group', { name: 'Apps whose titles are never stored' });
  await expect(apps.getByRole('listitem')).toHaveText(['KeePassXC×', '1Password×', 'Bitwarden×']);
  const markers = card.getByRole('group', { name: 'Private windows' });
  await expect(markers.getByRole('listitem')).toHaveText(['Private Browsing×', 'Incognito×']);
  const patterns = card.getByRole('group', { name: 'Your patterns' });
  const input = patterns.getByRole('textbox', { name: 'Your patterns' });
  await input.fill('(a)\\1');
  await patterns.getByRole('button', { name: 'Add' }).click();
  await expect(patterns.getByRole('alert')).toHaveText(/backreferences/);
  await expect(input).toHaveValue('(a)\\1');
  await input.fill('ACME-[0-9]+');
  await input.press('Enter');
  await expect(patterns.getByRole('listitem')).toHaveText(['ACME-[0-9]+×']);
  expect((await app.api.getSettings({})).redact_patterns).toEqual(['ACME-[0-9]+']);
  const emails = card.getByRole('checkbox', { name: /E-mail addresses/ });
  await expect(emails).toBeChecked();
  // The box follows the saved setting: it changes once the app has saved it.
  await emails.click();
  await expect(emails).not.toBeChecked();
  expect((await app.api.getSettings({})).redact_emails).toBe(false);
  await emails.click();
  await expect(emails).toBeChecked();
  expect((await app.api.getSettings({})).redact_emails).toBe(true);
});

test('the Privacy group, light and dark, at 1280 and 390 px, asking (screenshots)', async ({ page }) => {
  const errors = collectErrors(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      const card = await openPrivacy(page);
      await expectTheme(page, colorScheme);
      const form = card.getByRole('form', { name: 'Retention' });
      await form.getByRole('textbox', { name: 'Days of window titles kept' }).fill('2');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(form.getByRole('alertdialog')).toBeVisible();
      // At 390 px the report tables of other cards still scroll sideways: here only this card is checked.
      if (width === 1280) await expectLaidOutAt(page, width, card);
      else await expect.poll(() => elementsOutsideTheirCard(card)).toEqual([]);
      const group = card.locator('.settings-group', { has: page.getByRole('heading', { name: 'Privacy' }) });
      const retention = card.locator('.settings-group', {
        has: page.getByRole('heading', { name: 'Retention' }),
      });
      // Clipped from the whole page, so that the sticky header does not cover the group's top.
      await page.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
      );
      const box = await group.boundingBox();
      const below = await retention.boundingBox();
      const scrollY = 0;
      if (!box || !below) throw new Error('the Privacy and Retention groups have no box');
      await page.screenshot({
        path: `${SHOTS}/privacy-${colorScheme}-${width}.png`,
        fullPage: true,
        clip: {
          x: 0,
          y: box.y + scrollY - 8,
          width,
          height: Math.max(box.y + box.height, below.y + below.height) - box.y + 16,
        },
      });
    }
  }
  expect(errors).toEqual([]);
});
