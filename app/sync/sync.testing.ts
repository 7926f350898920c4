/** Users for the sync tests: a data folder each, with its own store full of demo days and its own API. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CATEGORY_MAP, generateDays, SYNTHETIC_CATEGORIES } from '../demo/synthetic.ts';
import { zoneFor } from '../core/zone.ts';
import { Store } from '../db/store.ts';
import { startTestServer, type TestServer } from '../server/http.testing.ts';
import { createApiClient, type ApiClient } from '../shared/client.ts';
import { TEST_TOKEN } from '../server/http.testing.ts';
import type { SyncSettings } from '../shared/sync-settings.ts';
import { DEFAULT_SYNC_SETTINGS } from '../shared/sync-settings.ts';

export interface TestUser {
  dir: string;
  store: Store;
  server: TestServer;
  api: ApiClient;
  close(): Promise<void>;
}

/** `days` local days of demo activity in `tz` ending the day before `nowMs`, from `seed`. */
export async function demoUser(options: {
  seed: number;
  days: number;
  tz: string;
  nowMs: number;
  serverOptions?: Parameters<typeof startTestServer>[0] extends infer O ? Partial<O> : never;
}): Promise<TestUser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-sync-user-'));
  const store = Store.open({ file: path.join(dir, 'timeaudit.sqlite'), now: () => options.nowMs });
  // The built-in categories are there from the start: each keeps the demo's productivity.
  for (const c of SYNTHETIC_CATEGORIES) {
    const listed = store.listCategories().find((l) => l.name === c.name);
    if (listed) store.updateCategory(listed.id, { productivity: c.productivity });
    else store.createCategory(c.name, c.productivity);
  }
  for (const s of DEFAULT_CATEGORY_MAP) store.setSubjectCategory(s.kind, s.name, s.category);
  const today = zoneFor(options.tz).localDay(options.nowMs);
  for (const day of generateDays(
    { firstDay: today - options.days, days: options.days, tz: options.tz },
    options.seed,
    { windowEventsPerDay: 200, browserEventsPerDay: 150, weekendActiveChance: 1, dayOffChance: 0 },
  )) {
    store.ingest('window', day.window);
    store.ingest(
      'browser',
      day.browser.map((e) => ({ ...e, durationMs: e.endMs - e.startMs })),
    );
    store.ingest('idle', day.idle);
  }
  store.refreshRollups();
  const server = await startTestServer({ store, now: () => options.nowMs, ...options.serverOptions });
  const api = createApiClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: () => TEST_TOKEN });
  return {
    dir,
    store,
    server,
    api,
    close: async () => {
      await server.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function syncSettingsFor(endpoint: string, bucket: string, prefix: string): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, enabled: true, endpoint, bucket, prefix };
}
