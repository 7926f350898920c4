/**
 * GET /v1/status from real `timeaudit serve` processes: the window and idle sources say why they are off
 * (--no-track, no display, Wayland without XWayland), the browser extension is "unseen" until it posts, and
 * the API names its port and where it came from. restart_needed lists the port while the saved one is not the
 * one running, also when a flag chose the running one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { SourceStatus } from '../shared/api/index.ts';
import { createApiClient } from '../shared/client.ts';
import { runCli, startDaemon, type Daemon } from './daemon.testing.ts';

const dirs: string[] = [];
const daemons: Daemon[] = [];
afterEach(async () => {
  for (const d of daemons.splice(0)) await d.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NO_DISPLAY = { DISPLAY: '', WAYLAND_DISPLAY: '', TIMEAUDIT_LOG_LEVEL: 'warn' };

async function serve(args: string[], env: NodeJS.ProcessEnv, settings?: object) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-status-'));
  dirs.push(dir);
  if (settings) writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings));
  const daemon = await startDaemon([...args, '--data-dir', dir], { ...process.env, ...env });
  daemons.push(daemon);
  const token = runCli(['token', '--data-dir', dir]).stdout.trim();
  const api = createApiClient({ baseUrl: daemon.url, token: () => token });
  return { daemon, api, port: Number(new URL(daemon.url).port) };
}

const byId = (sources: SourceStatus[]): Record<string, SourceStatus | undefined> =>
  Object.fromEntries(sources.map((s) => [s.id, s]));

it('--no-track: windows and idle are off for that reason; the port comes from the flag; the browser is seen once it posts', async () => {
  const { api, port } = await serve(['--port', '0', '--no-track'], NO_DISPLAY);
  const status = await api.status({});
  expect(byId(status.sources)).toMatchObject({
    windows: { state: 'off', reason: 'started with --no-track', via: null },
    idle: { state: 'off', reason: 'started with --no-track' },
    browser: { state: 'unseen', last_seen: null },
  });
  expect(status.api).toEqual({ port, port_source: 'flag', saved_port: 47600 });
  expect(status.pause).toEqual({ paused: false, until: null });

  // The saved port (47600) is not the one running: a restart without --port would move the API.
  expect((await api.getSettings({})).restart_needed).toEqual(['port']);
  expect((await api.updateSettings({ body: { port } })).restart_needed).toEqual([]);
  expect((await api.status({})).api.saved_port).toBe(port);

  const before = Date.now();
  const end = new Date();
  const posted = await api.postBrowserEvents({
    body: {
      events: [
        {
          event_id: 'status-1',
          user_id: 'u',
          domain: 'example.org',
          start_ts: new Date(end.getTime() - 60_000).toISOString(),
          end_ts: end.toISOString(),
          duration_ms: 60_000,
          reason_closed: 'tab_switch',
          schema_version: 1,
        },
      ],
    },
  });
  expect(posted.accepted).toBe(1);
  const browser = byId((await api.status({})).sources).browser;
  expect(browser?.state).toBe('seen');
  expect(Date.parse(browser?.last_seen ?? '')).toBeGreaterThanOrEqual(before - 1000);

  // Paused: a source that is off stays off (pausing does not make it run).
  await api.setPause({ body: { minutes: 15 } });
  const paused = await api.status({});
  expect(paused.pause.paused).toBe(true);
  expect(byId(paused.sources).windows?.state).toBe('off');
});

it('no display, and Wayland without XWayland: window tracking is off and says why', async () => {
  const none = await serve(['--port', '0'], NO_DISPLAY);
  expect(byId((await none.api.status({})).sources).windows).toMatchObject({
    state: 'off',
    reason: 'no display (DISPLAY is not set)',
  });
  const wayland = await serve(['--port', '0'], { ...NO_DISPLAY, WAYLAND_DISPLAY: 'wayland-9' });
  expect(byId((await wayland.api.status({})).sources).windows).toMatchObject({
    state: 'off',
    reason: 'Wayland without XWayland DISPLAY',
  });
});

it('the port from $TIMEAUDIT_PORT, and from the settings file', async () => {
  const probe = await serve(['--port', '0', '--no-track'], NO_DISPLAY);
  const free = probe.port;
  await probe.daemon.stop();

  const fromEnv = await serve(['--no-track'], { ...NO_DISPLAY, TIMEAUDIT_PORT: String(free) });
  expect((await fromEnv.api.status({})).api).toEqual({
    port: free,
    port_source: 'environment',
    saved_port: 47600,
  });
  await fromEnv.daemon.stop();

  const fromFile = await serve(['--no-track'], NO_DISPLAY, { port: free });
  expect((await fromFile.api.status({})).api).toEqual({
    port: free,
    port_source: 'settings',
    saved_port: free,
  });
  expect((await fromFile.api.getSettings({})).restart_needed).toEqual([]);
});
