/**
 * GET /v1/export over real HTTP on a real store: the file's name and type, the columns, titles only when
 * asked for, a session across local midnight as one row, Parquet's types as DuckDB reads them, the raw
 * events, and the errors that are answered before any byte of a file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserEvent, rawRequest, startStoreServer, TEST_TOKEN, type StoreServer } from '../http.testing.ts';
import { createApiClient } from '../../shared/client.ts';
import { parseCsv, parquetTypes } from './parse.testing.ts';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const RANGE = 'from=2026-03-01T00:00:00%2B05:30&to=2026-03-03T00:00:00%2B05:30&tz=Asia/Kolkata';

let t: StoreServer;
beforeEach(async () => {
  t = await startStoreServer(NOW);
  t.store.createCategory('Deep work', 'productive');
  t.store.setSubjectCategory('app', 'Code', 'Deep work');
  // 23:00–01:00 in Kolkata: one session across local midnight, in two window events with other titles.
  t.store.ingest('window', [
    {
      eventId: 'w1',
      app: 'Code',
      title: 'secret-plan.md',
      startMs: Date.parse('2026-03-01T17:30:00Z'),
      endMs: Date.parse('2026-03-01T18:00:00Z'),
    },
    {
      eventId: 'w2',
      app: 'Code',
      title: 'notes, "draft"',
      startMs: Date.parse('2026-03-01T18:00:00Z'),
      endMs: Date.parse('2026-03-01T19:30:00Z'),
    },
  ]);
});
afterEach(() => t?.close());

describe('GET /v1/export', () => {
  it('streams the sessions as a CSV file named for its range, titles left out', async () => {
    const res = await t.call({ path: `/v1/export?${RANGE}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="timeaudit-sessions-2026-03-01-2026-03-02.csv"',
    );
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'session_id',
      'user_id',
      'source',
      'subject_kind',
      'subject',
      'title',
      'start_ts',
      'end_ts',
      'duration_ms',
      'category',
      'productivity',
      'schema_version',
    ]);
    expect(rows).toEqual([
      [
        expect.stringMatching(/^[0-9a-f]{32}$/),
        t.store.userId(),
        'window',
        'app',
        'Code',
        '',
        '2026-03-01T17:30:00.000Z',
        '2026-03-01T19:30:00.000Z',
        '7200000',
        'Deep work',
        'productive',
        '1',
      ],
    ]);
    expect(res.text).not.toContain('secret-plan');
  });

  it('gives the title that counted longest when titles are asked for, and the same id', async () => {
    const plain = (await t.call({ path: `/v1/export?${RANGE}&format=ndjson` })).text;
    const titled = (await t.call({ path: `/v1/export?${RANGE}&format=ndjson&titles=true` })).text;
    const [a, b] = [JSON.parse(plain), JSON.parse(titled)];
    expect(a.title).toBeNull();
    expect(b.title).toBe('notes, "draft"');
    expect(b.session_id).toBe(a.session_id);
    // A range that cuts the session keeps its id.
    const cut = await t.call({
      path: '/v1/export?from=2026-03-01T18:45:00Z&to=2026-03-02T00:00:00Z&tz=UTC&format=json',
    });
    expect(cut.headers['content-disposition']).toContain('timeaudit-sessions-2026-03-01-2026-03-01.json');
    const rows = cut.json as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      expect.objectContaining({ session_id: a.session_id, start_ts: '2026-03-01T18:45:00.000Z' }),
    ]);
  });

  it('writes Parquet with timestamp and int64 columns, as DuckDB reads them', async () => {
    const res = await new Promise<Buffer>((resolve, reject) => {
      // Binary: read the bytes as they are, not as text.
      const chunks: Buffer[] = [];
      import('node:http').then(({ get }) =>
        get(
          {
            host: '127.0.0.1',
            port: t.port,
            path: `/v1/export?${RANGE}&format=parquet`,
            headers: { authorization: `Bearer ${TEST_TOKEN}` },
          },
          (r) => {
            expect(r.headers['content-type']).toBe('application/vnd.apache.parquet');
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve(Buffer.concat(chunks)));
          },
        ).on('error', reject),
      );
    });
    expect(await parquetTypes(res)).toEqual({
      session_id: 'VARCHAR',
      user_id: 'VARCHAR',
      source: 'VARCHAR',
      subject_kind: 'VARCHAR',
      subject: 'VARCHAR',
      title: 'VARCHAR',
      start_ts: 'TIMESTAMP WITH TIME ZONE',
      end_ts: 'TIMESTAMP WITH TIME ZONE',
      duration_ms: 'BIGINT',
      category: 'VARCHAR',
      productivity: 'VARCHAR',
      schema_version: 'INTEGER',
    });
  });

  it('exports the stored events with --raw, unclipped, in the agreed shape', async () => {
    const browser = browserEvent('b1', '2026-03-01T19:00:00Z', '2026-03-01T19:10:00Z');
    await t.call({
      method: 'POST',
      path: '/v1/browser/events',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [browser] }),
    });
    const res = await t.call({
      path: '/v1/export?from=2026-03-01T17:45:00Z&to=2026-03-01T19:05:00Z&tz=UTC&raw=true&format=json',
    });
    expect(res.headers['content-disposition']).toContain('timeaudit-events-2026-03-01-2026-03-01.json');
    expect(res.json).toEqual({
      format: 'timeaudit-raw',
      schema_version: 1,
      events: [
        {
          source: 'window',
          event_id: 'w1',
          app: 'Code',
          title: '',
          start_ts: '2026-03-01T17:30:00.000Z',
          end_ts: '2026-03-01T18:00:00.000Z',
          duration_ms: 1_800_000,
          schema_version: 1,
        },
        expect.objectContaining({ source: 'window', event_id: 'w2' }),
        {
          source: 'browser',
          ...browser,
          start_ts: '2026-03-01T19:00:00.000Z',
          end_ts: '2026-03-01T19:10:00.000Z',
        },
      ],
    });
  });

  it('refuses bad input with the one error shape, before any file', async () => {
    const bad = async (query: string) => {
      const res = await t.call({ path: `/v1/export?${query}` });
      expect(res.headers['content-disposition']).toBeUndefined();
      return [res.status, (res.json as { error: { code: string; field?: string } }).error] as const;
    };
    expect(await bad(`${RANGE}&format=xlsx`)).toEqual([
      400,
      expect.objectContaining({ code: 'validation_failed', field: 'format' }),
    ]);
    expect(await bad(`${RANGE}&raw=true&format=parquet`)).toEqual([
      400,
      expect.objectContaining({ code: 'validation_failed', field: 'format' }),
    ]);
    expect(await bad('from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z')).toEqual([
      400,
      expect.objectContaining({ field: 'to' }),
    ]);
    expect(await bad('from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&tz=Mars/Olympus')).toEqual([
      400,
      expect.objectContaining({ field: 'tz' }),
    ]);
    const anonymous = await rawRequest(t.port, { path: `/v1/export?${RANGE}` });
    expect(anonymous.status).toBe(401);
  });

  it('reaches the typed client as a file with its name', async () => {
    const client = createApiClient({
      baseUrl: `http://127.0.0.1:${t.port}`,
      token: () => TEST_TOKEN,
    });
    const file = await client.exportData({
      query: {
        from: '2026-03-01T00:00:00Z',
        to: '2026-03-02T00:00:00Z',
        tz: 'UTC',
        format: 'ndjson',
        titles: false,
        raw: false,
      },
    });
    expect(file.fileName).toBe('timeaudit-sessions-2026-03-01-2026-03-01.ndjson');
    expect(JSON.parse(await file.blob.text())).toMatchObject({ subject: 'Code', duration_ms: 7_200_000 });
    await expect(
      client.exportData({
        query: {
          from: '2026-03-01T00:00:00Z',
          to: '2026-03-01T00:00:00Z',
          tz: 'UTC',
          titles: false,
          raw: false,
        },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
