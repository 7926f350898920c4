/**
 * Finding things, in Debian's Chromium against a real daemon with 60 days of demo data: the full lists of Top
 * activities (search, sortable columns, pages, an app with a few minutes categorized in place), the closer look
 * (a category's apps and sites, an app's window titles, a site's days, back by breadcrumb and Escape), the
 * timeline's zoom, pan and lanes, and the charts' total / average-per-day toggles; each agrees with the API.
 * The new views never scroll the page sideways at 390 px. Screenshots: test-results/screenshots/finding/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ApiClient } from '../app/shared/client.ts';
import { formatDuration } from '../app/shared/format.ts';
import type { Report } from '../app/shared/report.ts';
import { openLast30Days, section, SHOTS } from './dashboard-helpers.ts';
import { expect, test, TZ } from './fixtures.ts';
import { collectErrors } from './page-checks.ts';

const DIR = `${SHOTS}/finding`;
mkdirSync(DIR, { recursive: true });

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

async function reportOf(app: { api: ApiClient }, q: { from: string; to: string }) {
  return app.api.report({ query: { ...q, tz: TZ, limit: 10_000 } });
}

const rowNames = (page: Page) =>
  section(page, 'Top activities').locator('tbody tr th.name .name-text').allTextContents();

const sideways = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth - g.innerWidth;
  });

test('full lists: every site, paged, searched and sorted by any column; a small app categorized in place', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const range = await openLast30Days(page, app.dashboard);
  const report: Report = await reportOf(app, range);
  const top = section(page, 'Top activities');
  const domains = report.subjects.filter((s) => s.kind === 'domain');
  expect(domains.length).toBeGreaterThan(25);

  // Page one: the 25 longest, then the rest page by page.
  await expect(top.getByRole('status').filter({ hasText: /of \d+ sites/ })).toHaveText(
    `1–25 of ${domains.length} sites`,
  );
  expect(await rowNames(page)).toEqual(domains.slice(0, 25).map((s) => s.name));
  await top.getByRole('button', { name: 'Next ›' }).click();
  await expect(top.getByRole('status').filter({ hasText: /of \d+ sites/ })).toHaveText(
    `26–${Math.min(50, domains.length)} of ${domains.length} sites`,
  );
  expect(await rowNames(page)).toEqual(domains.slice(25, 50).map((s) => s.name));
  await expect(top.locator('tbody tr td.rank').first()).toHaveText('26');

  // A header sorts: names A–Z, again Z–A; the sort menu says so too.
  await top.getByRole('button', { name: 'Name' }).click();
  const byName = [...domains].sort((a, b) => collator.compare(a.name, b.name));
  expect(await rowNames(page)).toEqual(byName.slice(0, 25).map((s) => s.name));
  await expect(top.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(top.getByLabel('Sort')).toHaveValue('name:asc');
  await top.getByRole('button', { name: 'Name' }).click();
  expect(await rowNames(page)).toEqual(
    byName
      .reverse()
      .slice(0, 25)
      .map((s) => s.name),
  );
  await top.getByLabel('Sort').selectOption({ label: 'Shortest first' });
  const shortest = [...domains].sort((a, b) => a.ms - b.ms);
  expect((await rowNames(page))[0]).toBe(shortest[0]?.name);

  // The app with the least time, found by search and categorized in place.
  await top.getByRole('tab', { name: 'Apps' }).click();
  const apps = report.subjects.filter((s) => s.kind === 'app');
  const smallest = apps.at(-1);
  if (!smallest) throw new Error('no apps in the demo data');
  await top.getByPlaceholder('Search apps').fill(smallest.name.slice(0, 5).toUpperCase());
  const matching = apps.filter((s) => s.name.toLowerCase().includes(smallest.name.slice(0, 5).toLowerCase()));
  expect(await rowNames(page)).toEqual(matching.map((s) => s.name));
  await top.getByPlaceholder('Search apps').fill('no such app at all');
  await expect(top.getByText('No apps match')).toBeVisible();
  await top.getByPlaceholder('Search apps').fill(smallest.name);
  const target = report.categories.find((c) => c.name !== null && c.name !== smallest.category)?.name;
  if (!target) throw new Error('no other category');
  await top.getByLabel(`Category of ${smallest.name}`).selectOption(target);
  await expect
    .poll(
      async () =>
        (await reportOf(app, range)).subjects.find((s) => s.kind === 'app' && s.name === smallest.name)
          ?.category,
    )
    .toBe(target);
  expect(errors).toEqual([]);
});

test('the closer look: a category, its app and its titles, a site by day; back by breadcrumb and Escape', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const range = await openLast30Days(page, app.dashboard);
  const report = await reportOf(app, range);
  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Categories' }).click();
  const category = report.categories.find(
    (c) => c.name !== null && report.subjects.some((s) => s.category === c.name && s.kind === 'app'),
  );
  if (!category?.name) throw new Error('no category with apps');
  await top.getByRole('button', { name: `${category.name}: show its apps and sites`, exact: true }).click();

  const breadcrumb = top.getByRole('navigation', { name: 'Where you are' });
  await expect(breadcrumb.getByRole('button', { name: 'All categories' })).toBeVisible();
  await expect(breadcrumb.locator('[aria-current]')).toHaveText(category.name);
  await expect(top.getByRole('heading', { level: 3 })).toContainText(formatDuration(category.ms));
  const inCategory = report.subjects.filter((s) => s.category === category.name);
  await expect(top.getByRole('status').filter({ hasText: /apps and sites/ })).toHaveText(
    inCategory.length > 25
      ? `1–25 of ${inCategory.length} apps and sites`
      : `${inCategory.length} apps and sites`,
  );

  // An app of it: its window titles, as the API reads them.
  const appSubject = inCategory.find((s) => s.kind === 'app');
  if (!appSubject) throw new Error('no app');
  await top.getByRole('button', { name: `${appSubject.name}: show its window titles`, exact: true }).click();
  const titles = await app.api.reportTitles({
    query: { app: appSubject.name, from: range.from, to: range.to },
  });
  expect(titles.titles.length).toBeGreaterThan(0);
  await expect(top.locator('.titles-table tbody tr').first()).toHaveAttribute(
    'data-title',
    titles.titles[0]?.title ?? '',
  );
  await expect(top.locator('.titles-table tbody tr').first().locator('td.num')).toHaveText(
    formatDuration(titles.titles[0]?.ms ?? 0),
  );
  await expect(top.locator('.drill-summary')).toContainText(
    `${formatDuration(titles.total_ms)} under ${titles.titles.length}`,
  );
  await expect(breadcrumb.locator('[aria-current]')).toHaveText(appSubject.name);
  await expect(breadcrumb.getByRole('button', { name: category.name })).toBeVisible();
  await page.screenshot({
    path: `${DIR}/titles-1280.png`,
    fullPage: false,
    clip: (await top.boundingBox()) ?? undefined,
  });

  // Escape: back to the category, then to the list.
  await page.keyboard.press('Escape');
  await expect(breadcrumb).not.toContainText(appSubject.name);
  await expect(top.getByRole('heading', { level: 3 })).toContainText(category.name);
  await page.keyboard.press('Escape');
  await expect(breadcrumb).toHaveCount(0);
  await expect(
    top.getByRole('button', { name: `${category.name}: show its apps and sites`, exact: true }),
  ).toBeVisible();

  // A site: its time by day, summed as the API says.
  await top.getByRole('tab', { name: 'Domains' }).click();
  const site = report.subjects.find((s) => s.kind === 'domain');
  if (!site) throw new Error('no site');
  await top.getByRole('button', { name: `${site.name}: show its time by day`, exact: true }).click();
  const days = await app.api.reportDays({
    query: { kind: 'domain', name: site.name, from: range.from, to: range.to, tz: TZ },
  });
  expect(days.total_ms).toBe(site.ms);
  await expect(top.locator('.drill-summary')).toContainText(
    `${formatDuration(site.ms)} on ${days.days.filter((d) => d.ms > 0).length} of`,
  );
  await expect(top.locator('.days-view canvas')).toBeVisible();
  // The close button, like Escape.
  await top.getByRole('button', { name: `Close ${site.name} (Escape)` }).click();
  await expect(
    top.getByRole('button', { name: `${site.name}: show its time by day`, exact: true }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('the timeline zooms and pans (buttons, keys, Ctrl + wheel), splits into lanes, and shows away time', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  await openLast30Days(page, app.dashboard);
  const timeline = section(page, 'Timeline');
  const span = timeline.locator('.zoom-span');
  await expect(span).toHaveText('00:00–24:00');
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect(span).toHaveText('06:00–18:00');
  await timeline.getByRole('button', { name: 'Later' }).click();
  await expect(span).toHaveText('12:00–24:00');
  // The day ends there.
  await expect(timeline.getByRole('button', { name: 'Later' })).toBeDisabled();

  const lanes = timeline.getByRole('group', { name: /^Timeline of/ });
  await lanes.focus();
  await page.keyboard.press('+');
  await expect(span).toHaveText('15:00–21:00');
  await page.keyboard.press('ArrowLeft');
  await expect(span).toHaveText('13:30–19:30');
  await page.keyboard.press('0');
  await expect(span).toHaveText('00:00–24:00');

  // Ctrl + wheel zooms about the pointer.
  const box = await lanes.boundingBox();
  if (!box) throw new Error('no timeline');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(span).not.toHaveText('00:00–24:00');
  await timeline.getByRole('button', { name: 'Whole day' }).click();
  await expect(span).toHaveText('00:00–24:00');

  // Lanes per category and per app; the pointer finds a block and says what it is.
  await timeline.getByRole('button', { name: 'By category' }).click();
  expect(await timeline.locator('.lane').count()).toBeGreaterThan(1);
  await timeline.getByRole('button', { name: 'By app' }).click();
  const labels = await timeline.locator('.lane-label').allTextContents();
  expect(labels.length).toBeGreaterThan(1);
  expect(labels.length).toBeLessThanOrEqual(7);
  const firstBlock = timeline.locator('.lane').first().locator('.block').first();
  await firstBlock.hover({ force: true });
  await expect(timeline.locator('.timeline-readout')).toContainText(labels[0] ?? '');
  // Away time, where the demo day has some, is a band and a legend entry.
  const away = await timeline.locator('.away').count();
  if (away > 0) await expect(timeline.getByRole('list', { name: 'Colours' })).toContainText('Away');
  expect(errors).toEqual([]);
});

test('time of day and day of week: average per day or total, said in the caption', async ({ page, app }) => {
  const range = await openLast30Days(page, app.dashboard);
  const report = await reportOf(app, range);
  const hours = section(page, 'Time of day');
  await expect(hours.locator('.subtitle')).toHaveText(
    /^Average per day: each hour's time over the \d+ days of the range$/,
  );
  const averaged = await hours.getByRole('img').getAttribute('aria-label');
  await hours.getByRole('button', { name: 'Total' }).click();
  await expect(hours.locator('.subtitle')).toHaveText(/^Total per hour: the \d+ days of the range added up$/);
  const busiest = [...report.by_hour].sort((a, b) => b.total_ms - a.total_ms)[0];
  await expect(hours.getByRole('img')).toHaveAttribute(
    'aria-label',
    new RegExp(`Busiest: [^,]+, ${formatDuration(busiest?.total_ms ?? 0)}\\.`),
  );
  expect(averaged).not.toBe(await hours.getByRole('img').getAttribute('aria-label'));

  const weekdays = section(page, 'Day of week');
  await expect(weekdays.locator('.subtitle')).toHaveText(/^Average per day/);
  await weekdays.getByRole('button', { name: 'Total' }).click();
  await expect(weekdays.locator('.subtitle')).toHaveText(/^Total per weekday/);

  await expect(section(page, 'Score trend').locator('.subtitle')).toContainText('gaps are');

  // One day: one meaning, no toggle; no trend to draw.
  await page.getByRole('button', { name: 'Yesterday' }).click();
  await expect(hours.locator('.subtitle')).toHaveText('Tracked time per hour of the day');
  await expect(hours.getByRole('button', { name: 'Total' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Score trend' })).toHaveCount(0);
});

test('the new views, light and dark, at 1280 and 390 px: no sideways scrolling (screenshots)', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await openLast30Days(page, app.dashboard);
      const top = section(page, 'Top activities');
      const report = await reportOf(app, await openLast30Days(page, app.dashboard));
      const name = `${colorScheme}-${width}`;
      await top.scrollIntoViewIfNeeded();
      expect(await sideways(page), `list ${name}`).toBe(0);
      await top.screenshot({ path: `${DIR}/list-${name}.png` });

      const appSubject = report.subjects.find((s) => s.kind === 'app');
      await top.getByRole('tab', { name: 'Apps' }).click();
      await top
        .getByRole('button', { name: `${appSubject?.name ?? ''}: show its window titles`, exact: true })
        .click();
      await expect(top.locator('.titles-table')).toBeVisible();
      expect(await sideways(page), `titles ${name}`).toBe(0);
      await top.screenshot({ path: `${DIR}/titles-${name}.png` });

      await page.keyboard.press('Escape');
      await top.getByRole('tab', { name: 'Domains' }).click();
      const site = report.subjects.find((s) => s.kind === 'domain');
      await top
        .getByRole('button', { name: `${site?.name ?? ''}: show its time by day`, exact: true })
        .click();
      await expect(top.locator('.days-view canvas')).toBeVisible();
      await page.waitForTimeout(400); // chart.js animation
      expect(await sideways(page), `days ${name}`).toBe(0);
      await top.screenshot({ path: `${DIR}/days-${name}.png` });

      const timeline = section(page, 'Timeline');
      await timeline.getByRole('button', { name: 'By app' }).click();
      await timeline.getByRole('button', { name: 'Zoom in' }).click();
      expect(await sideways(page), `timeline ${name}`).toBe(0);
      await timeline.screenshot({ path: `${DIR}/timeline-${name}.png` });
      for (const chart of ['Time of day', 'Day of week']) {
        await section(page, chart).screenshot({
          path: `${DIR}/${chart.replace(/ /g, '-').toLowerCase()}-${name}.png`,
        });
      }
      expect(await sideways(page), `charts ${name}`).toBe(0);
    }
  }
  expect(errors).toEqual([]);
});
