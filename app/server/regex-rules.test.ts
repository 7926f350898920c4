/**
 * Rules' regular expressions against input a remote site controls (a page's title, a host name): a pattern that
 * makes a backtracking engine take exponential time, `(a+)+$`, against titles and hosts built to trigger it. The
 * report must answer, and answer right. (Before rules ran on RE2, a 29-character title stalled every request for
 * seconds; the longer ones here would never have finished.) Patterns RE2 cannot take are refused at creation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../shared/report.ts';
import type { Rule } from '../shared/planning.ts';
import { browserEvent, startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const DAY = '2026-03-02';
const CATASTROPHIC = '(a+)+$';
const json = { 'content-type': 'application/json' };
let t: StoreServer;

const send = (method: string, path: string, body: unknown) =>
  t.call({ method, path, headers: json, body: JSON.stringify(body) });

/** Minute `i` of the day's 9 o'clock hour, as an ISO instant. */
const at = (minute: number) => new Date(Date.parse(`${DAY}T09:00:00Z`) + minute * 60_000).toISOString();

const windowEvent = (id: string, app: string, title: string, minute: number) => ({
  event_id: id,
  app,
  title,
  start_ts: at(minute),
  end_ts: at(minute + 1),
  duration_ms: 60_000,
  schema_version: 1,
});

beforeAll(async () => {
  t = await startStoreServer(NOW);
  for (const [name, productivity] of [
    ['Suspicious', 'unproductive'],
    ['Hosts', 'neutral'],
  ])
    expect((await send('POST', '/v1/categories', { name, productivity })).status).toBe(201);
});
afterAll(() => t?.close());

describe('a catastrophic regex in a rule', () => {
  it('matches titles of 30 to 5000 characters in linear time, and the report counts them right', async () => {
    const rule = await send('POST', '/v1/rules', {
      field: 'title',
      match: 'regex',
      pattern: CATASTROPHIC,
      category: 'Suspicious',
    });
    expect(rule.status).toBe(201);

    // "aaaa…!" never matches (and makes a backtracking engine try every split of the a's); "…aaaa" does.
    const lengths = [30, 31, 64, 500, 2048];
    const events = lengths.flatMap((n, i) => [
      windowEvent(`miss-${n}`, 'Browser', `${'a'.repeat(n - 1)}!`, 2 * i),
      windowEvent(
        `hit-${n}`,
        'Browser',
        `${'A!'.repeat(n / 4)}${'a'.repeat(n - 2 * Math.floor(n / 4))}`,
        2 * i + 1,
      ),
    ]);
    const posted = await send('POST', '/v1/window/events', { events });
    expect(posted.json).toEqual({ accepted: events.length, duplicates: 0, rejected: [] });
    // Longer titles than the API takes (2048) come only from the tracker, which saves them directly.
    t.store.saveTrackedWindow({
      eventId: 'tracked-5000',
      app: 'Browser',
      title: `${'a'.repeat(4999)}!`,
      startMs: Date.parse(at(20)),
      endMs: Date.parse(at(21)),
    });

    const report = (await t.call({ path: `/v1/report?from=${DAY}T00:00:00Z&to=${DAY}T23:00:00Z` }))
      .json as Report;
    expect(report.subjects.map((s) => [s.name, s.ms, s.category])).toEqual([
      ['Browser', (lengths.length + 1) * 60_000, null],
      [`Browser — ${CATASTROPHIC}`, lengths.length * 60_000, 'Suspicious'],
    ]);
    expect((await t.call({ path: '/v1/health' })).status).toBe(200);
    await t.call({ method: 'DELETE', path: `/v1/rules/${(rule.json as Rule).id}` });
  });

  it('matches crafted host names in linear time', async () => {
    const rule = await send('POST', '/v1/rules', {
      field: 'domain',
      match: 'regex',
      pattern: CATASTROPHIC,
      category: 'Hosts',
    });
    expect(rule.status).toBe(201);
    const a63 = 'a'.repeat(63);
    const miss = `${a63}.${a63}.${a63}.b`; // the longest labels, and an end the pattern cannot match
    const hit = `b.${a63}.${a63}`;
    const posted = await send('POST', '/v1/browser/events', {
      events: [
        browserEvent('host-miss', `${DAY}T10:00:00Z`, `${DAY}T10:01:00Z`, miss),
        browserEvent('host-hit', `${DAY}T10:01:00Z`, `${DAY}T10:03:00Z`, hit),
      ],
    });
    expect(posted.json).toMatchObject({ accepted: 2, rejected: [] });
    const report = (await t.call({ path: `/v1/report?from=${DAY}T10:00:00Z&to=${DAY}T11:00:00Z` }))
      .json as Report;
    expect(report.subjects.map((s) => [s.name, s.ms, s.category])).toEqual([
      [hit, 120_000, 'Hosts'],
      [miss, 60_000, null],
    ]);
  });
});

describe('a regex RE2 cannot take', () => {
  const cases: Array<[string, RegExp]> = [
    ['(a)\\1', /backreferences .* are not supported/],
    ['(?<word>a)\\k<word>', /backreferences .* are not supported/],
    ['jira(?= board)', /lookahead and lookbehind .* are not supported/],
    ['(?<!docs\\.)github', /lookahead and lookbehind .* are not supported/],
    ['([a-z', /not a valid regular expression/],
  ];
  it.each(cases)(
    '%s is refused at creation and in a change, with what is not supported',
    async (pattern, says) => {
      const before = (await t.call({ path: '/v1/rules' })).json as Rule[];
      const created = await send('POST', '/v1/rules', {
        field: 'app',
        match: 'regex',
        pattern,
        category: 'Hosts',
      });
      expect(created.status).toBe(400);
      const { error } = created.json as { error: { code: string; message: string; field: string } };
      expect(error).toEqual({
        code: 'validation_failed',
        message: expect.stringMatching(says),
        field: 'pattern',
      });
      expect(error.message).toMatch(/RE2/);

      const rule = (
        await send('POST', '/v1/rules', { field: 'app', match: 'contains', pattern: 'x', category: 'Hosts' })
      ).json as Rule;
      const patched = await send('PATCH', `/v1/rules/${rule.id}`, { match: 'regex', pattern });
      expect(patched.status).toBe(400);
      expect((patched.json as { error: { field: string } }).error.field).toBe('pattern');
      await t.call({ method: 'DELETE', path: `/v1/rules/${rule.id}` });
      expect((await t.call({ path: '/v1/rules' })).json).toEqual(before);
    },
  );
});
