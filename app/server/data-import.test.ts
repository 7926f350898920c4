/** POST /v1/import/*: the file as a streamed body, over real HTTP on 127.0.0.1, into a real store. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../shared/client.ts';
import { ApiError } from '../shared/errors.ts';
import { IMPORT_LIMIT_BYTES } from '../shared/routes.ts';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { awTotals, chunksOf, generateAwExport } from '../db/import/activitywatch.testing.ts';
import { startStoreServer, TEST_TOKEN, type StoreServer } from './http.testing.ts';

const START = Date.UTC(2025, 2, 3);
const NOW = START + 5 * 86_400_000;
const exported = generateAwExport({ seed: 5, startMs: START, days: 1 });
const text = JSON.stringify(exported);
const RANGE = { fromMs: START - 86_400_000, toMs: NOW, tz: 'UTC' };

let t: StoreServer;
let settings: LiveSettings;
beforeEach(async () => {
  settings = new LiveSettings(memorySettings());
  t = await startStoreServer(NOW, { settings });
});
afterEach(() => t.close());

const client = () => createApiClient({ baseUrl: `http://127.0.0.1:${t.port}`, token: () => TEST_TOKEN });

describe('POST /v1/import/activitywatch', () => {
  it('takes a streamed body larger than the 1 MiB of other requests, and answers the summary', async () => {
    const big = JSON.stringify({ ...exported, padding: 'x'.repeat(1_500_000) });
    const summary = await client().importActivityWatch({ body: chunksOf(big, 16_384) });
    expect(summary.format).toBe('activitywatch');
    expect(summary.bytes).toBe(Buffer.byteLength(big));
    expect(t.store.report(RANGE).total_ms).toBe(awTotals(exported).total);
  });

  it('takes a Blob, as the dashboard sends the picked file', async () => {
    const summary = await client().importActivityWatch({ body: new Blob([text]) });
    expect(summary.stored).toBeGreaterThan(0);
  });

  it('honours the exclusions of the settings, as the event endpoints do', async () => {
    settings.update({ excludedApps: ['Code'] });
    await client().importActivityWatch({ body: new Blob([text]) });
    expect(t.store.report(RANGE).subjects.map((s) => s.name)).not.toContain('Code');
  });

  it('answers 400 naming where a broken file breaks, having stored nothing', async () => {
    const response = await t.call({
      method: 'POST',
      path: '/v1/import/activitywatch',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(text).subarray(0, 5000),
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: {
        code: 'validation_failed',
        message:
          'the file ends early, at byte 5000 (line 1, column 5001): it was cut short or is not complete',
      },
    });
    expect(t.store.report(RANGE).total_ms).toBe(0);
  });

  it('answers a file that breaks early while the client still sends the rest of it', async () => {
    const summaryOrError = await client()
      .importActivityWatch({ body: chunksOf(`{"buckets": x${' '.repeat(30_000_000)}`, 65_536) })
      .catch((e: unknown) => e);
    expect(summaryOrError).toBeInstanceOf(ApiError);
    expect((summaryOrError as ApiError).message).toBe(
      'the file is not valid JSON at byte 12 (line 1, column 13): Unexpected "x"',
    );
  });

  it('answers 413 for a body declared larger than its limit, 401 without the token, 415 for another type', async () => {
    const tooLarge = await t.call({
      method: 'POST',
      path: '/v1/import/activitywatch',
      headers: { 'content-type': 'application/json', 'content-length': String(IMPORT_LIMIT_BYTES + 1) },
      body: '{}',
    });
    expect(tooLarge.status).toBe(413);
    expect((tooLarge.json as { error: { code: string } }).error.code).toBe('payload_too_large');
    const anonymous = await t.call({
      method: 'POST',
      path: '/v1/import/activitywatch',
      headers: { authorization: null, 'content-type': 'application/json' },
      body: text,
    });
    expect(anonymous.status).toBe(401);
    const form = await t.call({
      method: 'POST',
      path: '/v1/import/timeaudit',
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    expect(form.status).toBe(415);
    expect(t.store.report(RANGE).total_ms).toBe(0);
  });

  it('leaves the other routes at 1 MiB', async () => {
    const error = await client()
      .postIdleEvents({ body: { events: [{ padding: 'x'.repeat(1_100_000) }] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('payload_too_large');
  });
});
