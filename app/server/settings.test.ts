/**
 * The settings endpoints of a server started without a settings file (tests, tools): they answer the defaults,
 * kept in memory. The file-backed daemon wiring is tested in app/cli/settings-api.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { browserEvent, startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const json = { 'content-type': 'application/json' };
let plain: StoreServer;
let live: StoreServer;
beforeAll(async () => {
  plain = await startStoreServer(NOW);
  live = await startStoreServer(NOW, {
    settings: new LiveSettings(memorySettings({ ...DEFAULT_SETTINGS, excludedDomains: ['bank.example'] })),
  });
});
afterAll(async () => {
  await plain?.close();
  await live?.close();
});

const patch = (t: StoreServer, body: object) =>
  t.call({ method: 'PATCH', path: '/v1/settings', headers: json, body: JSON.stringify(body) });

it('answers the defaults without a settings file, and keeps a change in memory', async () => {
  expect((await plain.call({ path: '/v1/settings' })).json).toMatchObject({ idle_minutes: 3, port: 47600 });
  expect((await patch(plain, { theme: 'dark' })).json).toMatchObject({ theme: 'dark', restart_needed: [] });
  expect((await plain.call({ path: '/v1/settings' })).json).toMatchObject({ theme: 'dark' });
});

it('takes its exclusions from the settings it is given, and follows their changes', async () => {
  const send = (id: string, domain: string) =>
    live.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: json,
      body: JSON.stringify({
        events: [browserEvent(id, '2026-01-05T10:00:00Z', '2026-01-05T10:05:00Z', domain)],
      }),
    });
  expect((await send('a', 'www.bank.example')).json).toMatchObject({ accepted: 0 });
  await patch(live, { excluded_domains: ['mail.example'] });
  expect((await send('b', 'www.bank.example')).json).toMatchObject({ accepted: 1 });
  expect((await send('c', 'mail.example')).json).toMatchObject({ accepted: 0 });
});
