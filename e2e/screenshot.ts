/**
 * Screenshots of the dashboard for a look at it: 1280×800 in the light and the dark theme and 900 px wide,
 * each of the full page.
 *
 *   node e2e/screenshot.ts 'http://127.0.0.1:47650/#token=…' [out-dir]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

const [url, outDir = '.tmp/screenshots'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node e2e/screenshot.ts DASHBOARD_URL [OUT_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const shots = [
  { name: 'light-1280', width: 1280, height: 800, colorScheme: 'light' },
  { name: 'dark-1280', width: 1280, height: 800, colorScheme: 'dark' },
  { name: 'light-900', width: 900, height: 800, colorScheme: 'light' },
  { name: 'dark-900', width: 900, height: 800, colorScheme: 'dark' },
] as const;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.colorScheme,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(url);
    // The token link pairs the page; wait until the figures (or the empty or pairing card) are there.
    await page
      .locator('[data-testid="total-time"], .empty-state, .pairing-card')
      .first()
      .waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(600); // chart.js animations
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
}
