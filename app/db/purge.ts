/**
 * Deleting what was recorded: a range of time, an app, a domain (with its subdomains) or everything. One write
 * transaction removes the raw events and the entries logged by hand, marks the time they held pending and
 * brings the rollups up to date, then removes the subjects left with no time, so that their names leave the
 * database with their events. What stays is the user's own configuration: categories, rules (a rule's pattern
 * may name a site), goals, and the settings file's exclusions.
 *
 * A range `[from, to)` cuts the events and entries that cross its edges, keeping their parts outside it:
 *
 * ```
 * range:            [from.........to)
 * window:  [code.........][slack...........]      [mail]
 * after:   [code..]                [slack..]      [mail]
 * idle:       [away.......................]       (one event over both edges: two pieces, the second a new event)
 * after:      [aw]                 [away..]
 * ```
 *
 * An app takes its window events, which its title-rule subjects (`<app> — <pattern>`) come from too; a domain
 * takes its browser events and those of its subdomains, and the titles that would still tell of it: those of
 * the browser windows focused while it was shown (the page's title), and any window title naming it. Those
 * window events stay (the browser's time is still the browser's) with an empty title. Idle periods belong to no app or domain: only a range
 * and `all` delete them, and manual entries likewise (a logged activity is not an app or a site).
 */
