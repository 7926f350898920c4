/**
 * Imports Time Audit's own raw export (`timeaudit export --raw`): NDJSON, one event a line, each the wire shape
 * of POST /v1/{window,browser,idle}/events with a `source` first, and manual entries (`source: "manual"`); or
 * the same objects wrapped as `{"format":"timeaudit-raw","schema_version":1,"events":[…]}`. Events are checked
 * exactly as the API checks them (a bad one is skipped and counted under its code), stored under their own
 * event_id (so a second import stores nothing), and the whole file is stored in one transaction once it has
 * been read whole. Manual entries already there (same label, start and end) count as duplicates.
 *
 * NDJSON has no end marker: a file cut exactly at the end of a line reads as a shorter, whole file. The JSON
 * form does not have that weakness.
 */
import type { ImportSourceSummary, ImportSummary } from '../../shared/api/data-import.ts';
import {
  checkBrowserEvent,
  checkIdleEvent,
  checkWindowEvent,
  type Checked,
  type EventSource,
} from '../../shared/events.ts';
import { hasControlCharacter } from '../../shared/names.ts';
import { DomainError, invalid, isDomainError } from '../../core/errors.ts';
import { NO_EXCLUSIONS } from '../../core/exclusions.ts';
import type { EventOf, Store } from '../store.ts';
import { readJsonStream } from './json-stream.ts';
import { readLines } from './lines.ts';
import { ImportStaging } from './staging.ts';
import { SkipCounts, summarize, type ImportOptions } from './summary.ts';

const SOURCES = ['window', 'browser', 'idle', 'manual'] as const;
type RawSource = (typeof SOURCES)[number];
const BATCH = 2000;

interface SourceCounts {
  events: number;
  stored: number;
  duplicates: number;
  skipped: SkipCounts;
}

interface StagedManual {
  label: string;
  category: string | null;
  startMs: number;
  endMs: number;
  note: string;
}

const CHECKS: { [S in EventSource]: (raw: unknown, nowMs: number) => Checked<EventOf<S>> } = {
  window: checkWindowEvent,
  browser: checkBrowserEvent,
  idle: checkIdleEvent,
};

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max && !hasControlCharacter(value);

function checkManual(raw: Record<string, unknown>): StagedManual | string {
  const startMs = typeof raw.start_ts === 'string' ? Date.parse(raw.start_ts) : NaN;
  const endMs = typeof raw.end_ts === 'string' ? Date.parse(raw.end_ts) : NaN;
  if (!isText(raw.label, 120) || raw.label.trim() === '') return 'invalid label';
  if (raw.category !== null && raw.category !== '' && !isText(raw.category, 64)) return 'invalid category';
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return 'invalid_timestamp';
  const note = raw.note ?? '';
  if (!isText(note, 1000)) return 'invalid note';
  return {
    label: raw.label.trim(),
    category: typeof raw.category === 'string' && raw.category.trim() !== '' ? raw.category.trim() : null,
    startMs,
    endMs,
    note,
  };
}

/**
 * The first key of the file's first object (`source` for NDJSON, `format` or `events` for the JSON form),
 * read from its first bytes; the bytes read are handed on with the rest.
 */
