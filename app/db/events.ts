/**
 * The raw event tables: what each source observed, stored once per event_id, read back by time range together
 * with the activities logged by hand (manual_entries, written by manual.ts), which resolve() puts first. A
 * window's subject is named as it is read, by the title rules of the moment (core/rules.ts): a rule change
 * re-reads past time instead of rewriting events.
 */
import type { BrowserEvent, EventSource, IdleEvent, WindowEvent } from '../shared/events.ts';
import { MANUAL_ENTRY_MAX_MS } from '../shared/planning.ts';
import type { BrowserSpan, Interval, ManualSpan, Streams, WindowSpan } from '../core/resolve.ts';
import type { WindowSubjects } from '../core/rules.ts';
import type { DB } from './open.ts';

interface WindowRow {
  id: number;
  app: string;
  app_id: string | null;
  /** Read only when a title rule may need it. */
  title?: string;
  start_ms: number;
  end_ms: number;
}
interface BrowserRow {
  id: number;
  domain: string;
  start_ms: number;
  end_ms: number;
}
interface IntervalRow {
  start_ms: number;
  end_ms: number;
}
interface ManualRow {
  id: number;
  label: string;
  start_ms: number;
  end_ms: number;
}

const rowToWindowSpan = (r: WindowRow, name: string): WindowSpan => ({
  startMs: r.start_ms,
  endMs: r.end_ms,
  app: r.app,
  name,
  ...(r.app_id === null ? {} : { appId: r.app_id }),
  seq: r.id,
});
const rowToBrowserSpan = (r: BrowserRow): BrowserSpan => ({
  startMs: r.start_ms,
  endMs: r.end_ms,
  domain: r.domain,
  seq: r.id,
});
const rowToInterval = (r: IntervalRow): Interval => ({ startMs: r.start_ms, endMs: r.end_ms });
const rowToManualSpan = (r: ManualRow): ManualSpan => ({
  startMs: r.start_ms,
  endMs: r.end_ms,
  label: r.label,
  seq: r.id,
});

export type Origin = 'tracker' | 'api';

/** Events longer than this are also listed in long_events (migration 0003), and read from there. */
export const LONG_EVENT_MS = 86_400_000;

/**
 * The events of one source overlapping [a, b), with parameters (a − look-back, b, a, b, a): short events through
 * the start_ms index, looking back at most a day; long ones through the small long_events table.
 */
export const OVERLAPS = (source: EventSource): string =>
  `(start_ms >= ? AND start_ms < ? AND end_ms > ? AND end_ms - start_ms <= ${LONG_EVENT_MS})
   OR id IN (SELECT event_id FROM long_events WHERE source = '${source}' AND start_ms < ? AND end_ms > ?)`;

/**
 * The manual entries overlapping [a, b), with parameters (a − MANUAL_ENTRY_MAX_MS, b, a): the store keeps
 * every entry within that length, so the start_ms index bounds the search on both sides.
 */
export const MANUAL_OVERLAPS = `start_ms >= ? AND start_ms < ? AND end_ms > ?`;

/**
 * The raw app id of the window event of an app that started last among those overlapping [a, b): the OVERLAPS
 * parameters, then the app. The start_ms index bounds the range; its few rows are filtered by app and sorted.
 */
export const WINDOW_APP_ID = `SELECT app_id FROM window_events WHERE (${OVERLAPS('window')}) AND app = ?
  ORDER BY start_ms DESC, id DESC LIMIT 1`;

/** What a tracker save did: the interval it replaced, if any, so the caller knows which time changed. */
export type Replaced = { stored: false } | { stored: true; previous: Interval | null };

/** Without title rules every window counts as its app. */
const BY_APP: WindowSubjects = { byTitle: false, subjectOf: (app) => app };

export class EventTables {
  private readonly db: DB;
  private readonly stmts;
  private readonly pendingExtents = new Map<EventSource, number>();
  private readonly windowSubjects: () => WindowSubjects;

