/**
 * Imports an ActivityWatch export (`{"buckets": {id: {type, client, hostname, events: [{timestamp, duration,
 * data}]}}}`, as AW's Export button writes it): `currentwindow` buckets become window events, `web.tab.current`
 * buckets browser events, the `afk` periods of `afkstatus` buckets idle events, cut to what AW itself counts
 * (see core/activitywatch.ts); other bucket types are counted and skipped.
 *
 * Two steps: the file is read as it arrives into a private staging database (import/staging.ts), then, once it
 * has been read whole, everything is stored in one transaction. A file cut short or not valid JSON stores
 * nothing. Each stored event's id is derived from its bucket, times and data, so importing the same export
 * again stores nothing twice.
 */
import { createHash } from 'node:crypto';
import type { ParsedElementInfo } from '@streamparser/json';
import type { ImportSourceSummary, ImportSummary } from '../../shared/api/data-import.ts';
import { normalizeDomain, FUTURE_TOLERANCE_MS, EARLIEST_MS } from '../../shared/events.ts';
import type { BrowserEvent, EventSource, IdleEvent, WindowEvent } from '../../shared/events.ts';
import { withoutControlCharacters } from '../../shared/names.ts';
import {
  domainOfUrl,
  intersectSets,
  partsInside,
  partsOutside,
  SortedUnion,
  unionOfSorted,
  type IntervalSet,
} from '../../core/activitywatch.ts';
import { invalid } from '../../core/errors.ts';
import { NO_EXCLUSIONS, type Exclusions } from '../../core/exclusions.ts';
import type { Interval } from '../../core/resolve.ts';
import type { EventOf, Store } from '../store.ts';
import { readJsonStream } from './json-stream.ts';
import { ImportStaging, type StagedRow } from './staging.ts';
import { SkipCounts, summarize, type ImportOptions } from './summary.ts';

export type { ImportOptions };

const WINDOW = 'currentwindow';
const AFK = 'afkstatus';
const WEB = 'web.tab.current';

/** Stored under each imported browser event's `reason_closed`: where it came from. */
const REASON = 'activitywatch';
const BATCH = 2000;

interface Bucket {
  id: string;
  part: number;
  type: string | null;
  events: number;
  stored: number;
  duplicates: number;
  skipped: SkipCounts;
}

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
};

/** "YYYY-MM-DDTHH:MM:SS" in UTC, or NaN when a field is out of range (Date.UTC would roll Feb 30 over). */
function utcMs(base: string): number {
  const [y, mo, d, h, mi, s] = [
    [0, 4],
    [5, 7],
    [8, 10],
    [11, 13],
    [14, 16],
    [17, 19],
  ].map(([a, b]) => digits(base, a as number, b as number)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  return date.getUTCDate() === d && date.getUTCMonth() === mo - 1 && h < 24 && mi < 60 && s < 60 ? ms : NaN;
}

/**
 * "2024-03-01T09:30:00.123456+00:00" → epoch ms with the fraction (AW writes microseconds); NaN if not one.
 * UTC instants, as AW writes them, are read digit by digit (a million of them in a large export); others
 * through Date.parse.
 */
function instantMs(timestamp: unknown): number {
  if (typeof timestamp !== 'string') return NaN;
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)$/i.exec(timestamp);
  if (!m) return NaN;
  const base = m[1] as string;
  const zone = m[3] as string;
  const whole =
    zone === 'Z' || zone === 'z' || zone === '+00:00' ? utcMs(base) : Date.parse(`${base}${zone}`);
  return whole + (m[2] ? Number(`0.${m[2]}`) * 1000 : 0);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Reads the export into staging; returns the buckets as read and the number of bytes. */
async function stage(
  input: AsyncIterable<Uint8Array>,
  staging: ImportStaging,
  options: ImportOptions,
): Promise<{ buckets: Map<string, Bucket>; bytes: number }> {
  const buckets = new Map<string, Bucket>();
  const nowMs = options.now();
  const bucketOf = (info: ParsedElementInfo): Bucket => {
    const id = String(info.stack[2]?.key ?? '');
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = {
        id,
        part: buckets.size,
        type: null,
        events: 0,
        stored: 0,
        duplicates: 0,
        skipped: new SkipCounts(),
      };
      buckets.set(id, bucket);
    }
    return bucket;
  };
  const bytes = await readJsonStream(input, {
    paths: ['$.buckets.*.type', '$.buckets.*.events.*'],
    limitBytes: options.limitBytes,
    onBytes: (n) => options.onProgress?.({ phase: 'reading', done: n }),
    onValue: (info) => {
      const bucket = bucketOf(info);
      if (info.key === 'type' && info.stack.length === 3) {
        bucket.type = typeof info.value === 'string' ? info.value : 'unknown';
        return;
      }
      bucket.events++;
      // Buckets of other types are only counted (their type usually comes before their events).
      if (bucket.type !== null && bucket.type !== WINDOW && bucket.type !== AFK && bucket.type !== WEB)
        return;
      const event = info.value as { timestamp?: unknown; duration?: unknown; data?: unknown } | null;
      const start = instantMs(event?.timestamp);
      const duration = event?.duration;
      if (Number.isNaN(start)) return bucket.skipped.add('invalid timestamp');
      if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)
        return bucket.skipped.add('invalid duration');
      const startMs = Math.round(start);
      const endMs = Math.round(start + duration * 1000);
      if (endMs === startMs) return bucket.skipped.add('no duration');
      if (startMs < EARLIEST_MS) return bucket.skipped.add('before the year 2000');
      if (endMs > nowMs + FUTURE_TOLERANCE_MS) return bucket.skipped.add('ends in the future');
      const data = (typeof event?.data === 'object' && event.data !== null ? event.data : {}) as Record<
        string,
        unknown
      >;
      staging.add({
        part: bucket.part,
        start_ms: startMs,
        end_ms: endMs,
        a: text(data.app) ?? text(data.url) ?? text(data.status),
        b: text(data.title),
        // The URL when the app is there too (a bucket of unknown type read before its type).
        c: text(data.app) !== null ? text(data.url) : null,
      });
    },
  });
  if (buckets.size === 0)
    throw invalid('this is not an ActivityWatch export: it has no "buckets" with events');
  return { buckets, bytes };
}

