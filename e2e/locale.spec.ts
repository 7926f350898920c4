/**
 * Dates and times follow the browser's locale everywhere in the dashboard (the range's words, the timeline's
 * hours and sessions, the date field), and the Today view shows only what one day can show.
 */
import { section, SHOTS } from './dashboard-helpers.ts';
import { expect, test } from './fixtures.ts';

const LOCALES = [
  {
    locale: 'en-US',
    // "Mon, Nov 30 – Sun, Dec 6, 2026"
    range: /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2} – [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    hours: /^\d{1,2}\s[AP]M$/,
    session: /^\d{1,2}:\d{2}\s[AP]M–\d{1,2}:\d{2}\s[AP]M/,
  },
  {
    locale: 'de-DE',
    // "Mo., 30. Nov. – So., 6. Dez. 2026", or "Di., 1. – Mo., 7. Dez. 2026" within one month
    range:
      /^[A-Z][a-z]\., \d{1,2}\.( [A-Z][a-zä]{2,3}\.?)? – [A-Z][a-z]\., \d{1,2}\. [A-Z][a-zä]{2,3}\.? \d{4}$/,
    hours: /^\d{2}$/,
    session: /^\d{2}:\d{2}–\d{2}:\d{2}/,
  },
] as const;

for (const expected of LOCALES) {
  test.describe(`in ${expected.locale}`, () => {
    test.use({ locale: expected.locale });

    test('writes dates and times as the locale does', async ({ page, app }) => {
      await page.goto('about:blank');
      await page.goto(app.dashboard);
      await page.getByRole('button', { name: 'Last 7 days' }).click();
      await expect(page.locator('.range-words')).toHaveText(expected.range);
      const timeline = section(page, 'Timeline');
      const hours = await timeline.locator('.strip-axis span').allTextContents();
      expect(hours.length).toBeGreaterThan(4);
      for (const hour of hours) expect(hour).toMatch(expected.hours);
      await timeline.getByText(/^All \d+ sessions$/).click();
      await expect(timeline.locator('.session-time').first()).toHaveText(expected.session);
      await page.locator('.range-words').screenshot({ path: `${SHOTS}/locale-${expected.locale}-range.png` });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await timeline.screenshot({ path: `${SHOTS}/locale-${expected.locale}-timeline-${width}.png` });
      }
    });
  });
}

test('one day shows no trend or day-of-week card, which a longer range shows', async ({ page, app }) => {
  await page.goto('about:blank');
  await page.goto(app.dashboard);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  // Early in the morning (or on a demo weekend) a day may hold nothing yet: step back to one that does.
  for (let back = 0; back < 7; back++) {
    const empty = page.getByRole('heading', { name: /^Nothing tracked for/ });
    const filled = page.getByText('Total tracked', { exact: true });
    await expect(empty.or(filled).first()).toBeVisible();
    if (await filled.isVisible()) break;
    await page.getByRole('button', { name: 'Previous period' }).click();
  }
  await expect(section(page, 'Total allocation')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Score trend' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Day of week' })).toHaveCount(0);
  for (const [width, scheme] of [
    [1280, 'light'],
    [390, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/today-${width}-${scheme}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page.getByRole('heading', { name: 'Score trend' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Day of week' })).toBeVisible();
});
