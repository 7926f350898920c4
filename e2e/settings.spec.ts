/**
 * The dashboard's Settings card in Debian's Chromium against its own daemon (a few days of demo data, so the
 * card sits at the bottom of the filled page): a site excluded in the card is excluded at once (GET
 * /v1/settings says so and the daemon refuses its events), then removed again; the away threshold changed in
 * the card is what /v1/pairing tells the extension; the port is saved for the next start and the card says a
 * restart is needed. Errors show next to the field and keep what was typed. The card, light and dark, is
 * checked as a user sees it and screenshotted to test-results/screenshots/settings-*.png.
 */
import type { Page } from '@playwright/test';
import type { ApiClient } from '../app/shared/client.ts';
import { postVisit, section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import { collectErrors, expectHeadingsVisible, expectLaidOutAt, expectTheme } from './page-checks.ts';

let app: App & { stop(): Promise<void> };
test.beforeAll(async () => {
  app = await startApp(3);
});
test.afterAll(async () => {
  await app?.stop();
});

/** Posts a 5-minute visit to `domain` that ended a minute ago; resolves to the daemon's answer. */
async function visit(api: ApiClient, domain: string, id: string) {
  const end = new Date(Date.now() - 60_000);
  return postVisit(api, id, domain, new Date(end.getTime() - 5 * 60_000), end);
}

async function openSettings(page: Page) {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  const card = section(page, 'Settings');
  await expect(card.getByRole('heading', { name: 'Excluded sites' })).toBeVisible();
  return card;
}

test('a site excluded in the Settings card is refused at once, and recorded again once removed', async ({
  page,
}) => {
  const card = await openSettings(page);
  const sites = card.getByRole('group', { name: 'Excluded sites' });
  const input = sites.getByRole('textbox', { name: 'Site to exclude' });

  // Not a host name: the API's refusal shows under the field, and what was typed stays.
  await input.fill('bank example');
  await sites.getByRole('button', { name: 'Add' }).click();
  await expect(sites.getByRole('alert')).toHaveText(/"bank example" is not a host name/);
  await expect(input).toHaveValue('bank example');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  expect((await app.api.getSettings({})).excluded_domains).toEqual([]);

  // Typed as the user would, with the keyboard: normalized by the API.
  await input.fill('Bank.Example');
  await input.press('Enter');
  await expect(sites.getByRole('listitem')).toHaveText(['bank.example×']);
  await expect(input).toHaveValue('');
  await expect(
    page.getByRole('status').filter({ hasText: 'bank.example and its subdomains are excluded' }),
  ).toBeVisible();
  expect((await app.api.getSettings({})).excluded_domains).toEqual(['bank.example']);
  const refused = await visit(app.api, 'online.bank.example', 'e2e-settings-1');
  expect(refused.accepted).toBe(0);
  expect(refused.rejected.map((r) => r.code)).toEqual(['excluded']);
  expect((await visit(app.api, 'example.org', 'e2e-settings-2')).accepted).toBe(1);

  await sites.getByRole('button', { name: 'Stop excluding bank.example' }).click();
  await expect(sites.getByRole('listitem')).toHaveCount(0);
  await expect(sites.getByText('None yet: every site is recorded.')).toBeVisible();
  expect((await app.api.getSettings({})).excluded_domains).toEqual([]);
  expect((await visit(app.api, 'online.bank.example', 'e2e-settings-3')).accepted).toBe(1);
});

test('the away threshold set in the card is what /v1/pairing tells the extension', async ({ page }) => {
  const card = await openSettings(page);
  const minutes = card.getByRole('textbox', { name: 'Minutes without input before you count as away' });
  const form = card.getByRole('form', { name: 'Away threshold' });
  await expect(minutes).toHaveValue('3');
  expect((await app.api.pairing({})).idle_seconds).toBe(180);

  await minutes.fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(/at least 1/);
  await expect(minutes).toHaveValue('0');
  expect((await app.api.pairing({})).idle_seconds).toBe(180);

  await minutes.fill('7');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await app.api.pairing({})).idle_seconds).toBe(420);
  expect((await app.api.getSettings({})).idle_minutes).toBe(7);
  // After a reload the card shows the saved value.
  const again = await openSettings(page);
  await expect(
    again.getByRole('textbox', { name: 'Minutes without input before you count as away' }),
  ).toHaveValue('7');
});

test('a new port is saved for the next start, the card says where the running one comes from, and a restart is needed until the saved one runs', async ({
  page,
}) => {
  const card = await openSettings(page);
  const form = card.getByRole('form', { name: 'Sampling and port' });
  const port = form.getByRole('textbox', { name: 'Port of the local API' });
  const saved = (await app.api.getSettings({})).port;
  const running = Number(new URL(app.url).port);
  // The daemon runs on --port 0 (a free port): not the saved one, which a start without --port would use.
  await expect(form.getByTestId('port-in-force')).toHaveText(
    `Running now: port ${running}, from the --port flag. Started without --port, Time Audit uses port ${saved}.`,
  );
  expect((await app.api.getSettings({})).restart_needed).toEqual(['port']);

  await port.fill(String(saved + 1));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText(
    new RegExp(`Restart Time Audit to use port ${saved + 1}`),
  );
  expect(await app.api.getSettings({})).toMatchObject({ port: saved + 1, restart_needed: ['port'] });
  // The API still answers where it runs.
  expect((await app.api.health({})).ok).toBe(true);

  // Saving the port that runs: nothing waits for a restart.
  await port.fill(String(running));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveCount(0);
  await expect(form.getByTestId('port-in-force')).toHaveText(
    `Running now: port ${running}, from the --port flag.`,
  );
  expect((await app.api.getSettings({})).restart_needed).toEqual([]);
});

test('the Settings card, filled, light and dark, at 1280 and 900 px: without errors, in the theme asked for, within the window and the card (screenshots)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await app.api.updateSettings({
    body: { excluded_apps: ['KeePassXC', '1Password'], excluded_domains: ['bank.example', 'health.example'] },
  });
  await app.api.updateSettings({ body: { poll_interval_ms: 2000 } });
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme });
      const card = await openSettings(page);
      const excluded = card.getByRole('group', { name: /^Excluded / }).getByRole('listitem');
      await expect(excluded).toHaveText(['KeePassXC×', '1Password×', 'bank.example×', 'health.example×']);
      await expectTheme(page, colorScheme);
      await expectHeadingsVisible(page, ['Settings']);
      for (const name of ['Never recorded', 'Excluded sites', 'Excluded apps', 'Tracking']) {
        await expect(card.getByRole('heading', { name, exact: true })).toBeVisible();
      }
      await expectLaidOutAt(page, 1280, card);
      await card.getByRole('textbox', { name: 'Site to exclude' }).focus();
      await card.screenshot({ path: `${SHOTS}/settings-${colorScheme}.png` });
      await expectLaidOutAt(page, 900, card);
    }
  } finally {
    await app.api.updateSettings({
      body: { excluded_apps: [], excluded_domains: [], poll_interval_ms: 1000, idle_minutes: 3 },
    });
  }
  expect(errors).toEqual([]);
});
