/**
 * The exact bytes of the error a client gets, one failing request per API family: the store says what went
 * wrong in its own words (DomainError), the server says it once in the wire's (errors.ts), and a client that
 * reads `code` and `field` must see the same body whatever the layers behind it do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-05-04T12:00:00Z');
let t: StoreServer;

const json = (method: string, path: string, body: unknown) =>
  t.call({ method, path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startStoreServer(NOW, { tz: 'Europe/Berlin' });
  // Made through the API, as a client would.
  for (const [path, body] of [
    ['/v1/categories', { name: 'Dev', productivity: 'productive' }],
    [
      '/v1/manual-entries',
      { label: 'Gym', category: 'Dev', start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' },
    ],
    ['/v1/goals', { category: 'Dev', direction: 'at_least', period: 'week', target_ms: 30 * 3_600_000 }],
  ] as const)
    expect((await json('POST', path, body)).status).toBe(201);
});
afterAll(() => t.close());

// [family, request, status, body as sent]
const cases: Array<[string, () => ReturnType<StoreServer['call']>, number, string]> = [
  [
    'pairing',
    () => t.call({ path: '/v1/pairing', headers: { authorization: null } as never }),
    401,
    '{"error":{"code":"unauthorized","message":"a valid \\"Authorization: Bearer <token>\\" header is required"}}',
  ],
  [
    'events',
    () => json('POST', '/v1/window/events', { events: 'none' }),
    400,
    '{"error":{"code":"validation_failed","message":"events: Invalid input: expected array, received string","field":"events"}}',
  ],
  [
    'categories',
    () => json('POST', '/v1/categories', { name: 'dev', productivity: 'neutral' }),
    409,
    '{"error":{"code":"conflict","message":"a category named \\"dev\\" exists already","field":"name"}}',
  ],
  [
    'subjects',
    () => json('PUT', '/v1/subjects/app/Code/category', { category: 'Nope' }),
    400,
    '{"error":{"code":"unknown_category","message":"there is no category named \\"Nope\\"","field":"category"}}',
  ],
  [
    'report',
    () => t.call({ path: '/v1/report?from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z&tz=Mars/Olympus' }),
    400,
    '{"error":{"code":"validation_failed","message":"unknown time zone \\"Mars/Olympus\\" (use an IANA name such as Europe/Paris)","field":"tz"}}',
  ],
  [
    'pause',
    () => json('POST', '/v1/pause', {}),
    400,
    '{"error":{"code":"validation_failed","message":"give exactly one of minutes or until"}}',
  ],
  [
    'rules',
    () => json('PATCH', '/v1/rules/999', { pattern: 'x' }),
    404,
    '{"error":{"code":"not_found","message":"no rule with id 999","field":"id"}}',
  ],
  [
    'manual entries: overlap',
    () =>
      json('POST', '/v1/manual-entries', {
        label: 'Run',
        category: 'Dev',
        start: '2026-05-04T08:30:00Z',
        end: '2026-05-04T09:30:00Z',
      }),
    409,
    '{"error":{"code":"conflict","message":"overlaps \\"Gym\\" 2026-05-04 10:00–11:00 Europe/Berlin (entry 1); manual entries cannot overlap","field":"start"}}',
  ],
  [
    'manual entries: future',
    () =>
      json('POST', '/v1/manual-entries', {
        label: 'Run',
        category: 'Dev',
        start: '2026-05-04T11:30:00Z',
        end: '2026-05-04T13:30:00Z',
      }),
    400,
    '{"error":{"code":"validation_failed","message":"the entry ends in the future (2026-05-04 15:30 Europe/Berlin); only time that has passed can be logged","field":"end"}}',
  ],
  [
    'goals',
    () => json('PATCH', '/v1/goals/1', { period: 'day' }),
    400,
    '{"error":{"code":"validation_failed","message":"a daily goal is at most 24 hours","field":"target_ms"}}',
  ],
  [
    'settings',
    () => json('PATCH', '/v1/settings', { port: 'x' }),
    400,
    '{"error":{"code":"validation_failed","message":"port: the port must be a number","field":"port"}}',
  ],
];

describe('error bodies, one failing request per family', () => {
  it.each(cases)('%s', async (_family, send, status, body) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.text).toBe(body);
  });
});