/**
 * An event id that the same AW event always gets, and no other: re-imports find it stored already. It starts
 * with the start time, so that a large import adds to the end of the event_id index instead of all over it.
 */
function eventId(bucket: string, startMs: number, endMs: number, subject: string, title = ''): string {
  const hash = createHash('sha256')
    .update(`${bucket}\u0000${startMs}\u0000${endMs}\u0000${subject}\u0000${title}`)
    .digest('base64url');
  return `aw:${startMs.toString(36).padStart(9, '0')}:${hash.slice(0, 24)}`;
}

/** Ingests per bucket in batches, counting what each bucket stored. */
class Batches {
  private readonly pending = new Map<Bucket, EventOf<EventSource>[]>();
  private readonly store: Store;
  private readonly source: EventSource;
  private readonly onStored: (n: number) => void;

  constructor(store: Store, source: EventSource, onStored: (n: number) => void) {
    this.store = store;
    this.source = source;
    this.onStored = onStored;
  }

  add(bucket: Bucket, event: EventOf<EventSource>): void {
    let list = this.pending.get(bucket);
    if (!list) this.pending.set(bucket, (list = []));
    list.push(event);
    if (list.length >= BATCH) this.flush(bucket, list);
  }

  flushAll(): void {
    for (const [bucket, list] of this.pending) this.flush(bucket, list);
  }

  private flush(bucket: Bucket, list: EventOf<EventSource>[]): void {
    if (list.length === 0) return;
    const outcome = this.store.ingest(this.source, list);
    bucket.stored += outcome.accepted;
    bucket.duplicates += outcome.duplicates;
    this.onStored(list.length);
    list.length = 0;
  }
}

function partsOf(set: IntervalSet | null, row: StagedRow): Interval[] {
  return set === null
    ? [{ startMs: row.start_ms, endMs: row.end_ms }]
    : partsInside(set, row.start_ms, row.end_ms);
}

