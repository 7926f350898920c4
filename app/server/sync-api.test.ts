/**
 * The sync calls over real HTTP: the status, settings that are checked field by field (and never take a
 * secret), a run refused without a bucket, and 404 from a server without a data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { createLogger } from '../core/logger.ts';
import { Store } from '../db/store.ts';
import { SyncService } from '../sync/service.ts';
import { startTestServer, type TestServer } from './http.testing.ts';

let dir: string;
let store: Store;
let settings: LiveSettings;
let t: TestServer;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-sync-api-'));
  store = Store.open({ file: path.join(dir, 'timeaudit.sqlite') });
  settings = new LiveSettings(memorySettings());
  const sync = new SyncService({
    store,
    dataDir: dir,
    tz: 'UTC',
    settings: () => settings.get().sync,
    log: createLogger('sync-test'),
  });
  t = await startTestServer({ store, settings, sync });
});
afterEach(async () => {
  await t.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('/v1/sync', () => {
  it('is off by default, with this installation’s id', async () => {
    const res = await t.call({ method: 'GET', path: '/v1/sync' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      user_id: store.userId(),
      settings: { enabled: false, bucket: '', include_titles: false, display_name: null },
      running: null,
      last: null,
      days_synced: 0,
      manifest: null,
    });
  });

  it('saves checked settings and names the field of a bad one', async () => {
    const patch = (body: unknown) =>
      t.call({
        method: 'PATCH',
        path: '/v1/sync/settings',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await patch({ enabled: true, bucket: 'acme-time', prefix: '/team/', display_name: '  Ada ' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      settings: { enabled: true, bucket: 'acme-time', prefix: 'team', display_name: 'Ada' },
      manifest: `s3://acme-time/team/sessions/_manifest/user_id=${store.userId()}.json`,
    });
    expect(settings.get().sync).toMatchObject({ enabled: true, bucket: 'acme-time', prefix: 'team' });

    const bad = await patch({ bucket: 'Not_A_Bucket' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'bucket' } });
    const badEndpoint = await patch({ endpoint: 'ftp://x' });
    expect(badEndpoint.json).toMatchObject({ error: { field: 'endpoint' } });
    const secret = await patch({ secret_access_key: 'abc' });
    expect(secret.status).toBe(400);
    const noBucket = await patch({ bucket: '' });
    expect(noBucket.status).toBe(400);
    expect(settings.get().sync.bucket).toBe('acme-time');
  });

  it('refuses a run without a bucket', async () => {
    const res = await t.call({ method: 'POST', path: '/v1/sync/run', ...json({}) });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { field: 'bucket' } });
  });
});

describe('/v1/sync without a data folder', () => {
  it('answers 404', async () => {
    const bare = await startTestServer({ store });
    try {
      expect((await bare.call({ method: 'GET', path: '/v1/sync' })).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
