/**
 * Crash safety as a user meets it: a client streams batches of window, browser and idle events over HTTP to a
 * real `timeaudit serve`, which is killed (SIGKILL) at chosen or random moments and started again on the same
 * data folder. After the last restart every event a 200 acknowledged (accepted or duplicate) is stored, every
 * stored event was sent as stored, and reports over many ranges equal the brute-force oracle over the stored
 * events (events sent but never acknowledged may or may not be there). The ranges include ones starting inside
 * the last events sent before each kill and inside the events longer than any before them, the case a crash
 * right after a write used to lose.
 *
 *   round r:  start ─ two streams of batches ─ 200 ─ SIGKILL 0–5 ms later (or 0–20 ms after a large batch is sent)
 *   round r+1: start ─ the unanswered batches again, then new events, some inside round r's long ones ─ …
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/synthetic.ts';
import { defaultCategoryFor } from '../db/default-categories.ts';
import { databasePath } from '../db/open.ts';
import { figuresOf, oracle, type OracleData } from '../db/report-oracle.testing.ts';
import type { IngestResult } from '../shared/events.ts';
import type { Report } from '../shared/report.ts';
import { EVENT_SCHEMA_VERSION } from '../shared/version.ts';
import { REQUEST_TIMEOUT_MS, runCli, startDaemon, type Daemon } from './daemon.testing.ts';

const SEED = 20_260_510;
const MIN = 60_000;
const HOUR = 60 * MIN;
const APPS = ['Code', 'Google Chrome', 'firefox', 'Terminal', 'Slack'];
const DOMAINS = ['github.com', 'youtube.com', 'docs.rs', 'news.ycombinator.com'];
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York'];
const BATCHES_PER_STREAM = 30;
/** Per round, one event of each source longer than any before it; the last window one is over a day long. */
const RECORDS = {
  window: [2, 3, 5, 8, 13, 20, 26].map((h) => h * HOUR),
  browser: [30, 45, 60, 120, 180, 240, 300].map((m) => m * MIN),
  idle: [40, 60, 90, 120, 180, 300, 400].map((m) => m * MIN),
};
/**
 * Where each round is killed: a few milliseconds after the 200 of a batch holding a record event (or of any
 * batch), or a moment after a large batch is sent, while the daemon may be storing it.
 */
type KillPlan =
  | { after: 'record'; source: Source; maxDelayMs: number }
  | { after: 'any-batch'; maxDelayMs: number }
  | { after: 'sending'; maxDelayMs: number };
const PLANS: KillPlan[] = [
  { after: 'record', source: 'window', maxDelayMs: 0 },
  { after: 'record', source: 'idle', maxDelayMs: 5 },
  { after: 'sending', maxDelayMs: 20 },
  { after: 'record', source: 'window', maxDelayMs: 5 },
  { after: 'any-batch', maxDelayMs: 2 },
  { after: 'record', source: 'browser', maxDelayMs: 0 },
  { after: 'sending', maxDelayMs: 20 },
];

type Source = 'window' | 'browser' | 'idle';
interface Sent {
  source: Source;
  eventId: string;
  startMs: number;
  endMs: number;
  app: string;
  title: string;
  domain: string;
}
interface Batch {
  source: Source;
  events: Sent[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const wire = (e: Sent) => ({
  event_id: e.eventId,
  start_ts: iso(e.startMs),
  end_ts: iso(e.endMs),
  duration_ms: e.endMs - e.startMs,
  schema_version: EVENT_SCHEMA_VERSION,
  ...(e.source === 'window' ? { app: e.app, title: e.title } : {}),
  ...(e.source === 'browser' ? { user_id: 'crash-test', domain: e.domain, reason_closed: 'tab_switch' } : {}),
});

/** The events a user's machine would send: windows one after another, browser and idle time among them. */
class Events {
  private readonly random: () => number;
  private cursor: number;
  private n = 0;
  /** The record events of the round before, where some of the next round's events land. */
  private previousRecords: Sent[] = [];

  constructor(seed: number, startMs: number) {
    this.random = mulberry32(seed);
    this.cursor = startMs;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)] as T;
  }

  /**
   * Two streams of batches for a round: windows, and browser plus idle time; each holds one record event. The
   * window batch `large` holds a few hundred events, which take the daemon a while to store.
   */
  round(r: number, large: number): { windows: Batch[]; others: Batch[]; records: Sent[] } {
    const records: Sent[] = [];
    const windows: Batch[] = [];
    const others: Batch[] = [];
    const windowRecordAt = this.int(2, 12);
    const browserRecordAt = this.int(2, 12);
    const idleRecordAt = this.int(2, 12);
    for (let b = 0; b < BATCHES_PER_STREAM; b++) {
      const events = Array.from({ length: b === large ? 400 : this.int(1, 12) }, () => this.window());
      if (b === windowRecordAt) events.push(this.record('window', RECORDS.window[r]!, records));
      windows.push({ source: 'window', events });
      const source = this.random() < 0.75 ? 'browser' : 'idle';
      const more = Array.from({ length: this.int(1, 8) }, () => this.near(source));
      if (b < 4 && this.previousRecords.length > 0) more.push(this.inside(source));
      if (b === browserRecordAt && source === 'browser')
        more.push(this.record('browser', RECORDS.browser[r]!, records));
      if (b === browserRecordAt && source === 'idle')
        others.push({
          source: 'browser',
          events: [this.record('browser', RECORDS.browser[r]!, records)],
        });
      if (b === idleRecordAt && source === 'idle') more.push(this.record('idle', RECORDS.idle[r]!, records));
      if (b === idleRecordAt && source === 'browser')
        others.push({
          source: 'idle',
          events: [this.record('idle', RECORDS.idle[r]!, records)],
        });
      others.push({ source, events: more });
    }
    this.previousRecords = records;
    return { windows, others, records };
  }

