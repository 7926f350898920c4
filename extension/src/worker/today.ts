/**
 * Today's figures for the badge and the popup: what the app's report says for the local day, plus what it
 * does not know yet (sessions waiting in the queue, the session in progress), each clipped to the day.
 *
 *   day:       |00:00 ............................................ now|
 *   report:     [delivered time of each domain, fetched every minute]
 *   queue:                                    [waiting][waiting]
 *   session:                                                   [open..]
 */
import type { Report, ProductivityOrNone } from '../../../app/shared/report.ts';
import type { DomainDay } from '../protocol.ts';
import type { QueuedEvent } from './queue.ts';
import type { OpenSession } from './session.ts';

/** The part of today's report the extension keeps (domains only; no window titles). */
export interface TodayCache {
  dayStartMs: number;
  fetchedMs: number;
  totalMs: number;
  domains: DomainDay[];
}

/** The local calendar day around `nowMs`, in the browser's zone (23 or 25 hours on DST days). */
export function localDay(nowMs: number): { startMs: number; endMs: number } {
  const now = new Date(nowMs);
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { startMs: start.getTime(), endMs: end.getTime() };
}

export function cacheFromReport(report: Report, dayStartMs: number, fetchedMs: number): TodayCache {
  return {
    dayStartMs,
    fetchedMs,
    totalMs: report.total_ms,
    domains: report.subjects
      .filter((s) => s.kind === 'domain')
      .map((s) => ({ name: s.name, ms: s.ms, category: s.category, productivity: s.productivity })),
  };
}

/** A subject's category changed: every figure keeps its time and takes the new category. */
export function recategorize(
  cache: TodayCache | null,
  domain: string,
  category: string | null,
  productivity: ProductivityOrNone,
): TodayCache | null {
  if (cache === null) return null;
  const known = cache.domains.some((d) => d.name === domain);
  const domains = known
    ? cache.domains.map((d) => (d.name === domain ? { ...d, category, productivity } : d))
    : [...cache.domains, { name: domain, ms: 0, category, productivity }];
  return { ...cache, domains };
}

function overlap(startMs: number, endMs: number, day: { startMs: number; endMs: number }): number {
  return Math.max(0, Math.min(endMs, day.endMs) - Math.max(startMs, day.startMs));
}

export interface Today {
  totalMs: number;
  /** Every domain with time today, most time first. */
  domains: DomainDay[];
  /** When the report part was fetched; null without one for today. */
  asOfMs: number | null;
}

/** Today's time per domain: the report's (if it is today's) plus waiting and in-progress sessions. */
export function today(
  cache: TodayCache | null,
  waiting: readonly QueuedEvent[],
  session: OpenSession | null,
  nowMs: number,
): Today {
  const day = localDay(nowMs);
  const fresh = cache !== null && cache.dayStartMs === day.startMs ? cache : null;
  const byName = new Map<string, DomainDay>();
  // Categories are known for every domain in the cache, even an older day's.
  for (const d of cache?.domains ?? []) byName.set(d.name, { ...d, ms: fresh ? d.ms : 0 });
  let pending = 0;
  const add = (domain: string, ms: number) => {
    if (ms <= 0) return;
    pending += ms;
    const known = byName.get(domain);
    byName.set(
      domain,
      known
        ? { ...known, ms: known.ms + ms }
        : { name: domain, ms, category: null, productivity: 'uncategorized' },
    );
  };
  for (const e of waiting) add(e.domain, overlap(e.startMs, e.endMs, day));
  if (session) add(session.domain, overlap(session.startMs, nowMs, day));
  return {
    totalMs: (fresh?.totalMs ?? 0) + pending,
    domains: [...byName.values()]
      .filter((d) => d.ms > 0)
      .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name)),
    asOfMs: fresh?.fetchedMs ?? null,
  };
}

/** One domain's figures today (zero time and its known category when it has none yet). */
export function domainToday(t: Today, cache: TodayCache | null, domain: string): DomainDay {
  return (
    t.domains.find((d) => d.name === domain) ?? {
      ...(cache?.domains.find((d) => d.name === domain) ?? {
        name: domain,
        category: null,
        productivity: 'uncategorized' as const,
      }),
      ms: 0,
    }
  );
}
