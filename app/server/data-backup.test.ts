/** POST /v1/backup and GET /v1/backups over real HTTP on a real store file. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStoreServer, startTestServer, type StoreServer, type TestServer } from './http.testing.ts';
import { Store } from '../db/store.ts';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const servers: (TestServer | StoreServer)[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
const json = { 'content-type': 'application/json' };

describe('backups through the API', () => {
  it('makes one now in the backups folder and lists it', async () => {
    const t = await startStoreServer(NOW);
    servers.push(t);
    expect((await t.call({ path: '/v1/backups' })).json).toEqual({
      folder: path.join(t.dir, 'backups'),
      backups: [],
    });
    const made = await t.call({ method: 'POST', path: '/v1/backup', headers: json, body: '{}' });
    expect(made.status).toBe(201);
    expect(made.json).toEqual({
      name: 'timeaudit-2026-03-02-120000.sqlite',
      path: path.join(t.dir, 'backups', 'timeaudit-2026-03-02-120000.sqlite'),
      bytes: expect.any(Number),
      created: expect.any(String),
      daily: false,
    });
    const listed = (await t.call({ path: '/v1/backups' })).json as { backups: unknown[] };
    expect(listed.backups).toEqual([made.json]);
  }, 30_000);

  it('refuses a body with anything in it, and answers 404 where there is no data folder', async () => {
    const t = await startStoreServer(NOW, {});
    servers.push(t);
    const bad = await t.call({ method: 'POST', path: '/v1/backup', headers: json, body: '{"to":"/etc"}' });
    expect(bad.status).toBe(400);
    expect(readdirSync(t.dir)).not.toContain('backups');

    const store = Store.open({ file: ':memory:' });
    const bare = await startTestServer({ store });
    servers.push(bare);
    const none = await bare.call({ method: 'POST', path: '/v1/backup', headers: json, body: '{}' });
    expect(none.status).toBe(404);
    expect(none.json).toEqual({
      error: {
        code: 'not_found',
        message: 'this server keeps no backups: it was started without a data folder',
      },
    });
    store.close();
  });
});
