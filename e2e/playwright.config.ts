/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium), driven by Playwright, against real
 * `timeaudit serve` processes, each with its own temporary data folder. Playwright's own browser download is
 * never used: CI installs the `chromium` package instead.
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.TIMEAUDIT_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./summary-reporter.ts']],
  use: {
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
    launchOptions: {
      executablePath: CHROMIUM,
      // As root in CI Chromium needs --no-sandbox; the rest keeps it off a network it cannot reach.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
