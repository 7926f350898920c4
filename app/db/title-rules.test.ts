/**
 * Title rules through the Store, on a real SQLite file: window time whose title a rule matches moves to the
 * subject "<app> — <pattern>" for all past time, in reports over raw edges, slots, days and months of a zone
 * with DST, and moves back when the rule goes; the user can recategorize such a subject; the first title rule
 * in order decides; a browser event still wins on a browser window; and only a change of the title rules
 * reads the window events again. The expected figures are worked out here from the events, not by the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../shared/logging.ts';
import type { Report } from '../shared/report.ts';
import { Store } from './store.ts';
import { domainErrorOf } from './events.testing.ts';

const M = 60_000;
const DAY = 86_400_000;
const TZ = 'America/New_York'; // DST from 8 March 2026
const NOW = Date.UTC(2026, 3, 15, 12);
const FIRST_DAY = Date.UTC(2026, 0, 20);
const DAYS = 60; // 20 January – 20 March: three months, and the DST change

/** One day's activity, at UTC times (09:00 New York is 14:00 or 13:00 UTC). */
const DAY_PLAN = [
  { app: 'Code', title: 'PROJ-1 Jira board', from: '14:03:17', to: '14:51:40' },
  { app: 'Code', title: 'store.ts — time-audit', from: '14:51:40', to: '16:22:05' },
  { app: 'Terminal', title: 'jira-cli sync', from: '16:30:00', to: '16:47:11' },
  { app: 'Code', title: 'Sprint board', from: '17:00:00', to: '17:40:00' },
  { app: 'Firefox', title: 'PROJ-2 - Jira - Mozilla Firefox', from: '18:00:00', to: '19:00:00' },
  // Across local midnight in New York.
  { app: 'Code', title: 'JIRA nightly', from: '04:50:00', to: '05:20:00' },
];
/** On the browser window: the extension reports a domain for its first half hour. */
const BROWSER_PLAN = { domain: 'company.atlassian.net', from: '18:00:00', to: '18:30:00' };

const at = (day: number, time: string): number => {
  const [h, m, s] = time.split(':').map(Number) as [number, number, number];
  return FIRST_DAY + day * DAY + ((h * 60 + m) * 60 + s) * 1000;
};
const windows = Array.from({ length: DAYS }, (_, d) =>
  DAY_PLAN.map((e, i) => ({
    eventId: `w${d}-${i}`,
    app: e.app,
    title: e.title,
    startMs: at(d, e.from),
    endMs: at(d, e.to),
  })),
).flat();
const browsers = Array.from({ length: DAYS }, (_, d) => ({
  eventId: `b${d}`,
  userId: 'u',
  domain: BROWSER_PLAN.domain,
  startMs: at(d, BROWSER_PLAN.from),
  endMs: at(d, BROWSER_PLAN.to),
  durationMs: 30 * M,
  reasonClosed: 'tab_switch' as const,
}));

type TitleRule = ['contains' | 'regex', string];

/** What each subject should get in [fromMs, toMs) under these title rules, worked out from the plan above. */
function expected(titleRules: TitleRule[], fromMs: number, toMs: number): Map<string, number> {
  const subjectOf = (app: string, title: string): string => {
    for (const [match, pattern] of titleRules) {
      const hit =
        match === 'contains'
          ? title.toLowerCase().includes(pattern.toLowerCase())
          : new RegExp(pattern, 'i').test(title);
      if (hit) return `app:${app} — ${pattern}`;
    }
    return `app:${app}`;
  };
  const out = new Map<string, number>();
  const add = (key: string, start: number, end: number) => {
    const ms = Math.min(end, toMs) - Math.max(start, fromMs);
    if (ms > 0) out.set(key, (out.get(key) ?? 0) + ms);
  };
  for (const w of windows) {
    const b = browsers.find((x) => w.app === 'Firefox' && x.startMs >= w.startMs && x.endMs <= w.endMs);
    if (b) {
      add(`domain:${b.domain}`, b.startMs, b.endMs);
      add(subjectOf(w.app, w.title), b.endMs, w.endMs);
    } else add(subjectOf(w.app, w.title), w.startMs, w.endMs);
  }
  return out;
}

/** Ranges whose reports read raw events, slots, days and months (New York midnights as UTC instants). */
const RANGES = {
  raw: [Date.UTC(2026, 1, 3, 14, 20, 11), Date.UTC(2026, 1, 3, 17, 13, 7)],
  days: [Date.UTC(2026, 2, 2, 5), Date.UTC(2026, 2, 12, 4)],
  months: [Date.UTC(2026, 0, 1, 5), Date.UTC(2026, 3, 1, 4)],
  mixed: [Date.UTC(2026, 0, 25, 10, 7), Date.UTC(2026, 2, 17, 13, 13)],
} as const;

