/**
 * The stored events of an export (`--raw`), as observed and unclipped: every event and manual entry that
 * overlaps the range, a local day at a time (by start; the first day also takes those that began before the
 * range and reach into it). Within a source they come in storage order among equal starts, so that an import
 * in file order resolves ties as this store does ("the one stored last wins").
 */
import type { BrowserEvent, EventSource, IdleEvent, WindowEvent } from '../shared/events.ts';
import { MANUAL_ENTRY_MAX_MS } from '../shared/planning.ts';
import { zoneFor } from '../core/zone.ts';
import { LONG_EVENT_MS, OVERLAPS } from './events.ts';
import type { DB } from './open.ts';

export type RawRecord =
  | ({ source: 'window' } & WindowEvent)
  | ({ source: 'browser' } & BrowserEvent)
  | ({ source: 'idle' } & IdleEvent)
  | {
      source: 'manual';
      id: number;
      label: string;
      category: string | null;
      startMs: number;
      endMs: number;
      note: string;
    };

export interface RawQuery {
  fromMs: number;
  toMs: number;
  tz: string;
  /** Window titles are private: without this they are exported empty. */
  titles: boolean;
}

const COLUMNS: Record<EventSource, string> = {
  window: `event_id AS eventId, app, title, start_ms AS startMs, end_ms AS endMs, app_id AS appId`,
  browser: `event_id AS eventId, user_id AS userId, domain, start_ms AS startMs, end_ms AS endMs,
            duration_ms AS durationMs, reason_closed AS reasonClosed`,
  idle: `event_id AS eventId, start_ms AS startMs, end_ms AS endMs`,
};
const MANUAL = `SELECT manual_entries.id, subjects.name AS label, categories.name AS category,
  start_ms AS startMs, end_ms AS endMs, note
  FROM manual_entries JOIN subjects ON subjects.id = manual_entries.subject_id
  LEFT JOIN categories ON categories.id = subjects.category_id`;

export class RawExports {
  private readonly db: DB;
  private readonly stmts;

  constructor(db: DB) {
    this.db = db;
    const per = (sql: (s: EventSource) => string) => ({
      window: db.prepare<number[]>(sql('window')),
      browser: db.prepare<number[]>(sql('browser')),
      idle: db.prepare<number[]>(sql('idle')),
    });
    this.stmts = {
      starting: per(
        (s) =>
          `SELECT ${COLUMNS[s]} FROM ${s}_events WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id`,
      ),
      // Began before the range and reach into it: OVERLAPS over [from, from + 1) (see events.ts).
      reaching: per(
        (s) =>
          `SELECT ${COLUMNS[s]} FROM ${s}_events WHERE (${OVERLAPS(s)}) AND start_ms < ? ORDER BY start_ms, id`,
      ),
      manualStarting: db.prepare(
        `${MANUAL} WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, manual_entries.id`,
      ),
      manualReaching: db.prepare(
        `${MANUAL} WHERE start_ms >= ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, manual_entries.id`,
      ),
      longest: db.prepare(`SELECT longest_ms FROM source_extents WHERE source = ?`).pluck(),
    };
  }

  /** One batch per local day of `tz`. Throws DomainError('invalid') for an unknown zone at once. */
  batches(query: RawQuery): Iterable<RawRecord[]> {
    const zone = zoneFor(query.tz);
    return this.read(query, (ms) => zone.dayStart(zone.localDay(ms) + 1));
  }

  private *read(query: RawQuery, nextDay: (ms: number) => number): Generator<RawRecord[]> {
    const { fromMs, toMs } = query;
    yield this.db.transaction(() => this.reaching(fromMs, query.titles))();
    for (let a = fromMs; a < toMs;) {
      const b = Math.min(toMs, nextDay(a));
      yield this.db.transaction(() => this.starting(a, b, query.titles))();
      a = b;
    }
  }

  private starting(a: number, b: number, titles: boolean): RawRecord[] {
    return this.merge(
      (s) => this.stmts.starting[s].all(a, b),
      () => this.stmts.manualStarting.all(a, b),
      titles,
    );
  }

  private reaching(at: number, titles: boolean): RawRecord[] {
    return this.merge(
      (s) => {
        const longest = Math.min((this.stmts.longest.get(s) as number | undefined) ?? 0, LONG_EVENT_MS);
        return this.stmts.reaching[s].all(at - longest, at + 1, at, at + 1, at, at);
      },
      () => this.stmts.manualReaching.all(at - MANUAL_ENTRY_MAX_MS, at, at),
      titles,
    );
  }

  /** All sources by start; the sort is stable, so each source keeps its storage order among equal starts. */
  private merge(
    rows: (source: EventSource) => unknown[],
    manual: () => unknown[],
    titles: boolean,
  ): RawRecord[] {
    const out: RawRecord[] = [];
    for (const source of ['window', 'browser', 'idle'] as const) {
      for (const row of rows(source) as Array<Record<string, unknown>>) {
        const record = { source, ...row } as RawRecord;
        if (record.source === 'window') {
          if (!titles) record.title = '';
          if (record.appId === null) delete record.appId; // NULL: the app's name is its id
        }
        out.push(record);
      }
    }
    for (const row of manual() as Array<Record<string, unknown>>)
      out.push({ source: 'manual', ...row } as RawRecord);
    return out.sort((x, y) => x.startMs - y.startMs);
  }
}
