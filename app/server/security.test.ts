/**
 * The request guards over real HTTP on 127.0.0.1 (port 0), one describe per rule, in front of the real Store on a
 * temporary SQLite file. A refused request must store nothing: the tests count the event rows before and after,
 * posting a batch that would be stored if it got through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { APP_VERSION } from '../shared/version.ts';
import { loadMigrations } from '../db/migrate.ts';
import { Store } from '../db/store.ts';
import { bearerMatches, isAllowedHost, isAllowedOrigin, isJsonContentType } from './security.ts';
import { BODY_LIMIT_BYTES, DEFAULT_PORT, LISTEN_HOST } from './server.ts';
import {
  startStoreServer,
  startTestServer,
  TEST_EXTENSION_ID,
  TEST_TOKEN,
  type RawResponse,
  type StoreServer,
} from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');

let dir: string;
let store: Store;

/** Another Store on its own file in the temporary directory; the caller closes it. */
function openStore(name: string): Store {
  return Store.open({ file: path.join(dir, name), now: () => NOW });
}

let t: StoreServer;

beforeAll(async () => {
  t = await startStoreServer(NOW);
  store = t.store;
  dir = t.dir;
});
afterAll(() => t?.close());

const json = { 'content-type': 'application/json' };

let nextEventId = 0;
/** A one-event browser batch with a fresh event_id: stored if a request carrying it reaches the store. */
function storableBatch(): string {
  nextEventId++;
  return JSON.stringify({
    events: [
      {
        event_id: `guard-${nextEventId}`,
        user_id: 'u1',
        domain: 'github.com',
        start_ts: '2026-01-05T10:00:00Z',
        end_ts: '2026-01-05T10:05:00Z',
        duration_ms: 5 * 60_000,
        reason_closed: 'tab_switch',
        schema_version: 1,
      },
    ],
  });
}

/** Event rows of every source in the shared store. */
function storedEvents(): number {
  return store.db
    .prepare(
      `SELECT (SELECT count(*) FROM window_events) + (SELECT count(*) FROM browser_events)
            + (SELECT count(*) FROM idle_events)`,
    )
    .pluck()
    .get() as number;
}

function expectError(res: RawResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.json).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
}

