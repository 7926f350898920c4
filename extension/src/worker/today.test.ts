import { describe, expect, it } from 'vitest';
import type { Report } from '../../../app/shared/report.ts';
import type { QueuedEvent } from './queue.ts';
import { cacheFromReport, domainToday, localDay, recategorize, today } from './today.ts';

const NOW = new Date(2026, 2, 2, 15, 0, 0).getTime(); // local 15:00
const day = localDay(NOW);
const min = 60_000;

const report = {
  total_ms: 100 * min,
  subjects: [
    { kind: 'app', name: 'code', ms: 60 * min, category: 'Work', productivity: 'productive' },
    { kind: 'domain', name: 'github.com', ms: 30 * min, category: 'Work', productivity: 'productive' },
    { kind: 'domain', name: 'news.test', ms: 10 * min, category: null, productivity: 'uncategorized' },
  ],
} as unknown as Report;

const queued = (domain: string, startMs: number, endMs: number): QueuedEvent => ({
  eventId: `${domain}-${startMs}`,
  domain,
  startMs,
  endMs,
  reason: 'tab_switch',
});

describe('today', () => {
  it('is the local calendar day', () => {
    expect(new Date(day.startMs).getHours()).toBe(0);
    expect(day.endMs - day.startMs).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(day.startMs).toBeLessThanOrEqual(NOW);
    expect(day.endMs).toBeGreaterThan(NOW);
  });

  it("adds waiting and in-progress sessions to the report's figures, clipped to the day", () => {
    const cache = cacheFromReport(report, day.startMs, NOW - min);
    expect(cache.domains.map((d) => d.name)).toEqual(['github.com', 'news.test']); // domains only
    const waiting = [
      queued('news.test', NOW - 30 * min, NOW - 5 * min),
      queued('new.test', day.startMs - 10 * min, day.startMs + 2 * min), // started yesterday
    ];
    const session = { eventId: 's', domain: 'github.com', startMs: NOW - 3 * min, checkpointMs: NOW };
    const t = today(cache, waiting, session, NOW);
    expect(t.domains.map((d) => [d.name, d.ms / min])).toEqual([
      ['news.test', 35],
      ['github.com', 33],
      ['new.test', 2],
    ]);
    expect(t.totalMs).toBe(130 * min);
    expect(t.asOfMs).toBe(NOW - min);
    expect(domainToday(t, cache, 'github.com')).toMatchObject({ ms: 33 * min, category: 'Work' });
  });

  it("ignores yesterday's figures but keeps the categories they tell", () => {
    const cache = cacheFromReport(report, day.startMs - 24 * 3600_000, NOW - 20 * 3600_000);
    const t = today(cache, [], null, NOW);
    expect(t).toEqual({ totalMs: 0, domains: [], asOfMs: null });
    expect(domainToday(t, cache, 'github.com')).toMatchObject({
      ms: 0,
      category: 'Work',
      productivity: 'productive',
    });
    expect(domainToday(t, cache, 'other.test')).toMatchObject({ ms: 0, category: null });
  });

  it('applies a new category at once, also to a domain the report did not list', () => {
    let cache = cacheFromReport(report, day.startMs, NOW);
    cache = recategorize(cache, 'news.test', 'Reading', 'neutral')!;
    cache = recategorize(cache, 'fresh.test', 'Fun', 'unproductive')!;
    const t = today(cache, [], null, NOW);
    expect(domainToday(t, cache, 'news.test')).toMatchObject({ ms: 10 * min, category: 'Reading' });
    expect(domainToday(t, cache, 'fresh.test')).toMatchObject({ ms: 0, category: 'Fun' });
  });
});