/** Moves what was staged into the store, in the transaction the caller opened. */
function commit(
  store: Store,
  staging: ImportStaging,
  buckets: Map<string, Bucket>,
  options: ImportOptions,
): void {
  const exclusions: Exclusions = options.exclusions ?? NO_EXCLUSIONS;
  const byPart = new Map([...buckets.values()].map((b) => [b.part, b]));
  const ofType = (type: string) => [...buckets.values()].filter((b) => b.type === type);
  const windows = ofType(WINDOW);
  const afks = ofType(AFK);
  const webs = ofType(WEB);
  let done = 0;
  const progress = (n: number) => options.onProgress?.({ phase: 'storing', done: (done += n) });

  // Not-afk time, as AW counts it: the union of every not-afk event (they may overlap one another).
  const notAfk =
    afks.length === 0
      ? null
      : unionOfSorted(
          (function* () {
            for (const row of staging.rows(afks.map((b) => b.part)))
              if (row.a === 'not-afk') yield toInterval(row);
          })(),
        );

  const windowBatches = new Batches(store, 'window', progress);
  const windowTime = new SortedUnion();
  for (const row of staging.rows(windows.map((b) => b.part))) {
    const bucket = byPart.get(row.part) as Bucket;
    const app = row.a === null ? '' : withoutControlCharacters(row.a).trim().slice(0, 256);
    if (app === '') bucket.skipped.add('no app name');
    else if (exclusions.excludesApp(app)) bucket.skipped.add('app excluded in the settings');
    else {
      windowTime.add(row.start_ms, row.end_ms);
      const title = withoutControlCharacters(row.b ?? '').slice(0, 2048);
      for (const part of partsOf(notAfk, row)) {
        const e: WindowEvent = {
          eventId: eventId(bucket.id, part.startMs, part.endMs, app, title),
          app,
          title,
          ...part,
        };
        windowBatches.add(bucket, e);
      }
    }
  }
  windowBatches.flushAll();

  // Browser time counts where a window was focused (the browser's, else nothing) and AW saw you there.
  const windowed = windows.length === 0 ? null : windowTime.build();
  const browserSpan =
    windowed === null ? notAfk : notAfk === null ? windowed : intersectSets(windowed, notAfk);
  const userId = store.userId();
  const browserBatches = new Batches(store, 'browser', progress);
  for (const row of staging.rows(webs.map((b) => b.part))) {
    const bucket = byPart.get(row.part) as Bucket;
    const domain = normalizeDomain(domainOfUrl(row.c ?? row.a ?? '') ?? '');
    if (domain === null) bucket.skipped.add('no host name in the URL (chrome://, file://, about:…)');
    else if (exclusions.excludesDomain(domain)) bucket.skipped.add('domain excluded in the settings');
    else
      for (const part of partsOf(browserSpan, row)) {
        const e: BrowserEvent = {
          eventId: eventId(bucket.id, part.startMs, part.endMs, domain),
          userId,
          domain,
          ...part,
          durationMs: part.endMs - part.startMs,
          reasonClosed: REASON,
        };
        browserBatches.add(bucket, e);
      }
  }
  browserBatches.flushAll();

  const idleBatches = new Batches(store, 'idle', progress);
  for (const row of staging.rows(afks.map((b) => b.part))) {
    const bucket = byPart.get(row.part) as Bucket;
    if (row.a === 'not-afk') continue;
    if (row.a !== 'afk') bucket.skipped.add('status neither afk nor not-afk');
    else
      for (const part of notAfk === null
        ? [toInterval(row)]
        : partsOutside(notAfk, row.start_ms, row.end_ms)) {
        const e: IdleEvent = { eventId: eventId(bucket.id, part.startMs, part.endMs, 'afk'), ...part };
        idleBatches.add(bucket, e);
      }
  }
  idleBatches.flushAll();
}

const toInterval = (row: StagedRow): Interval => ({ startMs: row.start_ms, endMs: row.end_ms });

function bucketSummary(bucket: Bucket): ImportSourceSummary {
  const known = bucket.type === WINDOW || bucket.type === AFK || bucket.type === WEB;
  const skipped = known
    ? bucket.skipped
    : SkipCounts.of(`bucket type "${bucket.type}" is not imported`, bucket.events);
  return {
    id: bucket.id,
    type: bucket.type ?? 'unknown',
    events: bucket.events,
    stored: bucket.stored,
    duplicates: bucket.duplicates,
    skipped: skipped.list(),
  };
}

/**
 * Imports an ActivityWatch export read from `input`. Throws DomainError('invalid') for a file that is not
 * one (not valid JSON, cut short, no buckets), having stored nothing.
 */
export async function importActivityWatch(
  store: Store,
  input: AsyncIterable<Uint8Array>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const staging = new ImportStaging();
  try {
    const { buckets, bytes } = await stage(input, staging, options);
    store.atomically(() => commit(store, staging, buckets, options));
    return summarize('activitywatch', bytes, [...buckets.values()].map(bucketSummary));
  } finally {
    staging.close();
  }
}
