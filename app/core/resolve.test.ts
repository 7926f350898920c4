import { describe, expect, it } from 'vitest';
import { isBrowserApp } from './browsers.ts';
import { resolve, type Streams } from './resolve.ts';

const M = 60_000;
const w = (app: string, start: number, end: number, seq = 0, name = app) => ({
  app,
  name,
  startMs: start * M,
  endMs: end * M,
  seq,
});
const b = (domain: string, start: number, end: number, seq = 0) => ({
  domain,
  startMs: start * M,
  endMs: end * M,
  seq,
});
const idle = (start: number, end: number) => ({ startMs: start * M, endMs: end * M });
const manual = (label: string, start: number, end: number, seq = 0) => ({
  label,
  startMs: start * M,
  endMs: end * M,
  seq,
});
const streams = (s: Partial<Streams>): Streams => ({ window: [], browser: [], idle: [], manual: [], ...s });
const minutes = (segs: ReturnType<typeof resolve>) => segs.map((s) => [s.name, s.startMs / M, s.endMs / M]);
const kinds = (segs: ReturnType<typeof resolve>) => segs.map((s) => [s.kind, s.name]);

describe('resolve', () => {
  it('follows the diagram in resolve.ts', () => {
    const segs = resolve(
      streams({
        window: [w('Code', 0, 10), w('Google Chrome', 10, 40), w('Code', 40, 50)],
        browser: [b('github.com', 5, 15), b('youtube.com', 15, 30), b('news.com', 42, 48)],
        idle: [idle(25, 35), idle(55, 60)],
        manual: [manual('gym', 45, 60)],
      }),
      0,
      60 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Code', 0, 10],
      ['github.com', 10, 15],
      ['youtube.com', 15, 25],
      ['Google Chrome', 35, 40],
      ['Code', 40, 45],
      ['gym', 45, 60],
    ]);
    expect(segs.at(-1)?.kind).toBe('manual');
  });

  it('counts browser events as reported where no window event covers the instant', () => {
    const segs = resolve(streams({ browser: [b('docs.rs', 0, 30), b('github.com', 10, 20)] }), 0, 60 * M);
    expect(minutes(segs)).toEqual([
      ['docs.rs', 0, 10],
      ['github.com', 10, 20],
      ['docs.rs', 20, 30],
    ]);
  });

  it('lets the later start win among overlapping events, and the later stored on a tie', () => {
    expect(minutes(resolve(streams({ window: [w('A', 0, 30, 1), w('B', 10, 20, 2)] }), 0, 30 * M))).toEqual([
      ['A', 0, 10],
      ['B', 10, 20],
      ['A', 20, 30],
    ]);
    expect(minutes(resolve(streams({ window: [w('A', 0, 10, 2), w('B', 0, 10, 1)] }), 0, 10 * M))).toEqual([
      ['A', 0, 10],
    ]);
    expect(minutes(resolve(streams({ window: [w('A', 0, 10, 1), w('B', 0, 10, 2)] }), 0, 10 * M))).toEqual([
      ['B', 0, 10],
    ]);
  });

  it('clips exactly to the range and ignores empty events', () => {
    const segs = resolve(streams({ window: [w('A', 0, 60), w('B', 30, 30)] }), 10 * M + 1, 20 * M - 1);
    expect(segs).toEqual([{ kind: 'app', name: 'A', startMs: 10 * M + 1, endMs: 20 * M - 1 }]);
  });

  it('never counts two things at once', () => {
    const segs = resolve(
      streams({
        window: [w('A', 0, 50), w('Firefox', 20, 70, 1)],
        browser: [b('x.org', 0, 100), b('y.org', 60, 65, 1)],
      }),
      0,
      100 * M,
    );
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.startMs).toBeGreaterThanOrEqual(segs[i - 1]!.endMs);
    expect(minutes(segs)).toEqual([
      ['A', 0, 20],
      ['x.org', 20, 60],
      ['y.org', 60, 65],
      ['x.org', 65, 100],
    ]);
  });

  it('counts a window as its subject name (a title rule’s), and lets a browser event win on a browser window', () => {
    const segs = resolve(
      streams({
        window: [
          w('Code', 0, 10, 0, 'Code — jira'),
          w('Code', 10, 20, 1),
          w('Firefox', 20, 50, 2, 'Firefox — jira'),
          w('Code', 50, 60, 3, 'Code — jira'),
        ],
        browser: [b('company.atlassian.net', 30, 40)],
      }),
      0,
      60 * M,
    );
    expect(kinds(segs)).toEqual([
      ['app', 'Code — jira'],
      ['app', 'Code'],
      ['app', 'Firefox — jira'],
      ['domain', 'company.atlassian.net'],
      ['app', 'Firefox — jira'],
      ['app', 'Code — jira'],
    ]);
    expect(minutes(segs).map(([, from, to]) => [from, to])).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
      [40, 50],
      [50, 60],
    ]);
    // The browser check goes by the app, never by the subject's name: a title rule cannot hide a browser.
    const named = resolve(
      streams({
        window: [w('Firefox', 0, 10, 0, 'Notes')],
        browser: [b('docs.rs', 0, 10)],
      }),
      0,
      10 * M,
    );
    expect(kinds(named)).toEqual([['domain', 'docs.rs']]);
  });

  it('gives an app segment the raw app id of its first window event that had one, not a title rule’s subject', () => {
    const withId = (span: ReturnType<typeof w>, appId: string) => ({ ...span, appId });
    const segs = resolve(
      streams({
        window: [
          w('IDEA', 0, 10, 0),
          withId(w('IDEA', 10, 20, 1), 'jetbrains-idea'),
          withId(w('IDEA', 20, 30, 2), 'jetbrains-idea-ce'),
          withId(w('IDEA', 30, 40, 3, 'IDEA — jira'), 'jetbrains-idea'),
          w('Files', 40, 50, 4),
        ],
      }),
      0,
      50 * M,
    );
    expect(segs.map((s) => [s.name, s.startMs / M, s.endMs / M, s.appId])).toEqual([
      ['IDEA', 0, 30, 'jetbrains-idea'],
      ['IDEA — jira', 30, 40, undefined],
      ['Files', 40, 50, undefined],
    ]);
  });
});