let dir: string;
let store: Store;
let logged: string[];

const capture = (): Logger => {
  const log: Logger = {
    debug: (m, e) => logged.push(`${m} ${JSON.stringify(e ?? {})}`),
    info: (m, e) => logged.push(`${m} ${JSON.stringify(e ?? {})}`),
    warn: (m, e) => logged.push(`${m} ${JSON.stringify(e ?? {})}`),
    error: (m, e) => logged.push(`${m} ${JSON.stringify(e ?? {})}`),
    child: () => log,
  };
  return log;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-title-rules-'));
  logged = [];
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => NOW, log: capture() });
  store.createCategory('Office', 'productive');
  store.createCategory('Planning', 'neutral');
  store.ingest('window', windows);
  store.ingest('browser', browsers);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (range: readonly [number, number]): Report =>
  store.report({ fromMs: range[0], toMs: range[1], tz: TZ });
const subjectsOf = (r: Report) => new Map(r.subjects.map((s) => [`${s.kind}:${s.name}`, s.ms]));
const categoryOf = (r: Report, name: string) => {
  const s = r.subjects.find((x) => x.kind === 'app' && x.name === name);
  return s && { category: s.category, productivity: s.productivity };
};

/** Every range's report has exactly the expected time per subject. */
function expectReports(titleRules: TitleRule[]): void {
  for (const [label, range] of Object.entries(RANGES)) {
    const r = report(range);
    expect(subjectsOf(r), label).toEqual(expected(titleRules, range[0], range[1]));
    expect(r.total_ms, label).toBe([...expected([], range[0], range[1]).values()].reduce((a, b) => a + b));
  }
}

const titleRule = (pattern: string, category = 'Office', match: 'contains' | 'regex' = 'contains') =>
  store.createRule({ field: 'title', match, pattern, category });
const pendingSlots = () => store.db.prepare('SELECT count(*) FROM pending_slots').pluck().get() as number;

