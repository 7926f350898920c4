/**
 * The dashboard in Debian's Chromium against a real daemon holding 60 days of demo data: every view shows what
 * the report API says (score, pulse and trend included), an inline recategorization changes every view at once
 * without a reload and survives one. Each view, light and dark, at 1280 and 900 px, shows without errors, in
 * the theme asked for, with its charts drawn and nothing wider than the window or its card; screenshots of it
 * (the planning sections as a new user sees them) are written to test-results/screenshots — first, while the
 * demo data is as `timeaudit demo` wrote it. The planning sections filled in are in planning.spec.ts.
 */
import type { Page } from '@playwright/test';
import { formatDuration } from '../app/shared/format.ts';
import type { Report } from '../app/shared/report.ts';
import { PRODUCTIVITY_KEYS } from '../app/shared/report.ts';
import { expectSameDocument, markDocument, openLast30Days, section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, TZ } from './fixtures.ts';
import {
  collectErrors,
  expectChartsDrawn,
  expectHeadingsVisible,
  expectLaidOutAt,
  expectTheme,
} from './page-checks.ts';

const SECTIONS = [
  'Total allocation',
  'Time of day',
  'Goals',
  'Score trend',
  'Day of week',
  'Top activities',
  'Top shrinkage',
  'Timeline',
  'Log time',
  'Suggestions',
  'Rules',
];
/** The cards that show a chart. */
const CHARTS = ['Total allocation', 'Time of day', 'Score trend', 'Day of week'];

async function expectTotals(page: Page, report: Report): Promise<void> {
  await expect(page.getByTestId('total-time')).toHaveText(formatDuration(report.total_ms));
  for (const p of PRODUCTIVITY_KEYS) {
    await expect(page.getByTestId(`prod-${p}`)).toHaveText(formatDuration(report.by_productivity[p]));
  }
  const doughnut = section(page, 'Total allocation').getByRole('img');
  await expect(doughnut).toHaveAttribute(
    'aria-label',
    new RegExp(`Unproductive ${formatDuration(report.by_productivity.unproductive)}`),
  );
}

test('each view, light and dark, at 1280 and 900 px: drawn without errors, in the theme asked for, within the window and its cards (screenshots)', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    await openLast30Days(page, app.dashboard);
    await expectChartsDrawn(page, CHARTS);
    await expectTheme(page, colorScheme);
    await expectHeadingsVisible(page, SECTIONS);
    await expectLaidOutAt(page, 1280);
    await page.evaluate('window.scrollTo(0, 0)'); // keep the sticky header at the top of the picture
    await page.screenshot({ path: `${SHOTS}/dashboard-${colorScheme}.png`, fullPage: true });
    for (const heading of SECTIONS) {
      const slug = heading.toLowerCase().replaceAll(' ', '-');
      await section(page, heading).screenshot({ path: `${SHOTS}/${slug}-${colorScheme}.png` });
    }
    await expectLaidOutAt(page, 900);
    await expectChartsDrawn(page, CHARTS);
    await expectHeadingsVisible(page, SECTIONS);
  }
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/dashboard-900px.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('seeded data appears in every view, with the totals of the report API', async ({ page, app }) => {
  const range = await openLast30Days(page, app.dashboard);
  const report = await app.api.report({ query: { ...range, tz: TZ } });
  expect(report.total_ms).toBeGreaterThan(0);
  await expectTotals(page, report);

  for (const heading of ['Time of day', 'Day of week']) {
    await expect(section(page, heading).getByRole('img').first()).toHaveAttribute('aria-label', /\d/);
  }
  expect(report.score).not.toBeNull();
  await expect(page.getByTestId('score')).toContainText(`${report.score}%`);
  await expect(page.getByTestId('pulse')).toContainText(String(report.pulse));
  await expect(section(page, 'Score trend').getByRole('img')).toHaveAttribute(
    'aria-label',
    /^Score per day: /,
  );

  const top = section(page, 'Top activities');
  const firstOf = (kind: 'domain' | 'app') => report.subjects.find((s) => s.kind === kind)!;
  for (const [tab, kind] of [
    ['Domains', 'domain'],
    ['Apps', 'app'],
  ] as const) {
    await top.getByRole('tab', { name: tab }).click();
    const first = firstOf(kind);
    const row = top.locator('tr[data-subject]').first();
    await expect(row).toHaveAttribute('data-subject', `${kind}:${first.name}`);
    await expect(row).toContainText(formatDuration(first.ms));
  }
  await top.getByRole('tab', { name: 'Categories' }).click();
  const firstCategory = report.categories.find((c) => c.name !== null)!;
  await expect(top.locator('tr[data-category]').first()).toContainText(firstCategory.name!);

  const shrinkage = section(page, 'Top shrinkage');
  await expect(shrinkage.locator('tr[data-subject]').first()).toHaveAttribute(
    'data-subject',
    `${report.shrinkage[0]!.kind}:${report.shrinkage[0]!.name}`,
  );
  await expect(section(page, 'Timeline')).toContainText(/\d{2}:\d{2}/);
});

