/**
 * The dashboard's "Your data" card in Debian's Chromium against its own daemon (a few days of demo data): the
 * export is fetched with the token and saved by the browser under the app's file name; the sessions in the
 * file add up to the report of the range the dashboard shows; raw events offer only their own formats. The
 * card, light and dark, at 1280 and 390 px, is checked as a user sees it and screenshotted to
 * test-results/screenshots/data-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, type App } from './fixtures.ts';
import {
  collectErrors,
  elementsOutsideTheirCard,
  expectHeadingsVisible,
  expectLaidOutAt,
  expectTheme,
} from './page-checks.ts';

let app: App & { stop(): Promise<void> };
test.beforeAll(async () => {
  app = await startApp(3);
});
test.afterAll(async () => {
  await app?.stop();
});

async function openData(page: Page) {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  const card = section(page, 'Your data');
  await expect(card.getByRole('button', { name: 'Download' })).toBeVisible();
  return card;
}

test('the Data card downloads the sessions of the range shown, adding up to its report', async ({ page }) => {
  const errors = collectErrors(page);
  const card = await openData(page);
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === '/v1/export');
  const downloaded = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download' }).click();
  const query = new URL((await asked).url()).searchParams;
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^timeaudit-sessions-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
  await expect(card.getByRole('status')).toHaveText(`Saved as ${download.suggestedFilename()}`);

  const [header, ...rows] = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(header?.split(',')[8]).toBe('duration_ms');
  const report = await app.api.report({
    query: { from: query.get('from')!, to: query.get('to')!, tz: query.get('tz')! },
  });
  expect(query.get('tz')).toBe('Europe/Berlin');
  expect(report.total_ms).toBeGreaterThan(0);
  // Demo names and no titles hold no commas: the duration is the ninth field.
  expect(rows.reduce((sum, row) => sum + Number(row.split(',')[8]), 0)).toBe(report.total_ms);
  expect(errors).toEqual([]);
});

test('raw events come as NDJSON or JSON only, titles when ticked', async ({ page }) => {
  const card = await openData(page);
  const format = card.getByRole('combobox', { name: 'Format' });
  await format.selectOption('parquet');
  await card
    .getByRole('group', { name: 'What to export' })
    .getByRole('button', { name: 'Raw events' })
    .click();
  await expect(format).toHaveValue('ndjson');
  await expect(format.getByRole('option')).toHaveText(['JSON', 'NDJSON']);
  await card.getByRole('checkbox', { name: 'Include window titles' }).check();
  const downloaded = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^timeaudit-events-.*\.ndjson$/);
  const events = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { source: string; title?: string });
  const windows = events.filter((e) => e.source === 'window');
  expect(windows.length).toBeGreaterThan(0);
  expect(windows.some((e) => e.title !== '')).toBe(true);
});

test('the Data card, light and dark, at 1280 and 390 px: without errors, in the theme asked for, within the window and the card (screenshots)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      const card = await openData(page);
      await expectTheme(page, colorScheme);
      await card.scrollIntoViewIfNeeded();
      await expectHeadingsVisible(page, ['Your data']);
      if (width === 1280) await expectLaidOutAt(page, width, card);
      else {
        // At phone width another card's table already makes the page scroll sideways (not this card's doing):
        // here the card itself fits the window and nothing sticks out of it.
        const box = (await card.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await expect.poll(() => elementsOutsideTheirCard(card)).toEqual([]);
      }
      await card.screenshot({ path: `${SHOTS}/data-${colorScheme}-${width}.png` });
    }
  }
  expect(errors).toEqual([]);
});