describe('title rules in the store', () => {
  it('move exactly the matching window time to "<app> — <pattern>", in the rule’s category, in every report', () => {
    expectReports([]); // the zone's rollups are built here, before the rule
    const rule = titleRule('jira');
    expect(rule).toMatchObject({ field: 'title', match: 'contains', pattern: 'jira', category: 'Office' });
    expectReports([['contains', 'jira']]);
    const months = report(RANGES.months);
    for (const name of ['Code — jira', 'Terminal — jira', 'Firefox — jira']) {
      expect(categoryOf(months, name)).toEqual({ category: 'Office', productivity: 'productive' });
    }
    expect(categoryOf(months, 'Code')).toEqual({ category: 'Development', productivity: 'productive' });
    // The browser event still names the domain for the first half hour of each browser window.
    expect(subjectsOf(months).get('domain:company.atlassian.net')).toBe(DAYS * 30 * M);
    expect(subjectsOf(months).get('app:Firefox — jira')).toBe(DAYS * 30 * M);
    // The timeline reads raw events through the same rules.
    const day = store.timeline('2026-02-03', TZ);
    expect(day.segments.find((s) => s.name === 'Code — jira')).toMatchObject({
      kind: 'app',
      category: 'Office',
    });
    // Time written later counts as the rule's subject as well.
    const later = {
      eventId: 'late',
      app: 'Slack',
      title: 'jira bot',
      startMs: NOW - DAY,
      endMs: NOW - DAY + 5 * M,
    };
    store.ingest('window', [later]);
    const last = report([NOW - 2 * DAY, NOW]);
    expect(last.subjects).toEqual([
      { kind: 'app', name: 'Slack — jira', ms: 5 * M, category: 'Office', productivity: 'productive' },
    ]);
  });

  it('give subjects the user can recategorize and reset to the rule’s category', () => {
    titleRule('jira');
    expect(store.setSubjectCategory('app', 'Code — jira', 'Planning')).toMatchObject({
      category: 'Planning',
    });
    expect(categoryOf(report(RANGES.months), 'Code — jira')).toEqual({
      category: 'Planning',
      productivity: 'neutral',
    });
    expect(categoryOf(report(RANGES.months), 'Terminal — jira')?.category).toBe('Office');
    // The user's choice outlives a change of the rule's category, the others follow it.
    store.updateRule(store.listRules()[0]!.id, { category: 'Development' });
    expect(categoryOf(report(RANGES.days), 'Code — jira')?.category).toBe('Planning');
    expect(categoryOf(report(RANGES.days), 'Terminal — jira')?.category).toBe('Development');
    expect(store.resetSubjectCategory('app', 'Code — jira')).toMatchObject({ category: 'Development' });
    expect(categoryOf(report(RANGES.months), 'Code — jira')?.category).toBe('Development');
    expectReports([['contains', 'jira']]);
  });

  it('give the time back to the apps when the rule is deleted', () => {
    expectReports([]);
    const rule = titleRule('jira');
    expectReports([['contains', 'jira']]);
    store.deleteRule(rule.id);
    expectReports([]);
    expect(report(RANGES.months).subjects.some((s) => s.name.includes(' — '))).toBe(false);
  });

  it('let the first title rule in order decide, and move the time when their order changes', () => {
    expectReports([]);
    const jira = titleRule('jira');
    store.createRule({ field: 'app', match: 'contains', pattern: 'code', category: 'Planning' });
    const board = titleRule('BOARD$', 'Planning', 'regex');
    expect(store.listRules().map((r) => r.pattern)).toEqual(['jira', 'code', 'BOARD$']);
    expectReports([
      ['contains', 'jira'],
      ['regex', 'BOARD$'],
    ]);
    // "PROJ-1 Jira board" is jira's; "Sprint board" board's.
    expect(subjectsOf(report(RANGES.months)).get('app:Code — BOARD$')).toBe(DAYS * 40 * M);
    store.updateRule(board.id, { position: 0 });
    expectReports([
      ['regex', 'BOARD$'],
      ['contains', 'jira'],
    ]);
    const months = report(RANGES.months);
    expect(categoryOf(months, 'Code — BOARD$')?.category).toBe('Planning');
    expect(categoryOf(months, 'Code — jira')?.category).toBe('Office'); // not the app rule's, though it matches
    expect(categoryOf(months, 'Code')?.category).toBe('Planning'); // the app rule's
    // Another pattern moves it again.
    store.updateRule(jira.id, { pattern: 'nightly' });
    expectReports([
      ['regex', 'BOARD$'],
      ['contains', 'nightly'],
    ]);
  });

  it('read the window events again only when the title rules change, each once, and refresh them later', () => {
    report(RANGES.months);
    const scans = () => logged.filter((l) => l.startsWith('title rules changed'));
    const app = store.createRule({ field: 'app', match: 'exact', pattern: 'Terminal', category: 'Planning' });
    store.createRule({ field: 'domain', match: 'domain', pattern: 'atlassian.net', category: 'Office' });
    store.updateRule(app.id, { pattern: 'Code', position: 1 });
    store.deleteRule(app.id);
    expect(scans()).toEqual([]);
    expect(pendingSlots()).toBe(0);

    const rule = titleRule('jira');
    expect(scans()).toEqual([
      `title rules changed ${JSON.stringify({ windows: windows.length, moved: DAYS * 4 })}`,
    ]);
    // Marked for the refresh a moment later, not re-resolved while the call waits.
    expect(pendingSlots()).toBeGreaterThan(0);
    expect(store.refreshRollups()).toBeGreaterThan(0);
    expect(pendingSlots()).toBe(0);

    // Its category, or its position among rules of other fields, moves no window time.
    store.updateRule(rule.id, { category: 'Planning' });
    store.createRule({ field: 'app', match: 'exact', pattern: 'Slack', category: 'Office', position: 0 });
    expect(store.listRules().map((r) => r.position)).toEqual([0, 1, 2]);
    expect(scans()).toHaveLength(1);
    expect(pendingSlots()).toBe(0);
    expectReports([['contains', 'jira']]);
  });

  it('refuse a title rule that cannot be used, changing nothing', () => {
    expectReports([]);

    expect(domainErrorOf(() => titleRule('jira', 'Nope'))).toMatchObject({ kind: 'unknown_category' });
    expect(
      domainErrorOf(() =>
        store.createRule({ field: 'title', match: 'exact', pattern: 'jira', category: 'Office' }),
      ),
    ).toMatchObject({ kind: 'invalid', field: 'match' });
    expect(domainErrorOf(() => titleRule('(', 'Office', 'regex'))).toMatchObject({
      kind: 'invalid',
      field: 'pattern',
    });
    expect(store.listRules()).toEqual([]);
    expect(pendingSlots()).toBe(0);
    expectReports([]);
    // A failed change of an existing title rule leaves it working as before.
    const rule = titleRule('jira');
    expect(
      domainErrorOf(() => store.updateRule(rule.id, { pattern: 'board', category: 'Nope' })),
    ).toMatchObject({
      kind: 'unknown_category',
    });
    expectReports([['contains', 'jira']]);
  });
});