describe('resolve with manual entries', () => {
  it('gives a manual entry its whole interval over the focused app', () => {
    const segs = resolve(
      streams({ window: [w('Code', 0, 60)], manual: [manual('Meeting', 20, 30)] }),
      0,
      60 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Code', 0, 20],
      ['Meeting', 20, 30],
      ['Code', 30, 60],
    ]);
    expect(kinds(segs)).toEqual([
      ['app', 'Code'],
      ['manual', 'Meeting'],
      ['app', 'Code'],
    ]);
  });

  it('takes precedence over browser domains, focused or extension-only', () => {
    const focused = resolve(
      streams({
        window: [w('Google Chrome', 0, 60)],
        browser: [b('youtube.com', 0, 40), b('github.com', 40, 60)],
        manual: [manual('Reading', 30, 50)],
      }),
      0,
      60 * M,
    );
    expect(minutes(focused)).toEqual([
      ['youtube.com', 0, 30],
      ['Reading', 30, 50],
      ['github.com', 50, 60],
    ]);
    const extensionOnly = resolve(
      streams({ browser: [b('docs.rs', 0, 60)], manual: [manual('Reading', 0, 15)] }),
      0,
      60 * M,
    );
    expect(minutes(extensionOnly)).toEqual([
      ['Reading', 0, 15],
      ['docs.rs', 15, 60],
    ]);
  });

  it('counts a manual entry while idle, and with nothing tracked at all', () => {
    const segs = resolve(
      streams({
        window: [w('Code', 0, 30)],
        idle: [idle(10, 40)],
        manual: [manual('Gym', 20, 50)],
      }),
      0,
      60 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Code', 0, 10],
      ['Gym', 20, 50],
    ]);
  });

  it('clips a manual entry that overlaps the range only partly', () => {
    const segs = resolve(
      streams({ window: [w('Code', 0, 120)], manual: [manual('Lunch', -30, 15), manual('Run', 100, 200)] }),
      0,
      120 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Lunch', 0, 15],
      ['Code', 15, 100],
      ['Run', 100, 120],
    ]);
  });

  it('keeps adjacent entries of two labels apart and merges two entries of one label', () => {
    const segs = resolve(
      streams({
        window: [w('Code', 0, 60)],
        manual: [manual('Gym', 10, 20, 1), manual('Sauna', 20, 30, 2), manual('Gym', 30, 40, 3)],
      }),
      0,
      60 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Code', 0, 10],
      ['Gym', 10, 20],
      ['Sauna', 20, 30],
      ['Gym', 30, 40],
      ['Code', 40, 60],
    ]);
    const merged = resolve(
      streams({ manual: [manual('Gym', 0, 10, 1), manual('Gym', 10, 20, 2)] }),
      0,
      60 * M,
    );
    expect(minutes(merged)).toEqual([['Gym', 0, 20]]);
  });

  it('lets the later entry win where manual entries overlap (data not written by the store)', () => {
    const segs = resolve(
      streams({ manual: [manual('Gym', 0, 30, 1), manual('Sauna', 20, 40, 2)] }),
      0,
      60 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Gym', 0, 20],
      ['Sauna', 20, 40],
    ]);
  });

  it('never counts more than the range, with or without manual entries', () => {
    const base = {
      window: [w('Code', 0, 50), w('Firefox', 20, 90, 1)],
      browser: [b('x.org', 0, 100), b('y.org', 60, 65, 1)],
      idle: [idle(70, 80)],
    };
    const total = (segs: ReturnType<typeof resolve>) => segs.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
    const without = resolve(streams(base), 0, 100 * M);
    const withEntry = resolve(streams({ ...base, manual: [manual('Call', 55, 75)] }), 0, 100 * M);
    for (let i = 1; i < withEntry.length; i++)
      expect(withEntry[i]!.startMs).toBeGreaterThanOrEqual(withEntry[i - 1]!.endMs);
    // The entry takes 20 minutes of which 15 were tracked (55–70) and 5 idle (70–75).
    expect(total(withEntry) - total(without)).toBe(5 * M);
    expect(minutes(withEntry)).toEqual([
      ['Code', 0, 20],
      ['x.org', 20, 55],
      ['Call', 55, 75],
      ['x.org', 80, 100],
    ]);
  });
});

describe('isBrowserApp', () => {
  it('knows browsers by app or process name, case-insensitively', () => {
    for (const name of [
      'Google Chrome',
      'chrome.exe',
      'CHROMIUM',
      'Brave Browser',
      'msedge.exe',
      'Microsoft Edge',
      'firefox',
      'Firefox-ESR',
      'Opera',
      'Vivaldi',
      'Arc',
      'Safari',
      'Navigator',
    ]) {
      expect(isBrowserApp(name), name).toBe(true);
    }
    for (const name of ['Code', 'ArcGIS', 'Edge Impulse Studio', 'Terminal', 'chromecast-helper']) {
      expect(isBrowserApp(name), name).toBe(false);
    }
  });
});
