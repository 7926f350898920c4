import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExclusions } from '../../core/exclusions.ts';
import { DomainError } from '../../core/errors.ts';
import { Store } from '../store.ts';
import { importActivityWatch } from './activitywatch.ts';
import { awTotals, chunksOf, generateAwExport, type AwExport } from './activitywatch.testing.ts';

const START = Date.UTC(2025, 2, 3);
const NOW = START + 10 * 86_400_000;
const RANGE = { fromMs: START - 86_400_000, toMs: NOW, tz: 'UTC' };

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ta-aw-'));
  store = Store.open({ file: path.join(dir, 'timeaudit.sqlite'), now: () => NOW });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (exported: AwExport | string, options = {}) =>
  importActivityWatch(
    store,
    chunksOf(typeof exported === 'string' ? exported : JSON.stringify(exported), 4099),
    { now: () => NOW, ...options },
  );

const subjects = (kind: string) =>
  new Map(
    store
      .report(RANGE)
      .subjects.filter((s) => s.kind === kind)
      .map((s) => [s.name, s.ms]),
  );

const storedEvents = () =>
  store.db
    .prepare(
      `SELECT (SELECT count(*) FROM window_events) + (SELECT count(*) FROM browser_events) + (SELECT count(*) FROM idle_events)`,
    )
    .pluck()
    .get() as number;

describe('importing an ActivityWatch export', () => {
  const exported = generateAwExport({ seed: 7, startMs: START, days: 3 });
  const aw = awTotals(exported);

  it("reproduces AW's own non-AFK totals per app, per domain and in all, to the millisecond", async () => {
    const summary = await run(exported);
    const apps = subjects('app');
    const domains = subjects('domain');
    const report = store.report(RANGE);

    expect(report.total_ms).toBe(aw.total);
    for (const [app, ms] of aw.apps)
      if (app !== 'Google-chrome') expect([app, apps.get(app) ?? 0]).toEqual([app, ms]);
    for (const [domain, ms] of aw.domains) expect([domain, domains.get(domain) ?? 0]).toEqual([domain, ms]);
    // The browser keeps the time AW gives it that no domain took (chrome://newtab, no tab reported).
    const domainMs = [...aw.domains.values()].reduce((a, b) => a + b, 0);
    expect(apps.get('Google-chrome')).toBe((aw.apps.get('Google-chrome') ?? 0) - domainMs);
    expect(domains.has('youtube.com') && domains.has('wikipedia.org') && domains.has('localhost')).toBe(true);
    expect([...apps.keys()]).toEqual(expect.arrayContaining(['Code', 'Slack', 'Alacritty', 'Evince']));

    const byId = new Map(summary.sources.map((s) => [s.id, s]));
    const input = byId.get('aw-watcher-input_laptop');
    expect(input).toMatchObject({ type: 'os.hid.input', stored: 0 });
    expect(input?.skipped).toEqual([
      { reason: 'bucket type "os.hid.input" is not imported', count: input?.events },
    ]);
    const web = byId.get('aw-watcher-web-chrome');
    expect(web?.type).toBe('web.tab.current');
    expect(web?.skipped.map((s) => s.reason)).toContain(
      'no host name in the URL (chrome://, file://, about:…)',
    );
    expect(summary.events).toBe(Object.values(exported.buckets).reduce((n, b) => n + b.events.length, 0));
    expect(summary.stored).toBe(storedEvents());
  });

  it('stores nothing twice when the same export is imported again', async () => {
    const first = await run(exported);
    const before = store.report(RANGE);
    const second = await run(exported);
    expect(second.stored).toBe(0);
    expect(second.duplicates).toBe(first.stored);
    expect(storedEvents()).toBe(first.stored);
    expect(store.report(RANGE)).toEqual(before);
  });

  it('stores nothing from a file cut short, and says where it ends', async () => {
    const text = JSON.stringify(exported);
    for (const cut of [1, Math.floor(text.length / 3), text.length - 2]) {
      const error = await run(text.slice(0, cut)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toMatch(/ends early, at byte \d+ \(line 1, column \d+\)/);
    }
    expect(storedEvents()).toBe(0);
    expect(store.report(RANGE).total_ms).toBe(0);
  });

  it('stores nothing from a file that breaks in the middle, and names the line', async () => {
    const text = JSON.stringify(exported, null, 1);
    const lines = text.split('\n');
    lines[4000] = `${lines[4000]},,`;
    const error = (await run(lines.join('\n')).catch((e: unknown) => e)) as DomainError;
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/^the file is not valid JSON at byte \d+ \(line 4001, column \d+\)/);
    expect(storedEvents()).toBe(0);
  });

  it('refuses JSON that is not an ActivityWatch export', async () => {
    await expect(run('{"events": []}')).rejects.toThrow(/not an ActivityWatch export/);
    await expect(run('')).rejects.toThrow(/empty/);
  });

  it('honours the exclusions of the settings, counting what it left out', async () => {
    const summary = await run(exported, {
      exclusions: createExclusions({ apps: ['slack'], domains: ['youtube.com'] }),
    });
    expect(subjects('app').has('Slack')).toBe(false);
    expect(subjects('domain').has('youtube.com')).toBe(false);
    const reasons = summary.sources.flatMap((s) => s.skipped.map((k) => k.reason));
    expect(reasons).toEqual(
      expect.arrayContaining(['app excluded in the settings', 'domain excluded in the settings']),
    );
  });
});

describe('where the two time models differ', () => {
  const at = (s: number) => new Date(START + 8 * 3600_000 + s * 1000).toISOString();
  const ev = (s: number, seconds: number, data: Record<string, unknown>) => ({
    timestamp: at(s),
    duration: seconds,
    data,
  });
  const exportOf = (buckets: Record<string, { type: string; events: unknown[] }>) =>
    JSON.stringify({ buckets });

  it('gives the overlap of two different windows to the one that started last; the total is their union', async () => {
    await run(
      exportOf({
        w: {
          type: 'currentwindow',
          events: [ev(0, 100, { app: 'Code', title: '' }), ev(90, 60, { app: 'Slack', title: '' })],
        },
      }),
    );
    expect(Object.fromEntries(subjects('app'))).toEqual({ Code: 90_000, Slack: 60_000 });
    expect(store.report(RANGE).total_ms).toBe(150_000);
  });

  it('counts window time only where AW saw you: not-afk wins over an overlapping afk, and no AFK data means away', async () => {
    await run(
      exportOf({
        w: { type: 'currentwindow', events: [ev(0, 1000, { app: 'Code', title: 'x' })] },
        a: {
          type: 'afkstatus',
          events: [
            ev(0, 300, { status: 'not-afk' }),
            ev(299, 400, { status: 'afk' }),
            ev(699, 200, { status: 'not-afk' }),
          ],
        },
      }),
    );
    // [0,300) and [699,899) not-afk; afk only where no not-afk covers it; nothing after 899 (no AFK event).
    expect(subjects('app').get('Code')).toBe(500_000);
    const idle = store.db.prepare(`SELECT start_ms, end_ms FROM idle_events`).all() as {
      start_ms: number;
      end_ms: number;
    }[];
    expect(idle.map((r) => (r.end_ms - r.start_ms) / 1000)).toEqual([399]);
  });
});