  /** `windowSubjects` gives the title rules of the moment (Rules.windowSubjects). */
  constructor(db: DB, windowSubjects: () => WindowSubjects = () => BY_APP) {
    this.db = db;
    this.windowSubjects = windowSubjects;
    this.stmts = {
      insertWindow: db.prepare(
        `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin, app_id)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
      ),
      insertBrowser: db.prepare(
        `INSERT INTO browser_events (event_id, user_id, domain, start_ms, end_ms, duration_ms, reason_closed, received_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
      ),
      insertIdle: db.prepare(
        `INSERT INTO idle_events (event_id, start_ms, end_ms, origin) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
      ),
      findWindow: db.prepare(`SELECT start_ms, end_ms, origin FROM window_events WHERE event_id = ?`),
      findIdle: db.prepare(`SELECT start_ms, end_ms, origin FROM idle_events WHERE event_id = ?`),
      updateWindow: db.prepare(
        `UPDATE window_events SET app = ?, title = ?, start_ms = ?, end_ms = ?, app_id = ? WHERE event_id = ?`,
      ),
      updateIdle: db.prepare(`UPDATE idle_events SET start_ms = ?, end_ms = ? WHERE event_id = ?`),
      extent: db.prepare(
        `INSERT INTO source_extents (source, longest_ms) VALUES (?, ?)
         ON CONFLICT (source) DO UPDATE SET longest_ms = max(longest_ms, excluded.longest_ms)`,
      ),
      extents: db.prepare(`SELECT source, longest_ms FROM source_extents`),
      windowsIn: db.prepare(
        `SELECT id, app, app_id, start_ms, end_ms FROM window_events WHERE ${OVERLAPS('window')}`,
      ),
      titledWindowsIn: db.prepare(
        `SELECT id, app, app_id, title, start_ms, end_ms FROM window_events WHERE ${OVERLAPS('window')}`,
      ),
      appIdIn: db.prepare(WINDOW_APP_ID).pluck(),
      allWindows: db.prepare(`SELECT app, title, start_ms, end_ms FROM window_events`),
      browsersIn: db.prepare(
        `SELECT id, domain, start_ms, end_ms FROM browser_events WHERE ${OVERLAPS('browser')}`,
      ),
      idleIn: db.prepare(`SELECT start_ms, end_ms FROM idle_events WHERE ${OVERLAPS('idle')}`),
      manualIn: db.prepare(
        `SELECT manual_entries.id, subjects.name AS label, start_ms, end_ms
         FROM manual_entries JOIN subjects ON subjects.id = manual_entries.subject_id WHERE ${MANUAL_OVERLAPS}`,
      ),
    };
  }

  /** Returns true when stored, false when the event_id was already there. */
  insertWindow(e: WindowEvent, origin: Origin): boolean {
    const stored =
      this.stmts.insertWindow.run(e.eventId, e.app, e.title, e.startMs, e.endMs, origin, e.appId ?? null)
        .changes > 0;
    if (stored) this.noteExtent('window', e);
    return stored;
  }

  insertBrowser(e: BrowserEvent, receivedMs: number): boolean {
    const stored =
      this.stmts.insertBrowser.run(
        e.eventId,
        e.userId,
        e.domain,
        e.startMs,
        e.endMs,
        e.durationMs,
        e.reasonClosed,
        receivedMs,
      ).changes > 0;
    if (stored) this.noteExtent('browser', e);
    return stored;
  }

  insertIdle(e: IdleEvent, origin: Origin): boolean {
    const stored = this.stmts.insertIdle.run(e.eventId, e.startMs, e.endMs, origin).changes > 0;
    if (stored) this.noteExtent('idle', e);
    return stored;
  }

  /** A tracker's save: a new event_id is inserted, one of its own is replaced, one posted through the API is kept. */
  saveTrackedWindow(e: WindowEvent): Replaced {
    const row = this.stmts.findWindow.get(e.eventId) as (IntervalRow & { origin: Origin }) | undefined;
    if (!row) return { stored: this.insertWindow(e, 'tracker'), previous: null } as Replaced;
    if (row.origin !== 'tracker') return { stored: false };
    this.stmts.updateWindow.run(e.app, e.title, e.startMs, e.endMs, e.appId ?? null, e.eventId);
    this.noteExtent('window', e);
    return { stored: true, previous: rowToInterval(row) };
  }

  saveTrackedIdle(e: IdleEvent): Replaced {
    const row = this.stmts.findIdle.get(e.eventId) as (IntervalRow & { origin: Origin }) | undefined;
    if (!row) return { stored: this.insertIdle(e, 'tracker'), previous: null } as Replaced;
    if (row.origin !== 'tracker') return { stored: false };
    this.stmts.updateIdle.run(e.startMs, e.endMs, e.eventId);
    this.noteExtent('idle', e);
    return { stored: true, previous: rowToInterval(row) };
  }

  /** Every event of every source, and every manual entry, overlapping [fromMs, toMs), by the start_ms indexes. */
  overlapping(fromMs: number, toMs: number): Streams {
    const range = this.rangeParams(fromMs, toMs);
    const subjects = this.windowSubjects();
    const window = subjects.byTitle
      ? (this.stmts.titledWindowsIn.all(...range('window')) as WindowRow[]).map((r) =>
          rowToWindowSpan(r, subjects.subjectOf(r.app, r.title ?? '')),
        )
      : (this.stmts.windowsIn.all(...range('window')) as WindowRow[]).map((r) => rowToWindowSpan(r, r.app));
    return {
      window,
      browser: (this.stmts.browsersIn.all(...range('browser')) as BrowserRow[]).map(rowToBrowserSpan),
      idle: (this.stmts.idleIn.all(...range('idle')) as IntervalRow[]).map(rowToInterval),
      manual: (this.stmts.manualIn.all(fromMs - MANUAL_ENTRY_MAX_MS, toMs, fromMs) as ManualRow[]).map(
        rowToManualSpan,
      ),
    };
  }

  /** The window events overlapping [fromMs, toMs) with their titles, by start (an export's titles). */
  windowTitles(fromMs: number, toMs: number): Array<WindowSpan & { title: string }> {
    const range = this.rangeParams(fromMs, toMs);
    return (this.stmts.titledWindowsIn.all(...range('window')) as Required<WindowRow>[]).map((r) => ({
      ...rowToWindowSpan(r, r.app),
      title: r.title,
    }));
  }

  /**
   * The raw app id of the window event of `app` overlapping [fromMs, toMs) that started last: null when it
   * had none (its app is its id) or there is no such event.
   */
  appIdIn(app: string, fromMs: number, toMs: number): string | null {
    const range = this.rangeParams(fromMs, toMs)('window');
    return (this.stmts.appIdIn.get(...range, app) as string | null | undefined) ?? null;
  }

  /** The parameters of OVERLAPS for [fromMs, toMs), per source: it looks back as far as the longest event. */
  private rangeParams(fromMs: number, toMs: number): (source: EventSource) => number[] {
    this.flushExtents();
    const longest = new Map<string, number>();
    for (const r of this.stmts.extents.all() as { source: string; longest_ms: number }[])
      longest.set(r.source, r.longest_ms);
    return (source) => [
      fromMs - Math.min(longest.get(source) ?? 0, LONG_EVENT_MS),
      toMs,
      fromMs,
      toMs,
      fromMs,
    ];
  }

  /**
   * The window events whose subject differs between two sets of title rules, and how many window events there
   * are: one pass over them all, at little more than the cost of reading the rows, since each matcher matches
   * a title once and then answers from its cache.
   */
  windowsMoved(before: WindowSubjects, after: WindowSubjects): { moved: Interval[]; windows: number } {
    const moved: Interval[] = [];
    let windows = 0;
    for (const r of this.stmts.allWindows.iterate() as Iterable<Required<Omit<WindowRow, 'id'>>>) {
      windows++;
      if (before.subjectOf(r.app, r.title) !== after.subjectOf(r.app, r.title)) {
        moved.push({ startMs: r.start_ms, endMs: r.end_ms });
      }
    }
    return { moved, windows };
  }

  /**
   * Stores the longest events noted since the last flush. Range reads look back as far as the longest event,
   * so this belongs to the transaction that stored the events: call it before that transaction commits (the
   * store does, at the end of every write), and forgetExtents() when it rolls back.
   */
  flushExtents(): void {
    for (const [source, ms] of this.pendingExtents) this.stmts.extent.run(source, ms);
    this.pendingExtents.clear();
  }

  /** Drops what was noted in a transaction that rolled back. */
  forgetExtents(): void {
    this.pendingExtents.clear();
  }

  /**
   * Records each source's true longest event where a shorter one is recorded (a crash between a write and the
   * storing of its extent could leave that behind), and returns the events longer than the length recorded
   * before: range reads looked back too little to see them, so the rollups of their slots may lack them.
   * Reads every event once.
   */
  repairExtents(): Interval[] {
    const missed: Interval[] = [];
    for (const source of ['window', 'browser', 'idle'] as const) {
      const table = `${source}_events`;
      const longest = this.db
        .prepare(`SELECT min(max(end_ms - start_ms), ${LONG_EVENT_MS}) FROM ${table}`)
        .pluck()
        .get() as number | null;
      const recorded =
        (this.db.prepare(`SELECT longest_ms FROM source_extents WHERE source = ?`).pluck().get(source) as
          number | undefined) ?? 0;
      if (longest === null || longest <= recorded) continue;
      const rows = this.db
        .prepare(
          `SELECT start_ms, end_ms FROM ${table} WHERE end_ms - start_ms > ? AND end_ms - start_ms <= ${LONG_EVENT_MS}`,
        )
        .all(recorded) as IntervalRow[];
      missed.push(...rows.map(rowToInterval));
      this.stmts.extent.run(source, longest);
    }
    return missed;
  }

  /** Longest events are gathered per write and stored once at its end (flushExtents), not once per event. */
  private noteExtent(source: EventSource, e: Interval): void {
    const ms = Math.min(e.endMs - e.startMs, LONG_EVENT_MS);
    if (ms > (this.pendingExtents.get(source) ?? -1)) this.pendingExtents.set(source, ms);
  }
}
