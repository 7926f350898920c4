/**
 * Encryption at rest from the dashboard's Settings card, in Debian's Chromium against its own daemon (a few
 * days of demo data; the key goes to a key file in a temporary config folder): Encrypt asks for the warning to
 * be acknowledged, the daemon converts while it runs, the recovery key is shown once with Copy and "I have
 * saved it", the database file is encrypted on disk and the dashboard's figures are unchanged; Decrypt asks
 * first and gives back a plain file. The group is screenshotted at 1280 and 390 px, light and dark, to
 * test-results/screenshots/encryption-*.png.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { collectErrors, elementsOutsideTheirCard, expectTheme } from './page-checks.ts';

let app: App & { stop(): Promise<void> };
let config: string;
const saved = { store: process.env.TIMEAUDIT_KEY_STORE, config: process.env.XDG_CONFIG_HOME };
test.beforeAll(async () => {
  config = mkdtempSync(path.join(tmpdir(), 'timeaudit-e2e-keys-'));
  // The daemon inherits these: its key goes to a key file under `config`, never to the machine's keychain.
  process.env.TIMEAUDIT_KEY_STORE = 'file';
  process.env.XDG_CONFIG_HOME = config;
  app = await startApp(3);
});
test.afterAll(async () => {
  await app?.stop();
  rmSync(config, { recursive: true, force: true });
  for (const [name, value] of [
    ['TIMEAUDIT_KEY_STORE', saved.store],
    ['XDG_CONFIG_HOME', saved.config],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

/**
 * At `width`, the group fits the window and nothing of the Settings card sticks out of it. (The page as a whole
 * is not checked at 390 px here: the dashboard's narrow layout is its own work.)
 */
async function expectWithin(page: Page, group: Locator, width: number) {
  await page.setViewportSize({ width, height: 800 });
  await expect
    .poll(async () => {
      const box = await group.boundingBox();
      return box ? box.x >= 0 && box.x + box.width <= width : false;
    })
    .toBe(true);
  await expect.poll(() => elementsOutsideTheirCard(section(page, 'Settings'))).toEqual([]);
}

const header = () =>
  readFileSync(path.join(app.dataDir, 'timeaudit.sqlite')).subarray(0, 16).toString('latin1');

test('Encrypt and Decrypt from the Settings card, with the warning, the recovery key once, and a confirmation', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  const before = JSON.stringify(
    await app.api.report({ query: { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', tz: 'UTC' } }),
  );
  await page.goto(app.dashboard);
  const group = section(page, 'Settings').getByLabel('Encryption', { exact: true });
  await expect(group.getByRole('status')).toContainText('Not encrypted');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectTheme(page, colorScheme);
    for (const width of [1280, 390]) {
      await expectWithin(page, group, width);
      await group.screenshot({ path: `${SHOTS}/encryption-plain-${colorScheme}-${width}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await group.getByRole('button', { name: 'Encrypt…' }).click();
  await expect(group).toContainText('Without it the data cannot be read');
  const encryptNow = group.getByRole('button', { name: 'Encrypt now' });
  await expect(encryptNow).toBeDisabled();
  // Cancel changes nothing.
  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect(encryptNow).toHaveCount(0);
  expect(header()).toBe('SQLite format 3\0');

  await group.getByRole('button', { name: 'Encrypt…' }).click();
  await group.getByLabel(/I understand/).check();
  await encryptNow.click();
  const recovery = group.getByRole('group', { name: 'Recovery key' });
  await expect(recovery).toBeVisible();
  const key = (await recovery.locator('code.encryption-key').textContent()) ?? '';
  expect(key).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
  await expect(group.getByRole('status')).toContainText('Encrypted');
  await expect(group.getByRole('status')).toContainText('the key file');
  // No other action while the key is on screen and not yet saved.
  await expect(group.getByRole('button', { name: 'Decrypt…' })).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 390]) {
      await expectWithin(page, group, width);
      await group.screenshot({ path: `${SHOTS}/encryption-recovery-${colorScheme}-${width}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await recovery.getByRole('button', { name: 'Copy' }).click();
  await expect(recovery.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(
    await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    ),
  ).toBe(key);

  // On disk: encrypted, with the key in the key file, which holds the same recovery key.
  expect(header()).not.toBe('SQLite format 3\0');
  const keyDir = path.join(config, 'timeaudit', 'keys');
  const files = readdirSync(keyDir);
  expect(files).toHaveLength(1);
  expect(readFileSync(path.join(keyDir, files[0] as string), 'utf8').trim()).toBe(key);
  expect(
    JSON.stringify(
      await app.api.report({
        query: { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', tz: 'UTC' },
      }),
    ),
  ).toBe(before);

  await recovery.getByLabel('I have saved it').click();
  await expect(recovery).toHaveCount(0);
  await group.getByRole('button', { name: 'Decrypt…' }).click();
  await expect(group).toContainText('anyone who can read your files can read your activity');
  await group.getByRole('button', { name: 'Decrypt now' }).click();
  await expect(group.getByRole('status')).toContainText('Not encrypted');
  expect(header()).toBe('SQLite format 3\0');
  expect(errors).toEqual([]);
});
