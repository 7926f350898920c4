import { describe, expect, it } from 'vitest';
import type { Session } from './sessions.ts';
import { isWholeDay, lanesOf, MIN_SPAN_MS, panView, sessionAt, ticksOf, zoomView } from './timeline-view.ts';

const H = 3_600_000;
const M = 60_000;
const DAY = { startMs: 0, endMs: 24 * H };

const session = (
  startMs: number,
  endMs: number,
  name: string,
  category: string | null = 'Work',
): Session => ({
  startMs,
  endMs,
  kind: 'app',
  name,
  category,
  productivity: 'productive',
});

describe('zoom and pan', () => {
  it('zooms about the anchor, which keeps its place on screen', () => {
    const view = zoomView(DAY, DAY, 4, 12 * H);
    expect(view).toEqual({ startMs: 9 * H, endMs: 15 * H });
    const again = zoomView(view, DAY, 2, 10 * H);
    // 10:00 was a sixth of the way across, and still is.
    expect(again).toEqual({ startMs: 9.5 * H, endMs: 12.5 * H });
  });

  it('stops at a quarter of an hour and at the whole day, and stays inside the day', () => {
    expect(zoomView(DAY, DAY, 1000, 6 * H).endMs - zoomView(DAY, DAY, 1000, 6 * H).startMs).toBe(MIN_SPAN_MS);
    expect(zoomView({ startMs: 9 * H, endMs: 15 * H }, DAY, 0.1, 12 * H)).toEqual(DAY);
    expect(zoomView(DAY, DAY, 4, 23 * H)).toEqual({ startMs: 17.25 * H, endMs: 23.25 * H });
    expect(zoomView(DAY, DAY, 4, 24 * H)).toEqual({ startMs: 18 * H, endMs: 24 * H });
    expect(panView({ startMs: 9 * H, endMs: 15 * H }, DAY, -20 * H)).toEqual({ startMs: 0, endMs: 6 * H });
    expect(panView({ startMs: 9 * H, endMs: 15 * H }, DAY, 2 * H)).toEqual({
      startMs: 11 * H,
      endMs: 17 * H,
    });
    expect(isWholeDay(DAY, DAY)).toBe(true);
    expect(isWholeDay({ startMs: 0, endMs: 23 * H }, DAY)).toBe(false);
  });
});

describe('ticksOf', () => {
  it('puts round ticks across the view, closer as it zooms', () => {
    expect(ticksOf(DAY, 0)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24].map((h) => h * H));
    expect(ticksOf({ startMs: 9 * H + 10 * M, endMs: 10 * H + 10 * M }, 0)).toEqual(
      [10, 20, 30, 40, 50, 60, 70].map((m) => 9 * H + m * M),
    );
  });
});

describe('lanesOf', () => {
  const sessions = [
    session(0, 10 * M, 'Code'),
    session(10 * M, 20 * M, 'Slack', 'Chat'),
    session(20 * M, 60 * M, 'Code'),
    session(60 * M, 61 * M, 'Notes', null),
  ];

  it('keeps one lane, or one per category or app, biggest first', () => {
    expect(lanesOf(sessions, 'one')).toEqual([{ key: 'all', label: 'All', sessions }]);
    expect(lanesOf(sessions, 'category').map((l) => [l.label, l.sessions.length])).toEqual([
      ['Work', 2],
      ['Chat', 1],
      ['No category', 1],
    ]);
    expect(lanesOf(sessions, 'app').map((l) => l.label)).toEqual(['Code', 'Slack', 'Notes']);
  });

  it('puts all past the top six in Other', () => {
    const many = Array.from({ length: 9 }, (_, i) => session(i * H, i * H + (10 - i) * M, `App ${i}`));
    const lanes = lanesOf(many, 'app');
    expect(lanes.map((l) => l.label)).toEqual([
      'App 0',
      'App 1',
      'App 2',
      'App 3',
      'App 4',
      'App 5',
      'Other',
    ]);
    expect(lanes.at(-1)?.sessions.map((s) => s.name)).toEqual(['App 6', 'App 7', 'App 8']);
  });
});

describe('sessionAt', () => {
  const busy = [session(0, 1000, 'a'), session(1000, 1200, 'b'), session(5000, 5100, 'c')];
  it('finds the session under the pointer, else the nearest within the tolerance', () => {
    expect(sessionAt(busy, 1100, 0)?.name).toBe('b');
    expect(sessionAt(busy, 1000, 0)?.name).toBe('b');
    expect(sessionAt(busy, 4800, 300)?.name).toBe('c');
    expect(sessionAt(busy, 1300, 300)?.name).toBe('b');
    expect(sessionAt(busy, 3000, 300)).toBeNull();
    expect(sessionAt([], 10, 1000)).toBeNull();
  });
});
