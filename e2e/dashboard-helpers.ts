/**
 * What the dashboard's end-to-end tests share: finding a section, opening a range, checking for reloads, and
 * posting a visit to a site.
 */
import type { Page } from '@playwright/test';
import type { ApiClient } from '../app/shared/client.ts';
import type { IngestResult } from '../app/shared/events.ts';
import { EVENT_SCHEMA_VERSION } from '../app/shared/version.ts';
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

/** Posts one browser session on `domain` from `start` to `end`, as the paired extension would. */
export async function postVisit(
  api: ApiClient,
  eventId: string,
  domain: string,
  start: Date,
  end: Date,
): Promise<IngestResult> {
  const { user_id } = await api.pairing({});
  return api.postBrowserEvents({
    body: {
      events: [
        {
          event_id: eventId,
          user_id,
          domain,
          start_ts: start.toISOString(),
          end_ts: end.toISOString(),
          duration_ms: end.getTime() - start.getTime(),
          reason_closed: 'tab_switch',
          schema_version: EVENT_SCHEMA_VERSION,
        },
      ],
    },
  });
}
