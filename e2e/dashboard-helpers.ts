/** What the dashboard's end-to-end tests share: finding a section, opening a range, and checking for reloads. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export const SHOTS = 'test-results/screenshots';

/** The card whose heading is `heading`. */
export const section = (page: Page, heading: string) =>
  page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

/** Opens the dashboard on "Last 30 days" and returns the query of the report it shows. */
export async function openLast30Days(page: Page, dashboard: string): Promise<{ from: string; to: string }> {
  const asked: Array<{ from: string; to: string }> = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/v1/report') {
      asked.push({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' });
    }
  });
  await page.goto('about:blank'); // the fragment alone would be a same-document navigation
  await page.goto(dashboard);
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(page.getByTestId('total-time')).not.toHaveText(/^(0m)?$/);
  await page.waitForLoadState('networkidle');
  expect(asked.length).toBeGreaterThan(0);
  // The current range is the last one asked that ends latest (the previous period ends earlier).
  return asked.reduce((a, b) => (Date.parse(b.to) >= Date.parse(a.to) ? b : a));
}

/** Marks the page, to check later (expectSameDocument) that it was never reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true));
}

export async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
}
