/**
 * Manual entries over real HTTP: GET/POST /v1/manual-entries, PATCH/DELETE /v1/manual-entries/:id, their
 * errors, and their effect on the report and timeline served next to them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-11-21T20:00:00Z'); // 21:00 in Paris
const json = { 'content-type': 'application/json' };
const H = 3_600_000;

let t: StoreServer;
beforeEach(async () => {
  t = await startStoreServer(NOW, { tz: 'Europe/Paris' });
  t.store.createCategory('Sport', 'productive');
});
afterEach(() => t?.close());

const send = (method: string, path: string, body?: unknown): Promise<RawResponse> =>
  t.call({ method, path, ...(body === undefined ? {} : { headers: json, body: JSON.stringify(body) }) });
const gym = { label: 'Gym', category: 'Sport', start: '2026-11-21T17:00:00Z', end: '2026-11-21T18:00:00Z' };
const list = async () =>
  (await t.call({ path: '/v1/manual-entries?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z' })).json;
const stored = () => t.store.db.prepare('SELECT count(*) FROM manual_entries').pluck().get();

describe('the manual entries API', () => {
  it('creates, lists, edits and deletes an entry', async () => {
    const created = await send('POST', '/v1/manual-entries', { ...gym, note: 'legs' });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: 1,
      label: 'Gym',
      category: 'Sport',
      productivity: 'productive',
      start: '2026-11-21T17:00:00.000Z',
      end: '2026-11-21T18:00:00.000Z',
      note: 'legs',
    });
    expect(await list()).toEqual([created.json]);
    // Instants in any offset; the list holds what overlaps [from, to).
    const partly = await t.call({
      path: '/v1/manual-entries?from=2026-11-21T18:59:00%2B01:00&to=2026-11-22T00:00:00Z',
    });
    expect(partly.json).toEqual([created.json]);
    expect(
      (await t.call({ path: '/v1/manual-entries?from=2026-11-21T18:00:00Z&to=2026-11-22T00:00:00Z' })).json,
    ).toEqual([]);

    const edited = await send('PATCH', '/v1/manual-entries/1', {
      label: 'Swim',
      end: '2026-11-21T18:30:00+01:00',
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      id: 1,
      label: 'Swim',
      category: 'Sport',
      end: '2026-11-21T17:30:00.000Z',
      note: 'legs',
    });

    const deleted = await send('DELETE', '/v1/manual-entries/1');
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: 1, deleted: true, undo: expect.any(String) });
    expect(await list()).toEqual([]);
    expect((await send('DELETE', '/v1/manual-entries/1')).status).toBe(404);
  });

  it('takes precedence over tracked time in the report and the timeline', async () => {
    const windowEvent = {
      event_id: 'w1',
      app: 'Code',
      title: '',
      start_ts: '2026-11-21T16:00:00Z',
      end_ts: '2026-11-21T19:00:00Z',
      duration_ms: 3 * H,
      schema_version: 1,
    };
    expect((await send('POST', '/v1/window/events', { events: [windowEvent] })).json).toMatchObject({
      accepted: 1,
    });
    const report = async () =>
      (await t.call({ path: '/v1/report?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z&tz=Europe/Paris' }))
        .json as {
        total_ms: number;
        subjects: Array<{ kind: string; name: string; ms: number; category: string | null }>;
      };
    expect((await report()).total_ms).toBe(3 * H);

    await send('POST', '/v1/manual-entries', gym);
    const r = await report();
    expect(r.total_ms).toBe(3 * H);
    expect(r.subjects.map((s) => [s.kind, s.name, s.ms, s.category])).toEqual([
      ['app', 'Code', 2 * H, 'Development'],
      ['manual', 'Gym', H, 'Sport'],
    ]);
    const timeline = (await t.call({ path: '/v1/timeline?date=2026-11-21&tz=Europe/Paris' })).json as {
      segments: Array<{ kind: string; name: string; start: string; end: string }>;
    };
    expect(timeline.segments.map((s) => [s.kind, s.name, s.start, s.end])).toEqual([
      ['app', 'Code', '2026-11-21T16:00:00.000Z', '2026-11-21T17:00:00.000Z'],
      ['manual', 'Gym', '2026-11-21T17:00:00.000Z', '2026-11-21T18:00:00.000Z'],
      ['app', 'Code', '2026-11-21T18:00:00.000Z', '2026-11-21T19:00:00.000Z'],
    ]);

    await send('DELETE', '/v1/manual-entries/1');
    expect((await report()).subjects.map((s) => [s.name, s.ms])).toEqual([['Code', 3 * H]]);
  });

  it('refuses bad entries with a clear error, storing nothing', async () => {
    const cases: Array<[object, number, string, string, RegExp]> = [
      [{ ...gym, end: '2026-11-21T16:00:00Z' }, 400, 'validation_failed', 'end', /end must be after start/],
      [{ ...gym, end: gym.start }, 400, 'validation_failed', 'end', /end must be after start/],
      [{ ...gym, start: '2026-11-10T17:00:00Z' }, 400, 'validation_failed', 'end', /at most 7 days/],
      [
        { ...gym, end: '2026-11-21T20:02:00Z' },
        400,
        'validation_failed',
        'end',
        /ends in the future \(2026-11-21 21:02 Europe\/Paris\)/,
      ],
      [{ ...gym, category: 'Nope' }, 400, 'unknown_category', 'category', /no category named "Nope"/],
      [{ ...gym, label: '  ' }, 400, 'validation_failed', 'label', /a label is required/],
      [{ ...gym, start: '21/11/2026 18:00' }, 400, 'validation_failed', 'start', /ISO-8601/],
      [{ ...gym, start: '2026-11-21T17:00:00' }, 400, 'validation_failed', 'start', /ISO-8601/],
      [{ ...gym, extra: 1 }, 400, 'validation_failed', '', /extra/],
      [{ label: 'Gym', start: gym.start, end: gym.end }, 400, 'validation_failed', 'category', /.+/],
    ];
    for (const [body, status, code, field, message] of cases) {
      const res = await send('POST', '/v1/manual-entries', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const error = (res.json as { error: { code: string; field?: string; message: string } }).error;
      expect(error.code, JSON.stringify(body)).toBe(code);
      expect(error.field ?? '', JSON.stringify(body)).toBe(field);
      expect(error.message, JSON.stringify(body)).toMatch(message);
    }
    expect(stored()).toBe(0);
    expect(t.store.db.prepare(`SELECT count(*) FROM subjects WHERE kind = 'manual'`).pluck().get()).toBe(0);
  });

  it('refuses an overlap with 409 naming the other entry, on create and on edit', async () => {
    await send('POST', '/v1/manual-entries', gym);
    const run = {
      label: 'Run',
      category: 'Sport',
      start: '2026-11-21T17:30:00Z',
      end: '2026-11-21T18:30:00Z',
    };
    const clash = await send('POST', '/v1/manual-entries', run);
    expect(clash.status).toBe(409);
    expect(clash.json).toEqual({
      error: {
        code: 'conflict',
        field: 'start',
        message:
          'overlaps "Gym" 2026-11-21 18:00–19:00 Europe/Paris (entry 1); manual entries cannot overlap',
      },
    });
    expect(stored()).toBe(1);
    const later = await send('POST', '/v1/manual-entries', { ...run, start: '2026-11-21T18:00:00Z' });
    expect(later.status).toBe(201);
    const moved = await send('PATCH', '/v1/manual-entries/2', { start: '2026-11-21T17:59:00Z' });
    expect(moved.status).toBe(409);
    expect((await list()) as unknown[]).toEqual([
      expect.objectContaining({ id: 1, start: '2026-11-21T17:00:00.000Z' }),
      expect.objectContaining({ id: 2, start: '2026-11-21T18:00:00.000Z', end: '2026-11-21T18:30:00.000Z' }),
    ]);
  });

  it('checks an edited interval as a whole, and refuses an unknown id or category', async () => {
    await send('POST', '/v1/manual-entries', gym);
    const cases: Array<[string, object, number, string, string]> = [
      ['/v1/manual-entries/1', { start: '2026-11-21T18:30:00Z' }, 400, 'validation_failed', 'end'],
      ['/v1/manual-entries/1', { end: '2026-11-21T16:00:00Z' }, 400, 'validation_failed', 'end'],
      ['/v1/manual-entries/1', { end: '2026-11-21T22:00:00Z' }, 400, 'validation_failed', 'end'],
      ['/v1/manual-entries/1', { start: '2026-11-01T00:00:00Z' }, 400, 'validation_failed', 'end'],
      ['/v1/manual-entries/1', { category: 'Nope' }, 400, 'unknown_category', 'category'],
      ['/v1/manual-entries/1', {}, 400, 'validation_failed', ''],
      ['/v1/manual-entries/2', { note: 'x' }, 404, 'not_found', 'id'],
      ['/v1/manual-entries/abc', { note: 'x' }, 400, 'validation_failed', 'id'],
    ];
    for (const [path, body, status, code, field] of cases) {
      const res = await send('PATCH', path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      const error = (res.json as { error: { code: string; field?: string } }).error;
      expect([error.code, error.field ?? ''], JSON.stringify(body)).toEqual([code, field]);
    }
    expect(await list()).toEqual([
      expect.objectContaining({
        ...gym,
        start: '2026-11-21T17:00:00.000Z',
        end: '2026-11-21T18:00:00.000Z',
        note: '',
      }),
    ]);
    expect((await send('DELETE', '/v1/manual-entries/7')).json).toMatchObject({
      error: { code: 'not_found' },
    });
    expect((await send('DELETE', '/v1/manual-entries/0')).status).toBe(400);
  });

  it('needs the token and a valid range to list', async () => {
    expect(
      (
        await t.call({
          path: '/v1/manual-entries?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
          headers: { authorization: null },
        })
      ).status,
    ).toBe(401);
    const backwards = await t.call({
      path: '/v1/manual-entries?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json).toMatchObject({ error: { code: 'validation_failed', field: 'to' } });
    expect((await t.call({ path: '/v1/manual-entries' })).status).toBe(400);
  });
});
