/** The typed client from app/shared against the real listener: URLs, auth, and errors as typed values. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createApiClient, urlFor } from '../shared/client.ts';
import { ApiError } from '../shared/errors.ts';
import { startStoreServer, TEST_TOKEN, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-01-06T12:00:00Z');
let t: StoreServer;
beforeAll(async () => {
  t = await startStoreServer(NOW);
});
afterAll(() => t?.close());

// Node's fetch cannot set Host, and the listener checks it; 127.0.0.1:PORT is what fetch sends anyway.
const client = (token: string | null) =>
  createApiClient({ baseUrl: `http://127.0.0.1:${t.port}`, token: () => token });

describe('the API client', () => {
  it('builds URLs from the api map', () => {
    expect(urlFor('/v1/subjects/:kind/:name/category', { kind: 'app', name: 'Visual Studio Code/1' })).toBe(
      '/v1/subjects/app/Visual%20Studio%20Code%2F1/category',
    );
    expect(urlFor('/v1/report', undefined, { from: 'a', to: 'b', limit: undefined })).toBe(
      '/v1/report?from=a&to=b',
    );
  });

  it('calls every kind of endpoint with the token', async () => {
    const api = client(TEST_TOKEN);
    expect((await api.health({})).ok).toBe(true);
    expect(await api.pairing({})).toEqual({
      user_id: t.store.userId(),
      version: expect.any(String),
      idle_seconds: 180,
    });
    const created = await api.createCategory({ body: { name: 'Deep work', productivity: 'productive' } });
    expect(await api.listCategories({})).toContainEqual(created);
    await api.postWindowEvents({
      body: {
        events: [
          {
            event_id: 'c1',
            app: 'Code',
            title: '',
            start_ts: '2026-01-05T09:00:00Z',
            end_ts: '2026-01-05T09:30:00Z',
            duration_ms: 1_800_000,
            schema_version: 1,
          },
        ],
      },
    });
    await api.setSubjectCategory({ params: { kind: 'app', name: 'Code' }, body: { category: 'Deep work' } });
    expect(
      await api.resetSubjectCategory({ params: { kind: 'domain', name: 'Docs.Python.org' }, body: {} }),
    ).toEqual({
      kind: 'domain',
      name: 'docs.python.org',
      category: 'Docs & Reference',
      productivity: 'productive',
    });
    const report = await api.report({
      query: { from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z', tz: 'UTC' },
    });
    expect(report.by_productivity.productive).toBe(1_800_000);
    const timeline = await api.timeline({ query: { date: '2026-01-05', tz: 'UTC' } });
    expect(timeline.segments.map((s) => [s.name, s.category])).toEqual([['Code', 'Deep work']]);
  });

  it('throws the server’s error as an ApiError, and an unreachable app as a ConnectionError', async () => {
    await expect(client(null).listCategories({})).rejects.toMatchObject({
      code: 'unauthorized',
      name: 'ApiError',
    });
    const err = await client(TEST_TOKEN)
      .createCategory({ body: { name: 'deep work', productivity: 'neutral' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'conflict', field: 'name' });
    const down = createApiClient({ baseUrl: 'http://127.0.0.1:9', token: () => TEST_TOKEN });
    await expect(down.health({})).rejects.toBeInstanceOf(ConnectionError);
  });
});