  private event(source: Source, startMs: number, lengthMs: number): Sent {
    return {
      source,
      eventId: `${source}-${this.n++}`,
      startMs,
      endMs: startMs + lengthMs,
      app: this.pick(APPS),
      title: this.pick(['main.ts', 'Inbox', '', 'PROJ-1 board']),
      domain: this.pick(DOMAINS),
    };
  }

  /** The next window, from about where the last one ended (sometimes overlapping it), a few seconds to 15 min. */
  private window(): Sent {
    const e = this.event('window', this.cursor + this.int(-20_000, 5_000), this.int(5_000, 15 * MIN));
    this.cursor = e.endMs;
    return e;
  }

  /** Browser or idle time around the recent windows. */
  private near(source: Source): Sent {
    const length = source === 'browser' ? this.int(1_000, 10 * MIN) : this.int(MIN, 20 * MIN);
    return this.event(source, this.cursor - this.int(0, 30 * MIN), length);
  }

  /** Starts at the cursor, lasts `lengthMs`, and the next windows follow it. */
  private record(source: Source, lengthMs: number, records: Sent[]): Sent {
    const e = this.event(source, this.cursor + this.int(0, 999), lengthMs);
    if (source === 'window') this.cursor = e.endMs;
    records.push(e);
    return e;
  }

  /** A short event inside one of the previous round's record events: its slot is resolved again. */
  private inside(source: Source): Sent {
    const r = this.pick(this.previousRecords);
    const start = r.startMs + this.int(0, r.endMs - r.startMs - 10 * MIN);
    return this.event(source, start, this.int(1_000, 10 * MIN));
  }
}