describe('the listener', () => {
  it('binds to 127.0.0.1 only, on 47600 unless told otherwise', () => {
    expect(LISTEN_HOST).toBe('127.0.0.1');
    expect(DEFAULT_PORT).toBe(47600);
    const address = t.server.app.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(t.port);
  });

  it('answers /v1/health without a token', async () => {
    const res = await t.call({ path: '/v1/health', headers: { authorization: null } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, version: APP_VERSION, schema_version: store.schemaVersion() });
    expect(store.schemaVersion()).toBe(loadMigrations().length);
  });

  it('works with node fetch as a client would use it', async () => {
    const res = await fetch(`http://127.0.0.1:${t.port}/v1/categories`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(store.listCategories());
  });
});

describe('rule 1: a bearer token on every endpoint but health', () => {
  it('refuses a request without Authorization with 401 and WWW-Authenticate', async () => {
    const res = await t.call({ path: '/v1/categories', headers: { authorization: null } });
    expectError(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([
    ['a wrong token', `Bearer ${TEST_TOKEN}x`],
    ['a prefix of the token', `Bearer ${TEST_TOKEN.slice(0, 10)}`],
    ['another scheme', `Basic ${TEST_TOKEN}`],
    ['the bare token', TEST_TOKEN],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_label, authorization) => {
    expectError(await t.call({ path: '/v1/report', headers: { authorization } }), 401, 'unauthorized');
  });

  it('checks the token before reading a body, so nothing is stored', async () => {
    const before = storedEvents();
    const body = storableBatch();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { ...json, authorization: 'Bearer nope' },
      body,
    });
    expectError(res, 401, 'unauthorized');
    expect(storedEvents()).toBe(before);
    // The same body with the token is stored, so the count above would have seen it.
    const ok = await t.call({ method: 'POST', path: '/v1/browser/events', headers: json, body });
    expect(ok.json).toMatchObject({ accepted: 1 });
    expect(storedEvents()).toBe(before + 1);
  });

  it('requires the token for unknown routes too', async () => {
    expectError(await t.call({ path: '/v1/secret', headers: { authorization: null } }), 401, 'unauthorized');
  });

  it('accepts the scheme in any case', async () => {
    const res = await t.call({ path: '/v1/categories', headers: { authorization: `bearer ${TEST_TOKEN}` } });
    expect(res.status).toBe(200);
  });

  it('compares with bearerMatches', () => {
    expect(bearerMatches(`Bearer ${TEST_TOKEN}`, TEST_TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TEST_TOKEN)).toBe(false);
    expect(bearerMatches('Bearer', TEST_TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TEST_TOKEN} extra`, TEST_TOKEN)).toBe(false);
  });
});

describe('rule 2: the Host header must name this listener (DNS rebinding)', () => {
  it.each([
    ['a rebound name', (port: number) => `evil.example:${port}`],
    ['no port', () => '127.0.0.1'],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['0.0.0.0', (port: number) => `0.0.0.0:${port}`],
    ['a lookalike', (port: number) => `localhost.evil.example:${port}`],
    ['IPv6 loopback', (port: number) => `[::1]:${port}`],
  ])('refuses %s with 403 even on /v1/health', async (_label, host) => {
    expectError(await t.call({ path: '/v1/health', headers: { host: host(t.port) } }), 403, 'forbidden_host');
  });

  it('refuses a POST with a rebound Host and stores nothing', async () => {
    const before = storedEvents();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { ...json, host: `evil.example:${t.port}` },
      body: storableBatch(),
    });
    expectError(res, 403, 'forbidden_host');
    expect(storedEvents()).toBe(before);
  });

  it('checks the Host before the token', async () => {
    const res = await t.call({
      path: '/v1/categories',
      headers: { host: 'evil.example', authorization: null },
    });
    expectError(res, 403, 'forbidden_host');
  });

  it.each(['127.0.0.1', 'localhost', 'LocalHost'])('accepts %s:PORT', async (name) => {
    const res = await t.call({ path: '/v1/health', headers: { host: `${name}:${t.port}` } });
    expect(res.status).toBe(200);
  });

  it('uses the port actually bound', () => {
    expect(isAllowedHost(`127.0.0.1:${t.port}`, t.port)).toBe(true);
    expect(isAllowedHost('127.0.0.1:0', t.port)).toBe(false);
    expect(isAllowedHost(undefined, t.port)).toBe(false);
  });
});

describe('rule 3: an Origin, when sent, must be our extension or our dashboard', () => {
  it.each([
    'https://evil.example',
    'null',
    'chrome-extension://ppppppppppppppppppppppppppppppppp',
    `chrome-extension://${TEST_EXTENSION_ID}.evil.example`,
    'https://127.0.0.1', // wrong scheme and no port
    'moz-extension://abc',
  ])('refuses Origin %s with 403, also on /v1/health', async (origin) => {
    expectError(await t.call({ path: '/v1/health', headers: { origin } }), 403, 'forbidden_origin');
    expectError(await t.call({ path: '/v1/categories', headers: { origin } }), 403, 'forbidden_origin');
  });

  it('refuses a POST from a foreign origin and stores nothing', async () => {
    const before = storedEvents();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { ...json, origin: 'https://evil.example' },
      body: storableBatch(),
    });
    expectError(res, 403, 'forbidden_origin');
    expect(storedEvents()).toBe(before);
  });

  it('refuses the dashboard origin on another port', async () => {
    const origin = `http://localhost:${t.port + 1}`;
    expectError(await t.call({ path: '/v1/health', headers: { origin } }), 403, 'forbidden_origin');
  });

  it('accepts the allowed extension and the dashboard origins, without CORS headers', async () => {
    for (const origin of [
      `chrome-extension://${TEST_EXTENSION_ID}`,
      `http://127.0.0.1:${t.port}`,
      `http://localhost:${t.port}`,
    ]) {
      const res = await t.call({ path: '/v1/categories', headers: { origin } });
      expect(res.status, origin).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('accepts a request without Origin (curl, the CLI)', async () => {
    expect((await t.call({ path: '/v1/categories' })).status).toBe(200);
  });

  it('refuses a CORS preflight from a foreign origin', async () => {
    const res = await t.call({
      method: 'OPTIONS',
      path: '/v1/browser/events',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
        authorization: null,
      },
    });
    expectError(res, 403, 'forbidden_origin');
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('never sends Access-Control-Allow-Origin, whatever the answer', async () => {
    const origin = `chrome-extension://${TEST_EXTENSION_ID}`;
    const answers = await Promise.all([
      t.call({ path: '/v1/health', headers: { origin } }),
      t.call({ path: '/v1/report', headers: { origin, authorization: null } }),
      t.call({ path: '/v1/nothing', headers: { origin } }),
      t.call({ method: 'OPTIONS', path: '/v1/categories', headers: { origin } }),
      t.call({
        method: 'POST',
        path: '/v1/idle/events',
        headers: { origin, ...json },
        body: '{"events":[]}',
      }),
    ]);
    for (const res of answers) expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('matches origins with isAllowedOrigin', () => {
    const ids = new Set([TEST_EXTENSION_ID]);
    expect(isAllowedOrigin(`chrome-extension://${TEST_EXTENSION_ID}`, 1, ids)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:1', 1, ids)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:1/', 1, ids)).toBe(false);
    expect(isAllowedOrigin('chrome-extension://', 1, new Set())).toBe(false);
  });
});

describe('rule 4: bodies must be application/json', () => {
  it.each([
    ['text/plain', 'text/plain', storableBatch],
    ['a form', 'application/x-www-form-urlencoded', () => 'events=1'],
    ['multipart', 'multipart/form-data; boundary=x', () => `--x\r\n\r\n${storableBatch()}\r\n--x--`],
    ['a JSON lookalike', 'application/jsonp', storableBatch],
    ['a non-UTF-8 charset', 'application/json; charset=latin1', storableBatch],
  ])('refuses %s with 415 and stores nothing', async (_label, contentType, body) => {
    const before = storedEvents();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { 'content-type': contentType },
      body: body(),
    });
    expectError(res, 415, 'unsupported_media_type');
    expect(storedEvents()).toBe(before);
  });

  it('refuses a POST, PUT or PATCH without a Content-Type', async () => {
    const requests = [
      { method: 'POST', path: '/v1/categories' },
      { method: 'PUT', path: '/v1/subjects/app/code/category' },
      { method: 'PATCH', path: '/v1/categories/1' },
    ];
    for (const request of requests) {
      const res = await t.call({ ...request, body: '{}' });
      expectError(res, 415, 'unsupported_media_type');
    }
    expectError(await t.call({ method: 'POST', path: '/v1/categories' }), 415, 'unsupported_media_type');
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])(
    'accepts %s',
    async (contentType) => {
      const res = await t.call({
        method: 'POST',
        path: '/v1/idle/events',
        headers: { 'content-type': contentType },
        body: '{"events":[]}',
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ accepted: 0, duplicates: 0, rejected: [] });
    },
  );

  it.each([
    ['invalid JSON', () => storableBatch().slice(0, -1)],
    ['an empty body', () => ''],
    ['a prototype-poisoning key', () => `${storableBatch().slice(0, -1)},"__proto__":{"x":1}}`],
  ])('answers %s with 400 bad_request and stores nothing', async (_label, body) => {
    const before = storedEvents();
    const res = await t.call({ method: 'POST', path: '/v1/browser/events', headers: json, body: body() });
    expectError(res, 400, 'bad_request');
    expect(storedEvents()).toBe(before);
  });
});

describe('rule 5: bodies are limited to 1 MiB', () => {
  /** A valid JSON body of exactly `bytes` bytes, carrying a storable batch unless told otherwise. */
  const padded = (bytes: number, base = storableBatch()): string => base + ' '.repeat(bytes - base.length);

  it('refuses a 2 MiB body with 413 and stores nothing', async () => {
    const before = storedEvents();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: json,
      body: padded(2 * BODY_LIMIT_BYTES),
    });
    expectError(res, 413, 'payload_too_large');
    expect(storedEvents()).toBe(before);
  });

  it('refuses an oversized chunked body (no Content-Length) with 413 and stores nothing', async () => {
    const before = storedEvents();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { ...json, 'transfer-encoding': 'chunked', 'content-length': null },
      body: padded(2 * BODY_LIMIT_BYTES),
    });
    expectError(res, 413, 'payload_too_large');
    expect(storedEvents()).toBe(before);
  });

  it('refuses a body framed by both Content-Length and chunked encoding (request smuggling) with 400', async () => {
    const before = storedEvents();
    const base = storableBatch();
    const res = await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { ...json, 'transfer-encoding': 'chunked' },
      body: padded(base.length + 100, base),
    });
    expectError(res, 400, 'bad_request');
    expect(storedEvents()).toBe(before);
  });

  it('accepts exactly 1 MiB and refuses one byte more', async () => {
    const at = await t.call({
      method: 'POST',
      path: '/v1/idle/events',
      headers: json,
      body: padded(BODY_LIMIT_BYTES, '{"events":[]}'),
    });
    expect(at.status).toBe(200);
    const over = await t.call({
      method: 'POST',
      path: '/v1/idle/events',
      headers: json,
      body: padded(BODY_LIMIT_BYTES + 1, '{"events":[]}'),
    });
    expectError(over, 413, 'payload_too_large');
  });
});

