/**
 * The goal endpoints over real HTTP on a real store: what they answer, progress in the asked zone, and every
 * bad request refused with its field and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal, GoalProgress } from '../shared/planning.ts';
import { startStoreServer, type RawResponse, type StoreServer } from './http.testing.ts';

const M = 60_000;
// Thursday 12 March 2026, 01:30 in Kolkata; Wednesday 11 March, 13:00 in Los Angeles.
const NOW = Date.parse('2026-03-11T20:00:00Z');
const json = { 'content-type': 'application/json' };
let t: StoreServer;

beforeAll(async () => {
  t = await startStoreServer(NOW);
  t.store.createCategory('Social', 'unproductive');
  t.store.setSubjectCategory('app', 'ta-social', 'Social');
  t.store.ingest('window', [
    // 23:30 – 00:30 IST: half of it on Kolkata's today; all of it on Los Angeles' today.
    {
      eventId: 'w1',
      app: 'ta-social',
      title: '',
      startMs: Date.parse('2026-03-11T18:00:00Z'),
      endMs: NOW - 60 * M,
    },
  ]);
});
afterAll(() => t?.close());

const send = (method: string, path: string, body?: unknown): Promise<RawResponse> =>
  t.call({ method, path, ...(body === undefined ? {} : { headers: json, body: JSON.stringify(body) }) });
const goalCount = () => t.store.db.prepare('SELECT count(*) FROM goals').pluck().get();

function expectError(
  res: RawResponse,
  status: number,
  code: string,
  field: string | undefined,
  message: RegExp,
) {
  expect(res.status).toBe(status);
  const error = (res.json as { error: { code: string; message: string; field?: string } }).error;
  expect(error).toMatchObject({ code, ...(field === undefined ? {} : { field }) });
  expect(error.message).toMatch(message);
}

describe('goal endpoints', () => {
  it('create, list with progress in the asked zone, update and delete', async () => {
    const created = await send('POST', '/v1/goals', {
      category: 'Social',
      direction: 'at_most',
      period: 'day',
      target_ms: 45 * M,
    });
    expect(created.status).toBe(201);
    const goal = created.json as Goal;
    expect(goal).toEqual({
      id: goal.id,
      category: 'Social',
      productivity: 'unproductive',
      direction: 'at_most',
      period: 'day',
      target_ms: 45 * M,
    });

    const kolkata = await send('GET', '/v1/goals?tz=Asia%2FKolkata');
    expect(kolkata.status).toBe(200);
    expect(kolkata.json).toEqual([
      {
        ...goal,
        period_start: '2026-03-11T18:30:00.000Z',
        period_end: '2026-03-12T18:30:00.000Z',
        done_ms: 30 * M,
        state: 'under',
      },
    ]);
    const la = (await send('GET', '/v1/goals?tz=America%2FLos_Angeles')).json as GoalProgress[];
    expect(la[0]).toMatchObject({ period_start: '2026-03-11T07:00:00.000Z', done_ms: 60 * M, state: 'over' });
    // Without a zone: UTC.
    const utc = (await send('GET', '/v1/goals')).json as GoalProgress[];
    expect(utc[0]?.period_start).toBe('2026-03-11T00:00:00.000Z');

    const updated = await send('PATCH', `/v1/goals/${goal.id}`, { target_ms: 90 * M });
    expect(updated.status).toBe(200);
    expect(updated.json).toEqual({ ...goal, target_ms: 90 * M });

    const deleted = await send('DELETE', `/v1/goals/${goal.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: goal.id, deleted: true, undo: expect.any(String) });
    expect((await send('GET', '/v1/goals')).json).toEqual([]);
  });

  it('refuses bad bodies with the field at fault, storing nothing', async () => {
    const good = { category: 'Social', direction: 'at_most', period: 'day', target_ms: 60 * M };
    const cases: Array<[unknown, string, string | undefined, RegExp]> = [
      [{ ...good, target_ms: 25 * 60 * M }, 'validation_failed', 'target_ms', /24 hours/],
      [{ ...good, target_ms: 30_000 }, 'validation_failed', 'target_ms', /one minute/],
      [{ ...good, period: 'week', target_ms: 8 * 24 * 60 * M }, 'validation_failed', 'target_ms', /a week/],
      [{ ...good, target_ms: 90_000.5 }, 'validation_failed', 'target_ms', /./],
      [{ ...good, direction: 'exactly' }, 'validation_failed', 'direction', /./],
      [{ ...good, period: 'month' }, 'validation_failed', 'period', /./],
      [{ ...good, category: '' }, 'validation_failed', 'category', /required/],
      [{ ...good, extra: 1 }, 'validation_failed', undefined, /extra/],
      [{ ...good, category: 'Nope' }, 'unknown_category', 'category', /no category named "Nope"/],
    ];
    for (const [body, code, field, message] of cases) {
      expectError(await send('POST', '/v1/goals', body), 400, code, field, message);
    }
    expect(goalCount()).toBe(0);
  });

  it('answers 404 for an unknown goal and refuses a bad patch or zone', async () => {
    expectError(
      await send('PATCH', '/v1/goals/9999', { target_ms: 60 * M }),
      404,
      'not_found',
      'id',
      /no goal/,
    );
    expectError(await send('DELETE', '/v1/goals/9999'), 404, 'not_found', 'id', /no goal/);
    const goal = (
      await send('POST', '/v1/goals', {
        category: 'Social',
        direction: 'at_least',
        period: 'week',
        target_ms: 30 * 60 * M,
      })
    ).json as Goal;
    expectError(
      await send('PATCH', `/v1/goals/${goal.id}`, {}),
      400,
      'validation_failed',
      undefined,
      /nothing/,
    );
    // A day cannot hold the goal's 30 hours.
    expectError(
      await send('PATCH', `/v1/goals/${goal.id}`, { period: 'day' }),
      400,
      'validation_failed',
      'target_ms',
      /24 hours/,
    );
    expectError(
      await send('PATCH', `/v1/goals/${goal.id}`, { category: 'Nope' }),
      400,
      'unknown_category',
      'category',
      /Nope/,
    );
    expect((await send('GET', '/v1/goals')).json).toMatchObject([
      { id: goal.id, period: 'week', category: 'Social' },
    ]);
    expectError(
      await send('GET', '/v1/goals?tz=Mars%2FOlympus'),
      400,
      'validation_failed',
      'tz',
      /unknown time zone/,
    );
    await send('DELETE', `/v1/goals/${goal.id}`);
  });
});
