/** The dashboard's files: public, same listener, strict CSP, still behind the Host check; the API still needs the token. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../db/store.ts';
import { DASHBOARD_CSP } from './dashboard.ts';
import { startTestServer, type TestServer } from './http.testing.ts';

let dir: string;
let store: Store;
let built: TestServer;
let bare: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-dashboard-'));
  mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(
    path.join(dir, 'dist', 'index.html'),
    '<!doctype html><title>Time Audit</title><div id="root"></div>',
  );
  writeFileSync(path.join(dir, 'dist', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the build');
  store = Store.open({ file: path.join(dir, 'db.sqlite') });
  built = await startTestServer({ store, dashboardDir: path.join(dir, 'dist') });
  bare = await startTestServer({ store, dashboardDir: path.join(dir, 'missing') });
});
afterAll(async () => {
  await built?.close();
  await bare?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard', () => {
  it('is served without a token, with a strict CSP, from the same listener', async () => {
    const page = await built.call({ path: '/', headers: { authorization: null } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = await built.call({ path: '/assets/app.js', headers: { authorization: null } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('still refuses a foreign Host, and serves nothing outside the build', async () => {
    const rebound = await built.call({ path: '/', headers: { host: `evil.example:${built.port}` } });
    expect(rebound.status).toBe(403);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const res = await built.call({ path: p, headers: { authorization: null } });
      expect(res.status, p).not.toBe(200);
      expect(res.text).not.toContain('outside the build');
    }
  });

  it('keeps the API behind the token', async () => {
    const res = await built.call({ path: '/v1/categories', headers: { authorization: null } });
    expect(res.status).toBe(401);
  });

  it('explains how to build it when it has not been built', async () => {
    const res = await bare.call({ path: '/', headers: { authorization: null } });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/npm run build/);
  });
});