test('an inline recategorization updates every view at once, without a reload, and persists', async ({
  page,
  app,
}) => {
  const range = await openLast30Days(page, app.dashboard);
  const query = { ...range, tz: TZ };
  const before = await app.api.report({ query });
  const categories = await app.api.listCategories({});
  const unproductive = categories.find((c) => c.productivity === 'unproductive')!;
  const target = before.subjects.find((s) => s.kind === 'domain' && s.productivity === 'productive')!;
  expect(before.shrinkage.some((s) => s.name === target.name)).toBe(false);

  await markDocument(page);
  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Domains' }).click();
  await top
    .getByLabel(`Category of ${target.name}`, { exact: true })
    .selectOption({ label: unproductive.name });

  const shrinkageRow = section(page, 'Top shrinkage').locator(`tr[data-subject="domain:${target.name}"]`);
  await expect(shrinkageRow).toBeVisible();
  const after = await app.api.report({ query });
  expect(after.by_productivity.unproductive).toBe(before.by_productivity.unproductive + target.ms);
  await expectTotals(page, after);
  await expectSameDocument(page);

  await page.reload();
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(
    section(page, 'Top shrinkage').locator(`tr[data-subject="domain:${target.name}"]`),
  ).toBeVisible();
  await section(page, 'Top activities').getByRole('tab', { name: 'Domains' }).click();
  await expect(
    section(page, 'Top activities')
      .getByLabel(`Category of ${target.name}`, { exact: true })
      .locator('option:checked'),
  ).toHaveText(unproductive.name);
  await expectTotals(page, after);
});

test('a category’s productivity can be switched inline', async ({ page, app }) => {
  const range = await openLast30Days(page, app.dashboard);
  const query = { ...range, tz: TZ };
  const before = await app.api.report({ query });
  const neutral = before.categories.find((c) => c.productivity === 'neutral' && c.name !== null)!;
  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Categories' }).click();
  await top.getByLabel(`Productivity of ${neutral.name}`, { exact: true }).selectOption('productive');
  await expect(page.getByTestId('prod-productive')).toHaveText(
    formatDuration(before.by_productivity.productive + neutral.ms),
  );
  const after = await app.api.report({ query });
  expect(after.by_productivity.neutral).toBe(before.by_productivity.neutral - neutral.ms);
});

test('a new install shows what to do first', async ({ page }) => {
  const fresh = await startApp(0);
  try {
    await page.goto(fresh.dashboard);
    await expect(page.getByRole('heading', { name: 'No activity yet' })).toBeVisible();
    await expect(page.getByText(/timeaudit demo/)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/empty-state.png`, fullPage: true });
  } finally {
    await fresh.stop();
  }
});

test('without a token it asks for one instead of failing', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByLabel('API token')).toBeVisible();
  await page.getByLabel('API token').fill(app.token);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Total allocation' })).toBeVisible();
});

test('pauses and resumes tracking from the header, the same pause as the API’s', async ({ page, app }) => {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  const state = page.getByTestId('pause-state');
  await expect(state).not.toContainText('paused');
  await page.getByLabel('Pause tracking').selectOption({ label: 'for 15 minutes' });
  await expect(state).toContainText(/Tracking paused until \d\d:\d\d/);
  const paused = await app.api.getPause({});
  expect(paused.paused).toBe(true);
  const minutesLeft = (Date.parse(paused.until ?? '') - Date.now()) / 60_000;
  expect(minutesLeft).toBeGreaterThan(13);
  expect(minutesLeft).toBeLessThanOrEqual(15);
  await state.screenshot({ path: `${SHOTS}/pause-paused.png` });
  await state.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByLabel('Pause tracking')).toBeVisible();
  await expect(state).not.toContainText('paused');
  expect(await app.api.getPause({})).toEqual({ paused: false, until: null });

  // A pause from elsewhere (the tray, the extension) shows after the next refresh.
  await app.api.setPause({ body: { until: null } });
  await page.reload();
  await expect(state).toContainText('Tracking paused until resumed');
  await app.api.resume({ body: {} });
});
