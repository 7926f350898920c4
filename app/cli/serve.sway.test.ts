/**
 * `timeaudit serve` tracking real Wayland windows under headless sway: two foot windows, the focus switched
 * through swaymsg every 3 s for two minutes, and `timeaudit export --raw` showing one window event per switch,
 * in order, named by app_id. DISPLAY is set to a display that does not exist: under sway the native source must
 * win over XWayland.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startDaemon } from './daemon.testing.ts';
import {
  missingSwayTools,
  startSwayDesktop,
  SWAY_APT,
  type SwayDesktop,
} from '../trackers/sway-desktop.testing.ts';

const linux = process.platform === 'linux';
/** Two minutes of tracking, the focus switched every 3 s (as on X11, serve.x11-forks.test.ts). */
const SWITCHES = 40;
const EVERY_MS = 3_000;
const missing = linux ? missingSwayTools() : [];

/** The processes whose parent is `pid`, from /proc (a child started and ended between reads is missed). */
function childrenOf(pid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

interface EventRow {
  source: string;
  app?: string;
  title?: string;
  start_ts: string;
  end_ts: string;
}

describe.skipIf(!linux || (missing.length > 0 && !process.env.CI))('timeaudit serve under sway', () => {
  let desktop: SwayDesktop;
  let dir: string;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: ${SWAY_APT}`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'ta-serve-sway-'));
    desktop = await startSwayDesktop();
    await desktop.openWindow('ta.editor', 'notes.md - Editor');
    await desktop.openWindow('ta.terminal', 'build - Terminal');
  }, 30_000);
  afterAll(async () => {
    await desktop?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records every focus switch with the app_id and title, and logs what the desktop records', async () => {
    const env = {
      ...process.env,
      ...desktop.env,
      DISPLAY: ':98765',
      TIMEAUDIT_LOG_LEVEL: 'info',
    };
    // A poll every 5 s: switches in between are seen through the sway events, not the poll.
    const daemon = await startDaemon(['--port', '0', '--poll-ms', '5000', '--data-dir', dir], env);
    const startedMs = Date.now();
    const order = Array.from({ length: SWITCHES }, (_, i) => (i % 2 === 0 ? 'ta.editor' : 'ta.terminal'));
    let stopped = false;
    try {
      await daemon.waitForLog(/tracking the active window/);
      expect(daemon.stderr()).toMatch(/desktop: sway: every window/);
      await sleep(600); // the terminal, focused at start, is recorded first
      const children = new Set<string>();
      for (const appId of order) {
        await desktop.swaymsg(`[app_id=${appId}] focus`);
        for (let i = 0; i < EVERY_MS / 200; i++) {
          for (const child of childrenOf(daemon.pid)) children.add(child);
          await sleep(200);
        }
      }
      // Tracking through the sway socket starts no process (get-windows would start xprop at each poll).
      expect([...children]).toEqual([]);
      stopped = true;
      expect(await daemon.stop()).toBe(0); // SIGTERM saves the open window event before exiting
    } finally {
      if (!stopped) await daemon.stop();
    }
    const endedMs = Date.now();

    const out = runCli([
      'export',
      '--raw',
      '--titles',
      '--format',
      'ndjson',
      '--data-dir',
      dir,
      '--from',
      new Date(startedMs - 60_000).toISOString(),
      '--to',
      new Date(endedMs + 60_000).toISOString(),
    ]);
    expect(out.status, out.stderr).toBe(0);
    const events = out.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as EventRow)
      .filter((e) => e.source === 'window')
      .map((e) => ({ ...e, start_ms: Date.parse(e.start_ts), end_ms: Date.parse(e.end_ts) }))
      .sort((a, b) => a.start_ms - b.start_ms);
    process.stderr.write(
      `sway: recorded ${events.map((e) => `${e.app} ${e.end_ms - e.start_ms} ms`).join(', ')}\n`,
    );
    // The daemon saw the terminal focused at start (the last window opened), then each switch in turn.
    const apps = events.map((e) => e.app);
    expect(apps).toEqual(['ta.terminal', ...order]);
    for (const e of events)
      expect(e.title).toBe(e.app === 'ta.editor' ? 'notes.md - Editor' : 'build - Terminal');
    // Each switched-to window holds about its 3 s; events touch and never overlap.
    for (const e of events.slice(1, -1)) {
      expect(e.end_ms - e.start_ms).toBeGreaterThan(EVERY_MS / 2);
      expect(e.end_ms - e.start_ms).toBeLessThan(EVERY_MS * 2);
    }
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.start_ms).toBeGreaterThanOrEqual(events[i - 1]!.end_ms);
  }, 240_000);
});
