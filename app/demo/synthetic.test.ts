import { describe, expect, it } from 'vitest';
import { checkBrowserEvent, checkIdleEvent, checkWindowEvent } from '../shared/events.ts';
import { EVENT_SCHEMA_VERSION } from '../shared/version.ts';
import { isBrowserApp } from '../core/browsers.ts';
import {
  DEFAULT_CATEGORY_MAP,
  SYNTHETIC_APPS,
  SYNTHETIC_CATEGORIES,
  SYNTHETIC_DOMAINS,
  generateDay,
  generateDays,
  type SyntheticDay,
} from './synthetic.ts';
import { HOUR_MS, dayFromCivil, isoWeekday } from '../core/time.ts';

const BENCH = { windowEventsPerDay: 2000, browserEventsPerDay: 1500 };
/** Monday 2025-03-03, four weeks across the start of summer time in Berlin (2025-03-30). */
const FIRST = dayFromCivil(2025, 3, 3);
const weeks = (seed: number, tz = 'Europe/Berlin') => [
  ...generateDays({ firstDay: FIRST, days: 28, tz }, seed, BENCH),
];

interface Span {
  startMs: number;
  endMs: number;
}

function overlaps(list: Span[]): number {
  let count = 0;
  for (let i = 1; i < list.length; i++) if ((list[i] as Span).startMs < (list[i - 1] as Span).endMs) count++;
  return count;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]): number => sum(values) / values.length;

