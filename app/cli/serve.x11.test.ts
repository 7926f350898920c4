/**
 * The whole chain for real: `timeaudit serve` tracking real X11 windows under Xvfb, a browser event posted to
 * its API, and `timeaudit report` reading the result. The "browser" is an xterm whose WM_CLASS says Firefox,
 * so the rule "a browser event replaces a focused browser's time with its domain" is exercised end to end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents, runCli, startDaemon } from './daemon.testing.ts';
import {
  missingX11Tools,
  startX11Desktop,
  X11_APT,
  type X11Desktop,
} from '../trackers/x11-desktop.testing.ts';

const missing = missingX11Tools();

describe.skipIf(missing.length > 0 && !process.env.CI)('timeaudit serve under X11', () => {
  let desktop: X11Desktop;
  let dir: string;
  const ids = { editor: '', browser: '' };

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: ${X11_APT}`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'ta-serve-x11-'));
    desktop = await startX11Desktop();
    ids.editor = await desktop.openWindow('notes.md - Editor', 'TaEditor');
    ids.browser = await desktop.openWindow('GitHub - Firefox', 'Firefox');
  });
  afterAll(async () => {
    await desktop?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records focused apps, replaces browser time with the posted domain, and reports it', async () => {
    const env = { ...process.env, DISPLAY: desktop.display, TIMEAUDIT_LOG_LEVEL: 'info' };
    const startedMs = Date.now();
    const daemon = await startDaemon(['--port', '0', '--poll-ms', '200', '--data-dir', dir], env);
    let stopped = false;
    try {
      await daemon.waitForLog(/tracking the active window/);
      // GET /v1/status says so, and a pause holds both trackers.
      const status = async () => {
        const res = await fetch(`${daemon.url}/v1/status`, {
          headers: { authorization: `Bearer ${runCli(['token', '--data-dir', dir]).stdout.trim()}` },
        });
        const body = (await res.json()) as { sources: { id: string; state: string; via: string | null }[] };
        return body.sources
          .filter((s) => s.id !== 'browser')
          .map(({ id, state, via }) => ({ id, state, via }));
      };
      expect(await status()).toEqual([
        { id: 'windows', state: 'tracking', via: 'x11' },
        { id: 'idle', state: 'tracking', via: 'x11' },
      ]);

      await desktop.xdotool('windowactivate', '--sync', ids.editor);
      await sleep(2_000);
      await desktop.xdotool('windowactivate', '--sync', ids.browser);
      await sleep(2_000);
      await desktop.xdotool('windowactivate', '--sync', ids.editor);
      await sleep(1_000);

      const token = runCli(['token', '--data-dir', dir]).stdout.trim();
      const now = Date.now();
      const posted = await postEvents(daemon.url, token, 'browser', [
        {
          event_id: 'x11-e2e-1',
          user_id: 'test',
          domain: 'github.com',
          start_ts: new Date(startedMs).toISOString(),
          end_ts: new Date(now).toISOString(),
          duration_ms: now - startedMs,
          reason_closed: 'tab_switch',
          schema_version: 1,
        },
      ]);
      expect(posted.accepted).toBe(1);
      stopped = true;
      expect(await daemon.stop()).toBe(0); // SIGTERM saves the open window event before exiting
    } finally {
      if (!stopped) await daemon.stop();
    }
    const endedMs = Date.now();

    const report = JSON.parse(
      runCli([
        'report',
        '--data-dir',
        dir,
        '--from',
        new Date(startedMs - 60_000).toISOString(),
        '--to',
        new Date(endedMs + 60_000).toISOString(),
        '--tz',
        'UTC',
        '--json',
      ]).stdout,
    );
    const ms = Object.fromEntries(report.subjects.map((s: { name: string; ms: number }) => [s.name, s.ms]));
    // The machine is noisy: bounds are generous, the structure is exact.
    expect(Object.keys(ms).sort()).toEqual(['TaEditor', 'github.com']);
    expect(ms.TaEditor).toBeGreaterThan(2_000);
    expect(ms.TaEditor).toBeLessThan(6_000);
    expect(ms['github.com']).toBeGreaterThan(1_000);
    expect(ms['github.com']).toBeLessThan(endedMs - startedMs);
    expect(report.total_ms).toBeLessThanOrEqual(endedMs - startedMs);
  });
});
