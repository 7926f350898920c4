/**
 * Dashboard first render with years of demo data, in Debian's Chromium: from navigation to the totals and
 * charts on screen, for the range the dashboard opens with and after switching to "Last 30 days". Reported
 * beside the same run's bare report API call for that range (the baseline: the data the page needs), median
 * of a few loads. A figure to read, never a pass/fail test.
 *
 *   node bench/dashboard.ts [--years 5] [--loads 5]      or BENCH_YEARS, BENCH_LOADS
 */
import { chromium } from '@playwright/test';
import { runCli, startDaemon } from '../app/cli/daemon.testing.ts';
import { createApiClient } from '../app/shared/client.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, ms, table, untilPrepared } from './measure.ts';
import { numberOption } from './options.ts';
import { note } from './progress.ts';

export interface DashboardSummary {
  years: number;
  firstRenderMs: number;
  last30DaysMs: number;
  apiMs: number;
}

export async function runDashboardBench(options: {
  years: number;
  loads: number;
}): Promise<DashboardSummary> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-bench-dashboard-'));
  const days = Math.round(options.years * 365.25);
  try {
    note(`dashboard: writing ${days} days of demo data…`);
    const demo = runCli(['demo', '--days', String(days), '--tz', 'Europe/Berlin', '--data-dir', dataDir]);
    if (demo.status !== 0) throw new Error(demo.stderr);
    const env = { ...process.env, DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };
    const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dataDir], env);
    const token = runCli(['token', '--data-dir', dataDir]).stdout.trim();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      const api = createApiClient({ baseUrl: daemon.url, token: () => token });
      // Warm the zone's rollups once, as any earlier use of the dashboard would have: the daemon builds them
      // in the background and answers 503 'preparing' until they are ready.
      await untilPrepared(() =>
        api.report({
          query: { from: '2000-01-01T00:00:00Z', to: new Date().toISOString(), tz: 'Europe/Berlin' },
        }),
      );
      const first: number[] = [];
      const switched: number[] = [];
      const apiCalls: number[] = [];
      for (let i = 0; i < options.loads; i++) {
        const context = await browser.newContext({
          timezoneId: 'Europe/Berlin',
          viewport: { width: 1280, height: 800 },
        });
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${daemon.url}/#token=${token}`);
        // Rendered: the figures are on screen and nothing is loading any more (the page marks <main aria-busy>).
        await page.getByTestId('total-time').waitFor();
        await page.locator('main[aria-busy="false"]').waitFor();
        first.push(performance.now() - t0);
        let asked = '';
        page.on('request', (r) => {
          if (new URL(r.url()).pathname === '/v1/report') asked = r.url();
        });
        const t1 = performance.now();
        await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/timeline'),
          page.getByRole('button', { name: 'Last 30 days' }).click(),
        ]);
        await page.locator('main[aria-busy="false"]').waitFor();
        switched.push(performance.now() - t1);
        const q = new URL(asked).searchParams;
        const t2 = performance.now();
        await api.report({ query: { from: q.get('from')!, to: q.get('to')!, tz: 'Europe/Berlin' } });
        apiCalls.push(performance.now() - t2);
        await context.close();
      }
      const summary = {
        years: options.years,
        firstRenderMs: median(first),
        last30DaysMs: median(switched),
        apiMs: median(apiCalls),
      };
      console.log(
        `\n== dashboard: ${options.years} year(s) of demo data, median of ${options.loads} load(s) ==`,
      );
      console.log(
        table([
          ['step', 'time', 'vs one report API call'],
          [
            'first render (navigation → totals and charts)',
            ms(summary.firstRenderMs),
            `${(summary.firstRenderMs / summary.apiMs).toFixed(1)} ×`,
          ],
          [
            'switch to Last 30 days (click → settled)',
            ms(summary.last30DaysMs),
            `${(summary.last30DaysMs / summary.apiMs).toFixed(1)} ×`,
          ],
          ['report API call for that range (baseline)', ms(summary.apiMs), '1.0 ×'],
        ]),
      );
      return summary;
    } finally {
      await browser.close();
      await daemon.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  await runDashboardBench({
    years: numberOption('--years', 'BENCH_YEARS', 5),
    loads: numberOption('--loads', 'BENCH_LOADS', 5),
  });
}
