/**
 * Ingest throughput: synthetic window and browser events (days ending yesterday, about 2,000 + 1,500 per active
 * day) posted in batches of 500 to the real listener, against a named baseline measured in the same run:
 * raw SQLite INSERTs of the same rows into tables of the same shape, in transactions of 500.
 * store.ingest in-process is shown too, to tell the cost of HTTP + validation from that of the store, and each
 * path runs twice: before any report, and with one zone's rollups kept (every write then updates them too).
 *
 *   npm run bench                       (both benchmarks)
 *   node bench/ingest.ts                 (this one: 100k events, 3 rounds, median)
 *   node bench/ingest.ts --events 20000 --rounds 1      or BENCH_EVENTS=20000 BENCH_ROUNDS=1
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDay } from '../app/demo/synthetic.ts';
import { DAY_MS, floorDiv } from '../app/core/time.ts';
import { Store } from '../app/db/store.ts';
import type { BrowserEvent, IngestResult, WindowEvent } from '../app/shared/events.ts';
import { EVENT_SCHEMA_VERSION } from '../app/shared/version.ts';
import { count, median, rate, ratio, table, timeOnce, verdict } from './measure.ts';
import { numberOption } from './options.ts';
import { note, progress } from './progress.ts';
import { startServerWorker } from './server-worker.ts';

const BATCH = 500;
const SEED = 20_240_601;
const PER_DAY = { windowEventsPerDay: 2_000, browserEventsPerDay: 1_500 };
export const INGEST_TARGET = 0.5;
/** Every write also updates the rollups of each kept zone; a real listener keeps at least the dashboard's. */
const KEPT_ZONES = ['Europe/Berlin'];

type Batch =
  | { source: 'window'; events: WindowEvent[]; body: string }
  | { source: 'browser'; events: BrowserEvent[]; body: string };