describe('rule 6: unknown routes and wrong methods', () => {
  it('answers an unknown route with 404 not_found', async () => {
    expectError(await t.call({ path: '/v1/nothing' }), 404, 'not_found');
    expectError(await t.call({ path: '/' }), 404, 'not_found');
    expectError(await t.call({ path: '/v1/health/' }), 404, 'not_found');
  });

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const res = await t.call({ method: 'DELETE', path: '/v1/categories' });
    expectError(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, POST, HEAD');
    const post = await t.call({ method: 'POST', path: '/v1/report', headers: json, body: '{}' });
    expectError(post, 405, 'method_not_allowed');
    const get = await t.call({ path: '/v1/browser/events' });
    expectError(get, 405, 'method_not_allowed');
    expect(get.headers.allow).toBe('POST');
  });
});

describe('rule 7: failures are never 5xx unless they are ours', () => {
  it('turns an unexpected exception into 500 internal with a generic message, and logs it', async () => {
    const failing = openStore('failing.sqlite');
    // Fault injection on the real Store: this one method throws as a corrupt database would.
    failing.listCategories = () => {
      throw new Error('SQLITE_CORRUPT: secret detail /home/me/db.sqlite');
    };
    const other = await startTestServer({ store: failing });
    try {
      const res = await other.call({ path: '/v1/categories' });
      expectError(res, 500, 'internal');
      expect(res.text).not.toContain('SQLITE');
      expect(res.text).not.toContain('/home/me');
      expect(
        other.log.records.some((r) => r.level === 'error' && JSON.stringify(r).includes('SQLITE_CORRUPT')),
      ).toBe(true);
    } finally {
      await other.close();
      failing.close();
    }
  });

  it('answers 500 internal, not a leak, when the database is closed under the listener', async () => {
    const closed = openStore('closed.sqlite');
    const other = await startTestServer({ store: closed });
    try {
      closed.close();
      const res = await other.call({ path: '/v1/categories' });
      expectError(res, 500, 'internal');
      expect(res.text).not.toContain('database');
      expect(res.text).not.toContain(dir);
      expect(other.log.records.some((r) => r.level === 'error')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('passes the store’s ApiError through with its status', async () => {
    const conflicting = openStore('conflict.sqlite');
    const other = await startTestServer({ store: conflicting });
    try {
      const create = (name: string) =>
        other.call({
          method: 'POST',
          path: '/v1/categories',
          headers: json,
          body: JSON.stringify({ name, productivity: 'productive' }),
        });
      const listed = conflicting.listCategories().length; // the built-in ones
      expect((await create('Work')).status).toBe(201);
      const res = await create('work');
      expectError(res, 409, 'conflict');
      expect(res.json).toEqual({
        error: { code: 'conflict', message: 'a category named "work" exists already', field: 'name' },
      });
      expect(conflicting.listCategories()).toHaveLength(listed + 1);
    } finally {
      await other.close();
      conflicting.close();
    }
  });

  it('answers a malformed URL with 400', async () => {
    expectError(await t.call({ path: '/v1/subjects/app/%E0%A4%A/category' }), 400, 'bad_request');
  });
});

describe('response headers', () => {
  it('marks every answer as not cacheable and not sniffable', async () => {
    for (const res of [await t.call({ path: '/v1/health' }), await t.call({ path: '/v1/nothing' })]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('parses content types with isJsonContentType', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType(undefined)).toBe(false);
    expect(isJsonContentType('application/json; boundary=x')).toBe(false);
    expect(isJsonContentType('text/json')).toBe(false);
  });
});