async function post(url: string, token: string, batch: Batch): Promise<IngestResult | null> {
  try {
    const res = await fetch(`${url}/v1/${batch.source}/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ events: batch.events.map(wire) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (res.status !== 200) return null;
    return (await res.json()) as IngestResult;
  } catch {
    return null; // refused, reset or cut off by the kill: not acknowledged
  }
}

async function report(url: string, token: string, fromMs: number, toMs: number, tz: string) {
  const query = new URLSearchParams({ from: iso(fromMs), to: iso(toMs), tz });
  const res = await fetch(`${url}/v1/report?${query}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

/** The events stored in the data folder, in the order they were stored (the order that breaks ties). */
function storedEvents(dir: string): Sent[] {
  const db = new Database(databasePath(dir), { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all() as Array<Omit<Sent, 'source'>>;
    return [
      ...rows(`SELECT event_id AS eventId, app, title, '' AS domain, start_ms AS startMs, end_ms AS endMs
               FROM window_events ORDER BY id`).map((r) => ({
        ...r,
        source: 'window' as const,
      })),
      ...rows(`SELECT event_id AS eventId, '' AS app, '' AS title, domain, start_ms AS startMs, end_ms AS endMs
               FROM browser_events ORDER BY id`).map((r) => ({
        ...r,
        source: 'browser' as const,
      })),
      ...rows(`SELECT event_id AS eventId, '' AS app, '' AS title, '' AS domain, start_ms AS startMs,
               end_ms AS endMs FROM idle_events ORDER BY id`).map((r) => ({
        ...r,
        source: 'idle' as const,
      })),
    ];
  } finally {
    db.close();
  }
}

/** What of an event a stored row keeps. */
const stored = (e: Sent) => ({
  source: e.source,
  eventId: e.eventId,
  startMs: e.startMs,
  endMs: e.endMs,
  app: e.source === 'window' ? e.app : '',
  title: e.source === 'window' ? e.title : '',
  domain: e.source === 'browser' ? e.domain : '',
});

const dirs: string[] = [];
let running: Daemon | null = null;
afterEach(async () => {
  await running?.kill();
  running = null;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('a daemon killed while events stream in', () => {
  it('keeps every acknowledged event, and its reports match the events it kept', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-crash-'));
    dirs.push(dir);
    const env = {
      ...process.env,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      TIMEAUDIT_LOG_LEVEL: 'warn',
    };
    const start = () => startDaemon(['--port', '0', '--no-track', '--data-dir', dir], env);
    const hourAgo = Math.floor(Date.now() / HOUR) * HOUR;
    const events = new Events(SEED, hourAgo - 30 * 24 * HOUR);
    const sent = new Map<string, Sent>();
    const acknowledged = new Set<string>();
    /** Batches sent but not answered with a 200, or never sent: sent again in the next round. */
    let unanswered: Batch[] = [];
    /** Per round, the last batch of each stream that was sent: reports start inside its events. */
    const lastSent: Batch[] = [];
    const records: Sent[] = [];

    running = await start();
    const token = runCli(['token', '--data-dir', dir], env).stdout.trim();
    for (const [r, plan] of PLANS.entries()) {
      const daemon = running;
      const chosen = {
        stream: plan.after === 'sending' ? 0 : events.int(0, 1),
        batch: events.int(3, 20),
      };
      const round = events.round(r, plan.after === 'sending' ? chosen.batch : -1);
      records.push(...round.records);
      const windows = [...unanswered.filter((b) => b.source === 'window'), ...round.windows];
      const others = [...unanswered.filter((b) => b.source !== 'window'), ...round.others];
      unanswered = [];
      let killed: Promise<void> | null = null;
      const kill = (delayMs: number) => {
        killed ??= new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => daemon.kill());
      };
      const delayMs = events.int(0, plan.maxDelayMs);
      const chosenBatch = (chosen.stream === 0 ? round.windows : round.others)[chosen.batch];
      const killsAfter = (batch: Batch): boolean =>
        plan.after === 'record'
          ? batch.events.some((e) => e.source === plan.source && round.records.includes(e))
          : plan.after === 'any-batch' && batch === chosenBatch;
      const killsWhileSending = (batch: Batch): boolean => plan.after === 'sending' && batch === chosenBatch;

      const stream = async (batches: Batch[]) => {
        let last: Batch | undefined;
        for (const [i, batch] of batches.entries()) {
          for (const e of batch.events) sent.set(e.eventId, e);
          last = batch;
          const answer = post(daemon.url, token, batch);
          if (killsWhileSending(batch)) kill(delayMs);
          const result = await answer;
          if (!result) {
            unanswered.push(...batches.slice(i));
            break;
          }
          expect(result.rejected).toEqual([]);
          expect(result.accepted + result.duplicates).toBe(batch.events.length);
          for (const e of batch.events) acknowledged.add(e.eventId);
          if (killsAfter(batch)) kill(delayMs);
        }
        if (last) lastSent.push(last);
      };
      // The streams go on until the daemon is gone; whatever the plan, the round ends with a kill.
      await Promise.all([stream(windows), stream(others)]);
      kill(0);
      await killed;
      running = await start();
    }

    // Reports over: all the time, ranges starting inside the record events and inside the last events sent
    // before each kill, and ranges at random; in zones with DST, half-hour offsets and 45-minute offsets.
    const all = [...sent.values()];
    const first = Math.min(...all.map((e) => e.startMs));
    const end = Math.max(...all.map((e) => e.endMs));
    const ranges: Array<[number, number, string]> = ZONES.map((tz) => [first - HOUR, end + HOUR, tz]);
    const inside = (e: Sent) => e.startMs + events.int(1, Math.max(1, e.endMs - e.startMs - 1));
    for (const e of [...records, ...lastSent.flatMap((b) => b.events.slice(-4))]) {
      const from = inside(e);
      ranges.push([from, e.endMs + events.int(1, 3 * HOUR), events.pick(ZONES)]);
      ranges.push([from, from + events.int(1, 40 * MIN), events.pick(ZONES)]);
    }
    for (let i = 0; i < 20; i++) {
      const from = events.int(first - HOUR, end);
      ranges.push([from, from + events.int(MIN, 3 * 24 * HOUR), events.pick(ZONES)]);
    }
    const daemon = running;
    const reports: Report[] = [];
    for (const [from, to, tz] of ranges) reports.push(await report(daemon.url, token, from, to, tz));
    expect(await daemon.stop()).toBe(0);
    running = null;

    const kept = storedEvents(dir);
    const keptIds = new Set(kept.map((e) => e.eventId));
    expect([...acknowledged].filter((id) => !keptIds.has(id))).toEqual([]);
    for (const e of kept) expect(e).toEqual(stored(sent.get(e.eventId) ?? { ...e, eventId: 'never sent' }));

    const data: OracleData = {
      window: kept.filter((e) => e.source === 'window'),
      browser: kept.filter((e) => e.source === 'browser'),
      idle: kept.filter((e) => e.source === 'idle'),
      manual: [],
    };
    const categoryOf = (kind: string, name: string) =>
      defaultCategoryFor(kind as 'app' | 'domain', name)?.name ?? null;
    ranges.forEach(([from, to, tz], i) => {
      const { dates, ...expected } = oracle(data, from, to, tz, categoryOf, []);
      expect(figuresOf(reports[i]!), `report ${iso(from)} – ${iso(to)} in ${tz}`).toEqual(expected);
      expect(reports[i]!.trend.reduce((sum, point) => sum + point.total_ms, 0)).toBe(
        [...dates.values()].reduce((sum, d) => sum + Object.values(d).reduce((a, b) => a + b, 0), 0),
      );
    });
  }, 120_000);
});
