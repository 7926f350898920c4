/**
 * The shared pause over real HTTP: GET /v1/pause, POST /v1/pause and POST /v1/resume on the server's own
 * PauseController, and one given by the caller (the daemon shares it with the tracker).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PauseController, systemPauseClock } from './pause-controller.ts';
import { startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-03-29T08:00:00Z'); // 10:00 CEST, the day DST starts in Berlin
const json = { 'content-type': 'application/json' };

describe('the pause API', () => {
  let t: StoreServer;

  beforeAll(async () => {
    t = await startStoreServer(NOW, { tz: 'Europe/Berlin' });
  });
  afterAll(() => t?.close());

  const post = (path: string, body: unknown): Promise<RawResponse> =>
    t.call({ method: 'POST', path, headers: json, body: JSON.stringify(body) });

  it('is not paused at first', async () => {
    const res = await t.call({ path: '/v1/pause' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ paused: false, until: null });
  });

  it('needs the token', async () => {
    const res = await t.call({ path: '/v1/pause', headers: { authorization: null } });
    expect(res.status).toBe(401);
  });

  it('pauses for some minutes', async () => {
    const res = await post('/v1/pause', { minutes: 15 });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ paused: true, until: '2026-03-29T08:15:00.000Z' });
    expect((await t.call({ path: '/v1/pause' })).json).toEqual(res.json);
    expect(t.server.pause.state()).toEqual({ paused: true, untilMs: NOW + 15 * 60_000 });
  });

  it('pauses until tomorrow in the app zone (midnight CEST)', async () => {
    const res = await post('/v1/pause', { until: 'tomorrow' });
    expect(res.json).toEqual({ paused: true, until: '2026-03-29T22:00:00.000Z' });
  });

  it('pauses until resumed, and resumes', async () => {
    expect((await post('/v1/pause', { until: null })).json).toEqual({ paused: true, until: null });
    const res = await post('/v1/resume', {});
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ paused: false, until: null });
    expect(t.server.pause.isPaused()).toBe(false);
  });

  it('refuses bodies that are not exactly one valid choice, and changes nothing', async () => {
    for (const body of [
      {},
      { minutes: 0 },
      { minutes: 1441 },
      { minutes: 1.5 },
      { minutes: '15' },
      { until: 'next week' },
      { minutes: 15, until: null },
      { minutes: 15, extra: true },
      [],
    ]) {
      const res = await post('/v1/pause', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect(t.server.pause.isPaused()).toBe(false);
  });

  it('refuses a resume with a body other than {} or not JSON', async () => {
    expect((await post('/v1/resume', { now: true })).status).toBe(400);
    const form = await t.call({
      method: 'POST',
      path: '/v1/resume',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('answers 405 for other methods', async () => {
    expect((await t.call({ method: 'DELETE', path: '/v1/pause' })).status).toBe(405);
    expect((await t.call({ method: 'GET', path: '/v1/resume' })).status).toBe(405);
  });
});

describe('a pause given by the caller', () => {
  it('is the one the API reads and sets', async () => {
    const pause = new PauseController({ ...systemPauseClock, now: () => NOW });
    const t = await startStoreServer(NOW, { pause, tz: 'UTC' });
    try {
      pause.pauseUntil(null);
      expect((await t.call({ path: '/v1/pause' })).json).toEqual({ paused: true, until: null });
      await t.call({ method: 'POST', path: '/v1/resume', headers: json, body: '{}' });
      expect(pause.isPaused()).toBe(false);
      expect(t.server.pause).toBe(pause);
    } finally {
      await t.close();
    }
  });
});
