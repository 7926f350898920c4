/**
 * The desktop app end to end: Electron started through Playwright's _electron.launch on the built app
 * (`npm run build:renderer && npm run build:electron`). Run on the GitHub Actions machines, where Electron's
 * binary can be installed (.github/workflows/ci.yml); elsewhere the spec skips with one line saying why.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: 'electron.spec.ts',
  outputDir: '../test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
