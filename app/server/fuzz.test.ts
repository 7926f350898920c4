/**
 * Fuzzing the writing endpoints: 10,000 generated requests (fuzz-requests.testing.ts: fixed seed, so every run
 * sends the same ones) against a real server on a real temporary Store file. Whatever comes in, the server
 * answers within a second, never with a 5xx, and always in the one error shape; and what it stored keeps the
 * documented invariants: a sound database, no control characters in stored text, category names unique under
 * the folding rule, rules that compile, events that do not end before they start, manual entries that do not
 * overlap, goals within their bounds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../shared/routes.ts';
import { foldName, hasControlCharacter } from '../shared/names.ts';
import { normalizeDomain } from '../shared/hostname.ts';
import { EARLIEST_MS, FUTURE_TOLERANCE_MS } from '../shared/events.ts';
import { MANUAL_ENTRY_MAX_MS } from '../shared/planning.ts';
import type { SettingsView } from '../shared/settings-api.ts';
import type { Report } from '../shared/report.ts';
import { ruleProblem, type RuleSpec } from '../core/rules.ts';
import { FUTURE_SLACK_MS } from '../db/manual.ts';
import { FUZZED_ROUTES, fuzzRequest, send, type FuzzRequest } from './fuzz-requests.testing.ts';
import { startStoreServer, TEST_TOKEN, type StoreServer } from './http.testing.ts';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { createLogger } from '../core/logger.ts';
import { syncSettingsSchema } from '../shared/sync-settings.ts';
import { SyncService } from '../sync/service.ts';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const SEED = 20_261_207;
const RUNS = 10_000;
/** A bound, not a performance figure: a request still unanswered after this is a hang. */
const TIMEOUT_MS = 1_000;

let t: StoreServer;
const settings = new LiveSettings(memorySettings());
beforeAll(async () => {
  t = await startStoreServer(NOW, (store, dir) => ({
    settings,
    sync: new SyncService({
      store,
      dataDir: dir,
      tz: 'UTC',
      settings: () => settings.get().sync,
      log: createLogger('sync'),
    }),
  }));
});
afterAll(() => t?.close());

const rows = <T>(sql: string) => t.store.db.prepare(sql).all() as T[];