export interface IngestSummary {
  events: number;
  rawPerSec: number;
  storePerSec: number;
  httpPerSec: number;
  /** With one zone's rollups kept, as in real use once a report has been asked for. */
  httpOverRaw: number;
  httpNoZoneOverRaw: number;
  /** HTTP + JSON with nothing stored: the most any HTTP ingest could reach against the raw baseline. */
  transportOverRaw: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const times = (e: { startMs: number; endMs: number }) => ({
  start_ts: iso(e.startMs),
  end_ts: iso(e.endMs),
  duration_ms: e.endMs - e.startMs,
  schema_version: EVENT_SCHEMA_VERSION,
});
const windowWire = (e: WindowEvent) => ({ event_id: e.eventId, app: e.app, title: e.title, ...times(e) });
const browserWire = (e: BrowserEvent) => ({
  event_id: e.eventId,
  user_id: e.userId,
  domain: e.domain,
  reason_closed: e.reasonClosed,
  ...times(e),
});

function batchesOf(window: WindowEvent[], browser: BrowserEvent[]): Batch[] {
  const out: Batch[] = [];
  for (let i = 0; i < window.length; i += BATCH) {
    const events = window.slice(i, i + BATCH);
    out.push({ source: 'window', events, body: JSON.stringify({ events: events.map(windowWire) }) });
  }
  for (let i = 0; i < browser.length; i += BATCH) {
    const events = browser.slice(i, i + BATCH);
    out.push({ source: 'browser', events, body: JSON.stringify({ events: events.map(browserWire) }) });
  }
  return out;
}

/** Whole UTC days, the last one yesterday (so no event is in the future), until `wanted` events; plus a warm-up. */
function makeBatches(wanted: number): { batches: Batch[]; warmup: Batch[]; events: number } {
  const days: Batch[][] = [];
  let events = 0;
  let day = floorDiv(Date.now(), DAY_MS) - 1;
  for (; events < wanted; day--) {
    const d = generateDay(day * DAY_MS, SEED, { ...PER_DAY, day });
    if (!d.active) continue;
    days.unshift(batchesOf(d.window, d.browser));
    events += d.window.length + d.browser.length;
  }
  let warm = generateDay(day * DAY_MS, SEED, { ...PER_DAY, day, idPrefix: 'warm' });
  while (!warm.active) warm = generateDay(--day * DAY_MS, SEED, { ...PER_DAY, day, idPrefix: 'warm' });
  const warmup = batchesOf(warm.window.slice(0, 2 * BATCH), warm.browser.slice(0, 2 * BATCH));
  return { batches: days.flat(), warmup, events };
}

const RAW_SCHEMA = `
  CREATE TABLE window_events (
    id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, app TEXT NOT NULL, title TEXT NOT NULL,
    start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
    origin TEXT NOT NULL CHECK (origin IN ('tracker', 'api'))
  ) STRICT;
  CREATE INDEX window_events_by_start ON window_events (start_ms);
  CREATE TABLE browser_events (
    id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, domain TEXT NOT NULL,
    start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms), duration_ms INTEGER NOT NULL,
    reason_closed TEXT NOT NULL, received_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX browser_events_by_start ON browser_events (start_ms);`;

/** The baseline: the same rows into tables shaped like migrations/0001 (same pragmas as app/db/open.ts). */
function rawRun(file: string, warmup: Batch[], batches: Batch[]): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(RAW_SCHEMA);
    const insertWindow = db.prepare(
      `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES (?, ?, ?, ?, ?, 'api')`,
    );
    const insertBrowser = db.prepare(
      `INSERT INTO browser_events (event_id, user_id, domain, start_ms, end_ms, duration_ms, reason_closed, received_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const write = db.transaction((b: Batch) => {
      const receivedMs = Date.now();
      if (b.source === 'window')
        for (const e of b.events) insertWindow.run(e.eventId, e.app, e.title, e.startMs, e.endMs);
      else
        for (const e of b.events) {
          insertBrowser.run(
            e.eventId,
            e.userId,
            e.domain,
            e.startMs,
            e.endMs,
            e.durationMs,
            e.reasonClosed,
            receivedMs,
          );
        }
    });
    warmup.forEach(write);
    const t0 = performance.now();
    batches.forEach(write);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

function storeRun(file: string, warmup: Batch[], batches: Batch[], zones: readonly string[]): number {
  const store = Store.open({ file });
  try {
    const write = (b: Batch) =>
      b.source === 'window' ? store.ingest('window', b.events) : store.ingest('browser', b.events);
    warmup.forEach(write);
    for (const tz of zones) store.report({ fromMs: 0, toMs: Date.now(), tz });
    const t0 = performance.now();
    batches.forEach(write);
    store.refreshRollups(); // the rollups' share of the work is part of ingesting
    return performance.now() - t0;
  } finally {
    store.close();
  }
}

async function httpRun(
  dir: string,
  warmup: Batch[],
  batches: Batch[],
  total: number,
  zones: readonly string[],
): Promise<number> {
  const server = await startServerWorker({ file: path.join(dir, 'timeaudit.sqlite'), dataDir: dir });
  try {
    const post = (b: Batch) => server.call<IngestResult>('POST', `/v1/${b.source}/events`, b.body);
    for (const b of warmup) await post(b);
    const to = new Date().toISOString();
    for (const tz of zones)
      await server.call('GET', `/v1/report?from=2000-01-01T00:00:00Z&to=${to}&tz=${tz}`);
    const bar = progress(`  HTTP, ${zones.length} zone(s) kept`, batches.length);
    let accepted = 0;
    const { ms } = await timeOnce(async () => {
      for (const [i, b] of batches.entries()) {
        const result = await post(b);
        accepted += result.accepted;
        if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
        bar.update(i + 1);
      }
      // Rollups are refreshed a moment after writes; a report waits for them, so the last one is timed too.
      await server.call('GET', `/v1/report?from=2000-01-01T00:00:00Z&to=2000-01-01T00:15:00Z&tz=UTC`);
    });
    bar.finish();
    if (accepted !== total) throw new Error(`the server accepted ${accepted} of ${total} events`);
    return ms;
  } finally {
    await server.stop();
  }
}

/** The same bodies posted the same way to a server that stores nothing: what HTTP and JSON alone cost. */
async function bareRun(dir: string, batches: Batch[]): Promise<number> {
  const server = await startServerWorker({ file: path.join(dir, 'unused.sqlite'), dataDir: dir, bare: true });
  try {
    const { ms } = await timeOnce(async () => {
      for (const b of batches) await server.call<IngestResult>('POST', `/v1/${b.source}/events`, b.body);
    });
    return ms;
  } finally {
    await server.stop();
  }
}

export async function runIngestBench(options: { events: number; rounds: number }): Promise<IngestSummary> {
  note(`ingest: generating ~${count(options.events)} events…`);
  const { batches, warmup, events } = makeBatches(options.events);
  const windowCount = batches.reduce((n, b) => n + (b.source === 'window' ? b.events.length : 0), 0);
  const runs: Record<'raw' | 'bare' | 'store0' | 'store1' | 'http0' | 'http1', number[]> = {
    raw: [],
    bare: [],
    store0: [],
    store1: [],
    http0: [],
    http1: [],
  };
  for (let round = 1; round <= options.rounds; round++) {
    note(`ingest: round ${round}/${options.rounds}`);
    const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-bench-ingest-'));
    try {
      const file = (name: string) => path.join(dir, `${name}.sqlite`);
      runs.raw.push(rawRun(file('raw'), warmup, batches));
      runs.bare.push(await bareRun(dir, batches));
      runs.store0.push(storeRun(file('store0'), warmup, batches, []));
      runs.store1.push(storeRun(file('store1'), warmup, batches, KEPT_ZONES));
      runs.http0.push(await httpRun(path.join(dir, 'http0'), warmup, batches, events, []));
      runs.http1.push(await httpRun(path.join(dir, 'http1'), warmup, batches, events, KEPT_ZONES));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const perSec = (list: number[]) => events / (median(list) / 1000);
  const raw = perSec(runs.raw);
  const s: IngestSummary = {
    events,
    rawPerSec: raw,
    storePerSec: perSec(runs.store1),
    httpPerSec: perSec(runs.http1),
    httpOverRaw: perSec(runs.http1) / raw,
    httpNoZoneOverRaw: perSec(runs.http0) / raw,
    transportOverRaw: perSec(runs.bare) / raw,
  };
  console.log(
    `\n== ingest: ${count(events)} events (${count(windowCount)} window, ${count(events - windowCount)} browser), ` +
      `${batches.length} batches of ≤ ${BATCH}, one client, median of ${options.rounds} round(s) ==`,
  );
  const row = (label: string, list: number[]) => [
    label,
    rate(perSec(list)),
    count(median(list)),
    ratio(perSec(list) / raw),
  ];
  const zone = `1 zone kept (${KEPT_ZONES.join(', ')})`;
  console.log(
    table([
      ['path', 'events/s', 'ms', 'ratio to baseline'],
      row('raw SQLite INSERT, tx of 500 (baseline)', runs.raw),
      row('HTTP + JSON.parse only, nothing stored (transport ceiling)', runs.bare),
      row('store.ingest in-process, no zone kept', runs.store0),
      row(`store.ingest in-process, ${zone}`, runs.store1),
      row('HTTP POST /v1/{window,browser}/events, no zone kept', runs.http0),
      row(`HTTP POST /v1/{window,browser}/events, ${zone}`, runs.http1),
    ]),
  );
  console.log(
    `HTTP / raw with ${zone}, as once the dashboard has asked for a report: ${ratio(s.httpOverRaw)} — ` +
      verdict(s.httpOverRaw >= INGEST_TARGET, `≥ ${INGEST_TARGET}`),
  );
  console.log(`HTTP / raw before any report (no zone rollup kept): ${ratio(s.httpNoZoneOverRaw)}`);
  console.log(
    `HTTP + JSON alone, storing nothing, reach ${ratio(s.transportOverRaw)} of raw: the ceiling of any HTTP ingest ` +
      `here; the listener reaches ${ratio(s.httpOverRaw / s.transportOverRaw)} of that ceiling.`,
  );
  return s;
}

if (import.meta.main) {
  await runIngestBench({
    events: numberOption('--events', 'BENCH_EVENTS', 100_000),
    rounds: numberOption('--rounds', 'BENCH_ROUNDS', 3),
  });
}
