/** Excluded apps and domains (settings) are refused at the door with code `excluded`, and nothing of them is stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { browserEvent, startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
const json = { 'content-type': 'application/json' };
let t: StoreServer;
beforeAll(async () => {
  t = await startStoreServer(NOW, {
    settings: new LiveSettings(
      memorySettings({ ...DEFAULT_SETTINGS, excludedApps: ['KeePassXC'], excludedDomains: ['bank.example'] }),
    ),
  });
});
afterAll(() => t?.close());

const post = (path: string, events: object[]) =>
  t.call({ method: 'POST', path, headers: json, body: JSON.stringify({ events }) });

describe('exclusions', () => {
  it('refuse events of an excluded domain or its subdomains, and store the others', async () => {
    const res = await post('/v1/browser/events', [
      browserEvent('x1', '2026-01-05T10:00:00Z', '2026-01-05T10:10:00Z', 'www.bank.example'),
      browserEvent('x2', '2026-01-05T10:10:00Z', '2026-01-05T10:20:00Z', 'github.com'),
    ]);
    expect(res.json).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, code: 'excluded', message: expect.stringMatching(/www\.bank\.example is excluded/) },
      ],
    });
    expect(t.store.db.prepare('SELECT domain FROM browser_events').pluck().all()).toEqual(['github.com']);
  });

  it('refuse window events of an excluded app', async () => {
    const res = await post('/v1/window/events', [
      {
        event_id: 'w1',
        app: 'keepassxc',
        title: 'Passwords',
        start_ts: '2026-01-05T11:00:00Z',
        end_ts: '2026-01-05T11:01:00Z',
        duration_ms: 60_000,
        schema_version: 1,
      },
    ]);
    expect((res.json as { rejected: Array<{ code: string }> }).rejected.map((r) => r.code)).toEqual([
      'excluded',
    ]);
    expect(t.store.db.prepare('SELECT count(*) FROM window_events').pluck().get()).toBe(0);
  });
});