describe('fuzzing the writing endpoints', () => {
  it('covers every writing route', () => {
    // POST /v1/backup and POST /v1/sync/run take nothing but {}: see why in fuzz-requests.testing.ts.
    // POST /v1/encryption converts the whole database and needs a data folder: its refusals are tested in
    // app/cli/encrypt.test.ts. POST /v1/undo takes only a token that a delete answered: any other is a 404
    // (app/server/control.test.ts).
    const skipped = new Set(['POST /v1/backup', 'POST /v1/sync/run', 'POST /v1/encryption', 'POST /v1/undo']);
    const writing = Object.values(ROUTES)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .filter((route) => !skipped.has(route));
    expect([...FUZZED_ROUTES].sort()).toEqual(writing.sort());
  });

  it(`answers ${RUNS} generated requests in time, never with a 5xx, always in the one error shape`, async () => {
    const statuses = new Map<number, number>();
    const written = new Map<string, number>();
    const describe = (r: FuzzRequest) =>
      `${r.method} ${r.path} ${r.transport.kind} ${JSON.stringify(r.contentType)} ${JSON.stringify(r.body?.slice(0, 300))}`;
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        let res;
        try {
          res = await send(t.port, TEST_TOKEN, request, TIMEOUT_MS);
        } catch (error) {
          throw new Error(`${(error as Error).message}: ${describe(request)}`);
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 200 && res.status < 300)
          written.set(request.route, (written.get(request.route) ?? 0) + 1);
        if (res.status >= 500 || (res.status === 0 && request.transport.kind !== 'short'))
          throw new Error(`${res.status} ${res.text} for ${describe(request)}`);
        if (res.status >= 400) {
          const parsed = JSON.parse(res.text) as { error?: Record<string, unknown> };
          const { code, message, field, ...rest } = parsed.error ?? {};
          if (typeof code !== 'string' || typeof message !== 'string' || Object.keys(rest).length > 0)
            throw new Error(`not the error shape: ${res.text} for ${describe(request)}`);
          if (field !== undefined && typeof field !== 'string')
            throw new Error(`field is not a string: ${res.text} for ${describe(request)}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Every route wrote something, so that the invariants below are checked on rows of every kind.
    for (const route of FUZZED_ROUTES) expect(written.get(route) ?? 0, route).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(409)).toBeGreaterThan(0);
  }, 120_000);

  it('leaves sync settings that are valid, and off unless a bucket is set', () => {
    const sync = settings.get().sync;
    expect(syncSettingsSchema.safeParse(sync).success).toBe(true);
    if (sync.enabled) expect(sync.bucket).not.toBe('');
  });

  it('leaves a sound database whose rows keep every documented invariant', async () => {
    expect(t.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.store.db.pragma('foreign_key_check')).toEqual([]);

    const categories = rows<{ name: string; name_key: string }>('SELECT name, name_key FROM categories');
    for (const c of categories) {
      expect(hasControlCharacter(c.name), JSON.stringify(c.name)).toBe(false);
      expect(c.name.trim()).toBe(c.name);
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name_key).toBe(foldName(c.name));
    }
    expect(new Set(categories.map((c) => foldName(c.name))).size).toBe(categories.length);

    const rules = rows<RuleSpec & { position: number }>('SELECT field, match, pattern, position FROM rules');
    expect(rules.map((r) => r.position).sort((a, b) => a - b)).toEqual(rules.map((_, i) => i));
    for (const r of rules) {
      expect(ruleProblem(r), JSON.stringify(r)).toBeNull();
      expect(r.pattern.trim()).toBe(r.pattern);
    }

    for (const s of rows<{ kind: string; name: string }>('SELECT kind, name FROM subjects')) {
      expect(hasControlCharacter(s.name), JSON.stringify(s)).toBe(false);
      if (s.kind === 'domain') expect(normalizeDomain(s.name)).toBe(s.name);
    }
    for (const w of rows<{ app: string; title: string }>('SELECT app, title FROM window_events')) {
      expect(hasControlCharacter(w.app) || hasControlCharacter(w.title), JSON.stringify(w)).toBe(false);
      expect(w.app.trim()).toBe(w.app);
    }
    for (const b of rows<{ user_id: string }>('SELECT user_id FROM browser_events'))
      expect(hasControlCharacter(b.user_id)).toBe(false);
    for (const table of ['window_events', 'browser_events', 'idle_events']) {
      const [bad] = rows<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE end_ms < start_ms OR start_ms < ${EARLIEST_MS}
         OR end_ms > ${NOW + FUTURE_TOLERANCE_MS}`,
      );
      expect(bad, table).toEqual({ n: 0 });
    }

    const entries = rows<{ label: string; note: string; start_ms: number; end_ms: number }>(
      `SELECT s.name AS label, note, start_ms, end_ms FROM manual_entries m JOIN subjects s ON s.id = m.subject_id
       ORDER BY start_ms`,
    );
    entries.forEach((e, i) => {
      expect(hasControlCharacter(e.label) || hasControlCharacter(e.note), JSON.stringify(e)).toBe(false);
      expect(e.end_ms).toBeGreaterThan(e.start_ms);
      expect(e.end_ms - e.start_ms).toBeLessThanOrEqual(MANUAL_ENTRY_MAX_MS);
      expect(e.end_ms).toBeLessThanOrEqual(NOW + FUTURE_SLACK_MS);
      if (i > 0) expect(e.start_ms, 'entries overlap').toBeGreaterThanOrEqual(entries[i - 1]!.end_ms);
    });

    for (const g of rows<{ period: string; target_ms: number }>('SELECT period, target_ms FROM goals')) {
      expect(g.target_ms).toBeGreaterThanOrEqual(60_000);
      expect(g.target_ms).toBeLessThanOrEqual(g.period === 'day' ? 86_400_000 : 7 * 86_400_000);
    }

    const settings = (await t.call({ path: '/v1/settings' })).json as SettingsView;
    for (const app of settings.excluded_apps) expect(hasControlCharacter(app)).toBe(false);

    // And the reads still answer: every breakdown of a report adds up to its total.
    const res = await t.call({ path: '/v1/report?from=2026-02-20T00:00:00Z&to=2026-03-03T00:00:00Z' });
    expect(res.status).toBe(200);
    const report = res.json as Report;
    const { productive, neutral, unproductive, uncategorized } = report.by_productivity;
    expect(productive + neutral + unproductive + uncategorized).toBe(report.total_ms);
    expect((await t.call({ path: '/v1/health' })).status).toBe(200);
  });
});
