import { describe, expect, it } from 'vitest';
import { isBrowserApp } from './browsers.ts';
import { resolve, type Streams } from './resolve.ts';

const M = 60_000;
const w = (app: string, start: number, end: number, seq = 0) => ({
  app,
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
const streams = (s: Partial<Streams>): Streams => ({ window: [], browser: [], idle: [], ...s });
const minutes = (segs: ReturnType<typeof resolve>) => segs.map((s) => [s.name, s.startMs / M, s.endMs / M]);

describe('resolve', () => {
  it('follows the diagram in resolve.ts', () => {
    const segs = resolve(
      streams({
        window: [w('Code', 0, 10), w('Google Chrome', 10, 40), w('Code', 40, 50)],
        browser: [b('github.com', 5, 15), b('youtube.com', 15, 30), b('news.com', 42, 48)],
        idle: [idle(25, 35)],
      }),
      0,
      50 * M,
    );
    expect(minutes(segs)).toEqual([
      ['Code', 0, 10],
      ['github.com', 10, 15],
      ['youtube.com', 15, 25],
      ['Google Chrome', 35, 40],
      ['Code', 40, 50],
    ]);
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
