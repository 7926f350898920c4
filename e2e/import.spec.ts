/**
 * The import form of the Data card in Debian's Chromium against its own daemon on an empty data folder: an
 * ActivityWatch export picked in the form is imported (the summary says so, the dashboard fills with AW's
 * totals), a second import adds nothing, a file cut short stores nothing and the error says where it ends. The
 * card, light and dark, at 1280 and 390 px, is screenshotted to test-results/screenshots/import-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { awTotals, generateAwExport } from '../app/db/import/activitywatch.testing.ts';
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import { collectErrors, elementsOutsideTheirCard, expectLaidOutAt, expectTheme } from './page-checks.ts';

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
// Two whole days ending yesterday at 01:15 UTC at the latest: nothing in the future.
const exported = generateAwExport({ seed: 3, startMs: today - 3 * DAY, days: 2 });
const aw = awTotals(exported);

let app: App & { stop(): Promise<void> };
let dir: string;
let file: string;
let cut: string;
test.beforeAll(async () => {
  app = await startApp(0);
  dir = mkdtempSync(path.join(tmpdir(), 'ta-e2e-import-'));
  file = path.join(dir, 'aw-buckets-export.json');
  cut = path.join(dir, 'aw-cut.json');
  const text = JSON.stringify(exported);
  writeFileSync(file, text);
  writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
});
test.afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const total = async () =>
  (
    await app.api.report({
      query: {
        from: new Date(today - 4 * DAY).toISOString(),
        to: new Date(today + DAY).toISOString(),
        tz: 'UTC',
      },
    })
  ).total_ms;

async function importFile(page: Page, which: string) {
  const card = section(page, 'Your data');
  await card.getByLabel('Import from').selectOption('activitywatch');
  await card.getByLabel('File').setInputFiles(which);
  await card.getByRole('button', { name: 'Import' }).click();
  return card;
}

test('an ActivityWatch export picked in the Data card is imported once, and a broken one not at all', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(app.dashboard);

  const broken = await importFile(page, cut);
  await expect(broken.getByRole('alert')).toHaveText(
    /^Nothing was imported\. The file ends early, at byte \d+/,
  );
  expect(await total()).toBe(0);

  let card = await importFile(page, file);
  await expect(card.getByRole('status').filter({ hasText: 'new events' })).toContainText(
    /[1-9][\d,]* new events imported/,
  );
  expect(await total()).toBe(aw.total);
  // The dashboard fills (the empty page gives way to the report) and the summary stays.
  card = section(page, 'Your data');
  await expect(card.getByText('aw-watcher-input_laptop')).toBeVisible();
  await expect(card.getByText(/skipped: bucket type "os.hid.input" is not imported/)).toBeVisible();

  card = await importFile(page, file);
  await expect(card.getByRole('status').filter({ hasText: 'new events' })).toContainText(
    /^0 new events imported/,
  );
  expect(await total()).toBe(aw.total);
  // The broken file's answer, and nothing else.
  expect(errors).toEqual([
    'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
  ]);
});

test('the Data card, light and dark, at 1280 and 390 px (screenshots)', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.goto('about:blank');
    await page.goto(app.dashboard);
    const card = await importFile(page, file);
    await expect(card.getByRole('status').filter({ hasText: 'new events' })).toBeVisible();
    await expectTheme(page, colorScheme);
    await expectLaidOutAt(page, 1280, card);
    await card.screenshot({ path: `${SHOTS}/import-${colorScheme}-1280.png` });
    // The dashboard as a whole is not laid out for phones yet (its header and tables are wider than 390 px);
    // the Data card itself is: nothing in it sticks out.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => elementsOutsideTheirCard(card)).toEqual([]);
    await card.screenshot({ path: `${SHOTS}/import-${colorScheme}-390.png` });
  }
});