import { isBrowserApp } from '../core/browsers.ts';
import { invalid } from '../core/errors.ts';
import type { Interval } from '../core/resolve.ts';
import { resolve } from '../core/resolve.ts';
import { SLOT_MS } from '../core/time.ts';
import { normalizeDomain } from '../shared/hostname.ts';
import type { SubjectKind } from '../shared/report.ts';
import { LONG_EVENT_MS, type EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { SlotRollup } from './rollups.ts';

export type PurgeSelector =
  | { kind: 'range'; fromMs: number; toMs: number }
  | { kind: 'app'; name: string }
  | { kind: 'domain'; name: string }
  | { kind: 'all' };

/** What a purge takes (or took): rows of each table, and the time reports counted for it. */
export interface PurgeSummary {
  windowEvents: number;
  browserEvents: number;
  idleEvents: number;
  manualEntries: number;
  /** Of those, the events and entries a range cuts at its edges (their parts outside it stay). */
  cut: number;
  /** The time reports counted for what goes: the subjects' whole time, or the range's. */
  trackedMs: number;
  /** For a domain: window titles that would still tell of it, emptied (their events stay). */
  titlesCleared: number;
  /** For an app or a domain: the subjects it names, each with its time (a title rule's subjects included). */
  subjects: Array<{ kind: SubjectKind; name: string; ms: number }>;
}

export interface PurgeOutcome extends PurgeSummary {
  /** Subjects left without time or entries, removed with their names (and their categories). */
  subjectsRemoved: number;
}

type Table = 'window_events' | 'browser_events' | 'idle_events' | 'manual_entries';
const TABLES: readonly Table[] = ['window_events', 'browser_events', 'idle_events', 'manual_entries'];

/** The columns a piece cut off after a range copies from its event, the new event_id apart. */
const COPIED: Record<Table, string> = {
  window_events: 'app, title, origin',
  browser_events: 'user_id, domain, reason_closed, received_ms',
  idle_events: 'origin',
  manual_entries: 'subject_id, note, created_ms, updated_ms',
};

/** Rows of a table a range touches (:f, :t): overlapping it, or of no length inside it. */
const IN_RANGE = `((start_ms < :t AND end_ms > :f) OR (start_ms = end_ms AND start_ms >= :f AND start_ms < :t))`;
const CROSSING = `((start_ms < :f AND end_ms > :f) OR (start_ms >= :f AND start_ms < :t AND end_ms > :t))`;
/** A domain and its subdomains (:d), compared on the text, so `_` or `%` in a name mean nothing special. */
const domainMatch = (column: string) => `(${column} = :d OR substr(${column}, -length(:d) - 1) = '.' || :d)`;
const DOMAIN_MATCH = domainMatch('domain');
/** An app's subjects: itself and its title-rule subjects `<app> — <pattern>`. */
const APP_SUBJECTS = `kind = 'app' AND (name = :a OR substr(name, 1, length(:a) + 3) = :a || ' — ')`;
const DOMAIN_SUBJECTS = `kind = 'domain' AND (name = :d OR substr(name, -length(:d) - 1) = '.' || :d)`;

/** The event_id of the piece after a range: the original's, marked, within the wire's 128 characters. */
const afterPieceId = (table: Table, t: number): string => {
  if (table === 'manual_entries') return '';
  const suffix = `:cut${t.toString(36)}`;
  return `substr(event_id, 1, ${128 - suffix.length}) || '${suffix}'`;
};

export class Purges {
  private readonly db: DB;
  private readonly events: EventTables;
  private readonly slots: SlotRollup;

  constructor(db: DB, events: EventTables, slots: SlotRollup) {
    this.db = db;
    this.events = events;
    this.slots = slots;
  }

  /** What `apply` would take now. Call inside a transaction, with the rollups of what it counts up to date. */
  preview(given: PurgeSelector): PurgeSummary {
    const selector = checkSelector(given);
    const count = (table: Table, where: string, params?: object): number => {
      const statement = this.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck();
      return (params ? statement.get(params) : statement.get()) as number;
    };
    const none = {
      windowEvents: 0,
      browserEvents: 0,
      idleEvents: 0,
      manualEntries: 0,
      cut: 0,
      titlesCleared: 0,
    };
    switch (selector.kind) {
      case 'all':
        return {
          windowEvents: count('window_events', '1'),
          browserEvents: count('browser_events', '1'),
          idleEvents: count('idle_events', '1'),
          manualEntries: count('manual_entries', '1'),
          cut: 0,
          titlesCleared: 0,
          trackedMs: this.db
            .prepare(`SELECT coalesce(sum(ms), 0) FROM slot_subjects`)
            .pluck()
            .get() as number,
          subjects: [],
        };
      case 'range': {
        const p = { f: selector.fromMs, t: selector.toMs };
        return {
          windowEvents: count('window_events', IN_RANGE, p),
          browserEvents: count('browser_events', IN_RANGE, p),
          idleEvents: count('idle_events', IN_RANGE, p),
          manualEntries: count('manual_entries', IN_RANGE, p),
          cut: TABLES.reduce((sum, table) => sum + count(table, CROSSING, p), 0),
          titlesCleared: 0,
          trackedMs: this.rangeMs(selector.fromMs, selector.toMs),
          subjects: [],
        };
      }
      case 'app': {
        const subjects = this.subjectTimes(APP_SUBJECTS, { a: selector.name });
        return {
          ...none,
          windowEvents: count('window_events', 'app = :a', { a: selector.name }),
          trackedMs: subjects.reduce((sum, s) => sum + s.ms, 0),
          subjects,
        };
      }
      case 'domain': {
        const subjects = this.subjectTimes(DOMAIN_SUBJECTS, { d: selector.name });
        return {
          ...none,
          browserEvents: count('browser_events', DOMAIN_MATCH, { d: selector.name }),
          titlesCleared: this.titlesOf(selector.name).length,
          trackedMs: subjects.reduce((sum, s) => sum + s.ms, 0),
          subjects,
        };
      }
    }
  }

  /**
   * Deletes what the selector names and brings the rollups up to date. Call inside a write transaction; the
   * caller forgets cached subject ids afterwards (subjects go).
   */
  apply(given: PurgeSelector): PurgeOutcome {
    const selector = checkSelector(given);
    this.slots.refreshPending(); // the summary counts the rollups' time
    const summary = this.preview(selector);
    if (selector.kind === 'all') return { ...summary, subjectsRemoved: this.deleteEverything() };
    let candidates: number[];
    if (selector.kind === 'range') candidates = this.cutRange(selector.fromMs, selector.toMs);
    else {
      const [table, where, params, subjects] =
        selector.kind === 'app'
          ? (['window_events', 'app = :a', { a: selector.name }, APP_SUBJECTS] as const)
          : (['browser_events', DOMAIN_MATCH, { d: selector.name }, DOMAIN_SUBJECTS] as const);
      const changed = this.db
        .prepare(`SELECT start_ms AS startMs, end_ms AS endMs FROM ${table} WHERE ${where}`)
        .all(params) as Interval[];
      if (selector.kind === 'domain') {
        const titles = this.titlesOf(selector.name);
        const clear = this.db.prepare(`UPDATE window_events SET title = '' WHERE id = ?`);
        for (const w of titles) clear.run(w.id);
        // A title rule may have counted them as a subject of their own: they count as their app now.
        changed.push(...titles);
      }
      this.db.prepare(`DELETE FROM ${table} WHERE ${where}`).run(params);
      this.slots.markPending(changed);
      candidates = this.db
        .prepare(`SELECT id FROM subjects WHERE ${subjects}`)
        .pluck()
        .all(params) as number[];
    }
    this.slots.refreshPending();
    return { ...summary, subjectsRemoved: this.removeEmptySubjects(candidates) };
  }

  /**
   * The window events whose title tells of the domain: browser windows focused while one of its pages was
   * shown (their title is the page's), looked for a day back through the start_ms index, and titles naming it.
   */
  private titlesOf(domain: string): Array<Interval & { id: number }> {
    const found = new Map<number, Interval & { id: number }>();
    const shown = this.db.prepare(
      `SELECT DISTINCT w.id, w.app, w.start_ms AS startMs, w.end_ms AS endMs
       FROM browser_events b JOIN window_events w
         ON w.start_ms >= b.start_ms - ${LONG_EVENT_MS} AND w.start_ms < b.end_ms AND w.end_ms > b.start_ms
       WHERE ${domainMatch('b.domain')} AND w.title <> ''`,
    );
    for (const w of shown.iterate({ d: domain }) as Iterable<Interval & { id: number; app: string }>)
      if (isBrowserApp(w.app)) found.set(w.id, { id: w.id, startMs: w.startMs, endMs: w.endMs });
    const naming = this.db.prepare(
      `SELECT id, start_ms AS startMs, end_ms AS endMs FROM window_events WHERE instr(lower(title), :d) > 0`,
    );
    for (const w of naming.iterate({ d: domain }) as Iterable<Interval & { id: number }>) found.set(w.id, w);
    return [...found.values()];
  }

  /** The subjects matching `where`, each with its time in the slots. */
  private subjectTimes(where: string, params: object): PurgeSummary['subjects'] {
    return this.db
      .prepare(
        `SELECT kind, name, (SELECT coalesce(sum(ms), 0) FROM slot_subjects WHERE subject_id = subjects.id) AS ms
         FROM subjects WHERE ${where} ORDER BY ms DESC, name`,
      )
      .all(params) as PurgeSummary['subjects'];
  }

  /** The time counted in [fromMs, toMs): whole slots from the rollup, the parts of slots at its ends resolved. */
  private rangeMs(fromMs: number, toMs: number): number {
    const resolved = (a: number, b: number): number =>
      b <= a ? 0 : resolve(this.events.overlapping(a, b), a, b).reduce((s, x) => s + x.endMs - x.startMs, 0);
    const firstWhole = Math.ceil(fromMs / SLOT_MS);
    const endWhole = Math.floor(toMs / SLOT_MS);
    if (endWhole <= firstWhole) return resolved(fromMs, toMs);
    const whole = this.db
      .prepare(`SELECT coalesce(sum(ms), 0) FROM slot_subjects WHERE slot >= ? AND slot < ?`)
      .pluck()
      .get(firstWhole, endWhole) as number;
    return resolved(fromMs, firstWhole * SLOT_MS) + whole + resolved(endWhole * SLOT_MS, toMs);
  }

  /** Cuts every table at [f, t) (see the diagram above); returns the subjects that may be left without time. */
  private cutRange(f: number, t: number): number[] {
    const p = { f, t };
    let lo = f;
    let hi = t;
    for (const table of TABLES) {
      const span = this.db
        .prepare(`SELECT min(start_ms) AS lo, max(end_ms) AS hi FROM ${table} WHERE ${CROSSING}`)
        .get(p) as { lo: number | null; hi: number | null };
      lo = Math.min(lo, span.lo ?? lo);
      hi = Math.max(hi, span.hi ?? hi);
    }
    const loSlot = Math.floor(lo / SLOT_MS);
    const hiSlot = Math.ceil(hi / SLOT_MS);
    const candidates = new Set(
      this.db
        .prepare(`SELECT DISTINCT subject_id FROM slot_subjects WHERE slot >= ? AND slot < ?`)
        .pluck()
        .all(loSlot, hiSlot) as number[],
    );
    for (const id of this.db
      .prepare(`SELECT DISTINCT subject_id FROM manual_entries WHERE ${IN_RANGE}`)
      .pluck()
      .all(p) as number[])
      candidates.add(id);
    for (const table of TABLES) {
      const duration = table === 'browser_events' ? ', duration_ms = end_ms - start_ms' : '';
      const id = table === 'manual_entries' ? '' : `${afterPieceId(table, t)}, `;
      const idColumn = table === 'manual_entries' ? '' : 'event_id, ';
      const durationColumn = table === 'browser_events' ? ', duration_ms' : '';
      const durationValue = table === 'browser_events' ? ', end_ms - :t' : '';
      // An event over both edges keeps its row before the range and gets a new one after it.
      this.db
        .prepare(
          `INSERT INTO ${table} (${idColumn}${COPIED[table]}, start_ms, end_ms${durationColumn})
           SELECT ${id}${COPIED[table]}, :t, end_ms${durationValue} FROM ${table} WHERE start_ms < :f AND end_ms > :t`,
        )
        .run(p);
      this.db
        .prepare(`UPDATE ${table} SET end_ms = :f${duration} WHERE start_ms < :f AND end_ms > :f`)
        .run(p);
      this.db
        .prepare(
          `UPDATE ${table} SET start_ms = :t${duration} WHERE start_ms >= :f AND start_ms < :t AND end_ms > :t`,
        )
        .run(p);
      this.db.prepare(`DELETE FROM ${table} WHERE start_ms >= :f AND start_ms < :t`).run(p);
    }
    this.slots.markPending([{ startMs: lo, endMs: hi }]);
    return [...candidates];
  }

  /** Removes the subjects among `ids` with no time left and no entry logged by hand; returns how many. */
  private removeEmptySubjects(ids: number[]): number {
    const remove = this.db.prepare(
      `DELETE FROM subjects WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM slot_subjects WHERE subject_id = subjects.id)
         AND NOT EXISTS (SELECT 1 FROM manual_entries WHERE subject_id = subjects.id)`,
    );
    // A zone still being built may hold rows of a subject whose slots it has counted: none are left with time.
    const zoneRows = this.db.prepare(`DELETE FROM zone_subjects WHERE subject_id = ?`);
    let removed = 0;
    for (const id of ids) {
      if (remove.run(id).changes === 0) continue;
      zoneRows.run(id);
      removed++;
    }
    return removed;
  }

  /** Everything recorded goes; categories, rules, goals, zones kept (empty) and the installation's id stay. */
  private deleteEverything(): number {
    for (const table of [
      ...TABLES,
      'long_events',
      'pending_slots',
      'slot_subjects',
      'zone_subjects',
      'zone_hours',
    ])
      this.db.prepare(`DELETE FROM ${table}`).run();
    return this.db.prepare(`DELETE FROM subjects`).run().changes;
  }
}

/**
 * The selector as stored names read (a domain lower-cased, without a trailing dot); throws
 * DomainError('invalid') for one that names nothing sensible.
 */
export function checkSelector(selector: PurgeSelector): PurgeSelector {
  switch (selector.kind) {
    case 'range':
      if (!Number.isSafeInteger(selector.fromMs)) throw invalid('from is not a time', 'fromMs');
      if (!Number.isSafeInteger(selector.toMs)) throw invalid('to is not a time', 'toMs');
      if (selector.toMs <= selector.fromMs) throw invalid('to must be after from', 'toMs');
      return selector;
    case 'app':
      if (selector.name.length === 0) throw invalid('an app name is required', 'app');
      return selector;
    case 'domain': {
      const name = normalizeDomain(selector.name);
      if (name === null) throw invalid(`"${selector.name}" is not a host name`, 'domain');
      return { kind: 'domain', name };
    }
    case 'all':
      return selector;
  }
}