describe('generateDay', () => {
  it('is deterministic: same seed and day, same events; another seed, other events', () => {
    const start = Date.UTC(2025, 2, 4);
    expect(generateDay(start, 7, BENCH)).toEqual(generateDay(start, 7, BENCH));
    expect(weeks(7)).toEqual(weeks(7));
    const a = generateDay(start, 7, BENCH);
    const b = generateDay(start, 8, BENCH);
    expect(b.window.map((e) => e.startMs)).not.toEqual(a.window.map((e) => e.startMs));
  });

  it('keeps every event inside its day, each stream sorted and without overlap', () => {
    for (const d of weeks(3)) {
      const dayEnd = d.dayStartMs + 23 * HOUR_MS; // the shortest local day, at the switch to summer time
      for (const list of [d.window, d.browser, d.idle]) {
        const outside = list.filter(
          (e) => e.startMs < d.dayStartMs || e.endMs > dayEnd || e.endMs <= e.startMs,
        );
        expect(outside).toEqual([]);
        expect(overlaps(list)).toBe(0);
      }
      expect(d.browser.filter((e) => e.durationMs !== e.endMs - e.startMs)).toEqual([]);
    }
  });

  it('never has a window event during an idle period', () => {
    for (const d of weeks(4)) {
      const merged = [...d.window, ...d.idle].sort((a, b) => a.startMs - b.startMs);
      expect(overlaps(merged)).toBe(0);
    }
  });

  it('puts browser events (almost) only inside browser windows', () => {
    let outsideMs = 0;
    let totalMs = 0;
    for (const d of weeks(5)) {
      const browserWindows = d.window.filter((w) => isBrowserApp(w.app));
      for (const e of d.browser) {
        const inside = sum(
          browserWindows.map((w) => Math.max(0, Math.min(e.endMs, w.endMs) - Math.max(e.startMs, w.startMs))),
        );
        totalMs += e.endMs - e.startMs;
        outsideMs += e.endMs - e.startMs - inside;
      }
    }
    expect(totalMs).toBeGreaterThan(0);
    expect(outsideMs / totalMs).toBeLessThan(0.05);
  });

  it('gives a workday about the requested numbers of events, a lunch break and several short idle periods', () => {
    const workdays = weeks(11).filter((d) => d.active && isoWeekday(d.day) <= 5);
    expect(workdays.length).toBeGreaterThanOrEqual(15);
    expect(mean(workdays.map((d) => d.window.length))).toBeGreaterThan(1800);
    expect(mean(workdays.map((d) => d.window.length))).toBeLessThan(2200);
    expect(mean(workdays.map((d) => d.browser.length))).toBeGreaterThan(1350);
    expect(mean(workdays.map((d) => d.browser.length))).toBeLessThan(1650);
    for (const d of workdays) {
      const activeMs = sum(d.window.map((e) => e.endMs - e.startMs));
      expect(activeMs).toBeGreaterThanOrEqual(7.9 * HOUR_MS);
      expect(activeMs).toBeLessThanOrEqual(10 * HOUR_MS);
      expect(d.idle.some((e) => e.endMs - e.startMs >= 30 * 60_000)).toBe(true);
      expect(d.idle.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('makes weekends lighter: often off, and short when on', () => {
    const days: SyntheticDay[] = [...generateDays({ firstDay: FIRST, days: 7 * 20 }, 12, BENCH)];
    const weekend = days.filter((d) => isoWeekday(d.day) >= 6);
    const workdays = days.filter((d) => isoWeekday(d.day) <= 5);
    expect(weekend.filter((d) => d.active).length / weekend.length).toBeLessThan(0.6);
    expect(workdays.filter((d) => d.active).length / workdays.length).toBeGreaterThan(0.9);
    const events = (list: SyntheticDay[]) => mean(list.filter((d) => d.active).map((d) => d.window.length));
    expect(events(weekend)).toBeLessThan(events(workdays) / 2);
    for (const d of days.filter((x) => !x.active))
      expect(d.window.length + d.browser.length + d.idle.length).toBe(0);
  });

  it('uses a skewed popularity of many apps and domains', () => {
    const apps = new Map<string, number>();
    const domains = new Map<string, number>();
    for (const d of weeks(9)) {
      for (const e of d.window) apps.set(e.app, (apps.get(e.app) ?? 0) + 1);
      for (const e of d.browser) domains.set(e.domain, (domains.get(e.domain) ?? 0) + 1);
    }
    expect(apps.size).toBeGreaterThan(30);
    expect(domains.size).toBeGreaterThan(120);
    const top = (m: Map<string, number>) => Math.max(...m.values()) / sum([...m.values()]);
    expect(top(domains)).toBeGreaterThan(0.08);
    expect(top(domains)).toBeLessThan(0.3);
  });

  it('makes events that pass the wire checks, with unique deterministic ids', () => {
    const days = weeks(1).slice(0, 7);
    const now = Date.UTC(2030, 0, 1);
    const ids = new Set<string>();
    for (const d of days) {
      for (const e of d.window) {
        const wire = {
          event_id: e.eventId,
          app: e.app,
          title: e.title,
          ...times(e),
          schema_version: EVENT_SCHEMA_VERSION,
        };
        expect(checkWindowEvent(wire, now)).toEqual({ ok: true, value: e });
        ids.add(e.eventId);
      }
      for (const e of d.browser) {
        const wire = {
          event_id: e.eventId,
          user_id: e.userId,
          domain: e.domain,
          reason_closed: e.reasonClosed,
          ...times(e),
          schema_version: EVENT_SCHEMA_VERSION,
        };
        expect(checkBrowserEvent(wire, now)).toEqual({ ok: true, value: e });
        ids.add(e.eventId);
      }
      for (const e of d.idle) {
        expect(
          checkIdleEvent({ event_id: e.eventId, ...times(e), schema_version: EVENT_SCHEMA_VERSION }, now).ok,
        ).toBe(true);
        ids.add(e.eventId);
      }
    }
    expect(ids.size).toBe(sum(days.map((d) => d.window.length + d.browser.length + d.idle.length)));
    expect(days[0]?.window[0]?.eventId).toBe(`syn-w-${FIRST}-0`);
  });
});

describe('the catalogue', () => {
  it('has about forty apps and 150 domains, each named once', () => {
    expect(SYNTHETIC_APPS.length).toBeGreaterThanOrEqual(40);
    expect(SYNTHETIC_DOMAINS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(SYNTHETIC_APPS).size).toBe(SYNTHETIC_APPS.length);
    expect(new Set(SYNTHETIC_DOMAINS).size).toBe(SYNTHETIC_DOMAINS.length);
  });

  it('maps subjects to the default categories with their productivity', () => {
    const categories = new Map(SYNTHETIC_CATEGORIES.map((c) => [c.name, c.productivity]));
    expect(categories.get('Development')).toBe('productive');
    expect(categories.get('Communication')).toBe('neutral');
    expect(categories.get('Social & Video')).toBe('unproductive');
    for (const entry of DEFAULT_CATEGORY_MAP) {
      expect(categories.get(entry.category)).toBe(entry.productivity);
      expect(entry.kind === 'app' ? SYNTHETIC_APPS : SYNTHETIC_DOMAINS).toContain(entry.name);
    }
    const find = (name: string) => DEFAULT_CATEGORY_MAP.find((e) => e.name === name);
    expect(find('github.com')).toMatchObject({ kind: 'domain', category: 'Development' });
    expect(find('youtube.com')).toMatchObject({ kind: 'domain', productivity: 'unproductive' });
    expect(find('Google Chrome')).toBeUndefined(); // a browser's time goes to its domains
  });
});

function times(e: Span) {
  return {
    start_ts: new Date(e.startMs).toISOString(),
    end_ts: new Date(e.endMs).toISOString(),
    duration_ms: e.endMs - e.startMs,
  };
}
