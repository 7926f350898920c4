/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium), driven by Playwright, against real
 * `timeaudit serve` processes, each with its own temporary data folder. Playwright's own browser download is
 * never used: CI installs the `chromium` package instead.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // The desktop app has its own config (electron.config.ts): it needs Electron's binary, not Chromium.
  testIgnore: 'electron.spec.ts',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry on CI, where the machine is shared and noisy; a test that needs it is reported as flaky.
  retries: process.env.CI ? 1 : 0,
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
      args: CHROMIUM_ARGS,
    },
    // Every step is bounded, so that a hang names the step instead of running into the test's timeout.
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