async function sniff(
  input: AsyncIterable<Uint8Array>,
): Promise<{ firstKey: string | null; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let text = '';
  let firstKey: string | null = null;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    text += new TextDecoder().decode(next.value.subarray(0, 4096));
    const m = /^\s*\{\s*"([^"]*)"/.exec(text);
    if (m) firstKey = m[1] as string;
    if (m || text.length >= 4096 || !/^\s*\{?\s*"?[^"]*$/.test(text)) break;
  }
  const bytes = (async function* () {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { firstKey, bytes };
}

export async function importTimeAudit(
  store: Store,
  input: AsyncIterable<Uint8Array>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const exclusions = options.exclusions ?? NO_EXCLUSIONS;
  const nowMs = options.now();
  const counts = new Map<RawSource, SourceCounts>(
    SOURCES.map((s) => [s, { events: 0, stored: 0, duplicates: 0, skipped: new SkipCounts() }]),
  );
  const other = new SkipCounts();
  const staging = new ImportStaging();

  const take = (value: unknown): void => {
    const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const { source, ...wire } = raw;
    const part = SOURCES.indexOf(source as RawSource);
    if (part < 0) return other.add(`unknown source ${JSON.stringify(source ?? null).slice(0, 40)}`);
    const c = counts.get(source as RawSource) as SourceCounts;
    c.events++;
    if (source === 'manual') {
      const entry = checkManual(wire);
      if (typeof entry === 'string') return c.skipped.add(entry);
      return staging.add({
        part,
        start_ms: entry.startMs,
        end_ms: entry.endMs,
        a: JSON.stringify(entry),
        b: null,
        c: null,
      });
    }
    const checked = CHECKS[source as EventSource](wire, nowMs);
    if (!checked.ok) return c.skipped.add(checked.code);
    const e = checked.value as EventOf<EventSource>;
    if (
      ('app' in e && exclusions.excludesApp(e.app)) ||
      ('domain' in e && exclusions.excludesDomain(e.domain))
    )
      return c.skipped.add('excluded in the settings');
    staging.add({ part, start_ms: e.startMs, end_ms: e.endMs, a: JSON.stringify(e), b: null, c: null });
  };

  try {
    const { firstKey, bytes: rest } = await sniff(input);
    const onBytes = (n: number) => options.onProgress?.({ phase: 'reading', done: n });
    let bytes: number;
    let format: unknown = 'timeaudit-raw';
    if (firstKey === 'source') {
      bytes = await readLines(rest, { limitBytes: options.limitBytes, onBytes, onValue: take });
    } else {
      let sawEvents = false;
      bytes = await readJsonStream(rest, {
        paths: ['$.format', '$.events.*'],
        limitBytes: options.limitBytes,
        onBytes,
        onValue: (info) => {
          if (info.key === 'format' && info.stack.length === 1) format = info.value;
          else {
            sawEvents = true;
            take(info.value);
          }
        },
      });
      if (format !== 'timeaudit-raw' || (!sawEvents && firstKey !== 'format'))
        throw invalid(
          'this is not a Time Audit raw export: expected NDJSON lines with a "source", or {"format":"timeaudit-raw","events":[…]}',
        );
    }
    store.atomically(() => {
      for (const s of ['window', 'browser', 'idle'] as const) {
        const c = counts.get(s) as SourceCounts;
        let batch: EventOf<EventSource>[] = [];
        const flush = () => {
          const outcome = store.ingest(s, batch);
          c.stored += outcome.accepted;
          c.duplicates += outcome.duplicates;
          options.onProgress?.({ phase: 'storing', done: c.stored + c.duplicates });
          batch = [];
        };
        for (const row of staging.rows([SOURCES.indexOf(s)])) {
          batch.push(JSON.parse(row.a as string) as EventOf<EventSource>);
          if (batch.length >= BATCH) flush();
        }
        if (batch.length > 0) flush();
      }
      const manual = counts.get('manual') as SourceCounts;
      for (const row of staging.rows([SOURCES.indexOf('manual')]))
        storeManual(store, JSON.parse(row.a as string), manual);
    });
    const sources: ImportSourceSummary[] = SOURCES.map((s) => {
      const c = counts.get(s) as SourceCounts;
      return {
        id: s,
        type: s,
        events: c.events,
        stored: c.stored,
        duplicates: c.duplicates,
        skipped: c.skipped.list(),
      };
    }).filter((s) => s.events > 0);
    if (other.total() > 0)
      sources.push({
        id: 'other',
        type: 'other',
        events: other.total(),
        stored: 0,
        duplicates: 0,
        skipped: other.list(),
      });
    return summarize('timeaudit', bytes, sources);
  } finally {
    staging.close();
  }
}

/** A manual entry: a duplicate when the same one is there, else created (its category made when missing). */
function storeManual(store: Store, entry: StagedManual, counts: SourceCounts): void {
  const same = store
    .listManualEntries(entry.startMs, entry.endMs)
    .some(
      (e) =>
        e.label === entry.label && Date.parse(e.start) === entry.startMs && Date.parse(e.end) === entry.endMs,
    );
  if (same) {
    counts.duplicates++;
    return;
  }
  const category = entry.category ?? undefined;
  if (category !== undefined && !store.listCategories().some((c) => c.name === category)) {
    try {
      store.createCategory(category, 'neutral');
    } catch (error) {
      // Another spelling of an existing name: the entry takes that one.
      if (!isDomainError(error, 'conflict')) throw error;
    }
  }
  try {
    store.createManualEntry({
      label: entry.label,
      category,
      startMs: entry.startMs,
      endMs: entry.endMs,
      note: entry.note,
    });
    counts.stored++;
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'storage_full') throw error;
    counts.skipped.add(error.kind === 'conflict' ? 'overlaps an entry logged by hand' : error.message);
  }
}
