/**
 * Manual entries: activities the user logs by hand ("I was at the gym 18:00–19:00"), backdated, edited and
 * deleted. In its interval an entry takes precedence over everything tracked (see core/resolve.ts), so a write
 * here marks its old and new intervals as pending and the rollups recount them.
 *
 * The label is a subject of kind 'manual', and an entry's category is its label's: giving an entry a category
 * sets it for the label, as the user's choice, so every entry with the same label shares one category (the
 * earlier ones included), exactly as every hour of one app does.
 *
 * Writes validate everything before touching subjects: Subjects caches ids, and a subject created in a
 * transaction that then rolls back would leave a stale id in that cache.
 */
import type { Deleted } from '../shared/api/index.ts';
import { MANUAL_ENTRY_MAX_MS } from '../shared/planning.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { EARLIEST_MS } from '../shared/events.ts';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../shared/names.ts';
import type { ManualEntry } from '../shared/planning.ts';
import type { Productivity } from '../shared/report.ts';
import type { Interval } from '../core/resolve.ts';
import { formatWallSpan, wallClock } from '../core/wall-clock.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import type { Categories } from './categories.ts';
import { MANUAL_OVERLAPS } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';

/** An entry as the store takes it: times already parsed to epoch ms. */
export interface ManualEntryInput {
  label: string;
  /** The label's category, by name; left out, the label keeps the one it has (a new label gets none). */
  category?: string | undefined;
  startMs: number;
  endMs: number;
  note?: string | undefined;
}
export type ManualEntryChange = Partial<ManualEntryInput>;

/** How far past the clock an entry may end: enough for "until now" typed a moment early. */
export const FUTURE_SLACK_MS = 60_000;
const MAX_LABEL = 120;
const MAX_NOTE = 1000;

interface EntryRow {
  id: number;
  subject_id: number;
  label: string;
  category: string | null;
  productivity: Productivity | null;
  start_ms: number;
  end_ms: number;
  note: string;
}

const rowToEntry = (r: EntryRow): ManualEntry => ({
  id: r.id,
  label: r.label,
  category: r.category,
  productivity: r.productivity ?? 'uncategorized',
  start: new Date(r.start_ms).toISOString(),
  end: new Date(r.end_ms).toISOString(),
  note: r.note,
});

const SELECT = `SELECT manual_entries.id, subject_id, subjects.name AS label, categories.name AS category,
  categories.productivity, start_ms, end_ms, note
  FROM manual_entries JOIN subjects ON subjects.id = manual_entries.subject_id
  LEFT JOIN categories ON categories.id = subjects.category_id`;

/** A manual_entries row as stored. */
export interface StoredEntry {
  id: number;
  subject_id: number;
  start_ms: number;
  end_ms: number;
  note: string;
  created_ms: number;
  updated_ms: number;
}

export class ManualEntries {
  private readonly subjects: Subjects;
  private readonly categories: Categories;
  private readonly changed: (intervals: Interval[]) => void;
  private readonly stmts;

  /** `changed` is told every interval whose time a write changed (the store marks those slots pending). */
  constructor(db: DB, subjects: Subjects, categories: Categories, changed: (intervals: Interval[]) => void) {
    this.subjects = subjects;
    this.categories = categories;
    this.changed = changed;
    this.stmts = {
      byId: db.prepare(`${SELECT} WHERE manual_entries.id = ?`),
      overlapping: db.prepare(`${SELECT} WHERE ${MANUAL_OVERLAPS} ORDER BY start_ms, manual_entries.id`),
      clash: db.prepare(
        `${SELECT} WHERE ${MANUAL_OVERLAPS} AND manual_entries.id IS NOT ? ORDER BY start_ms LIMIT 1`,
      ),
      insert: db.prepare(
        `INSERT INTO manual_entries (subject_id, start_ms, end_ms, note, created_ms, updated_ms)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE manual_entries SET subject_id = ?, start_ms = ?, end_ms = ?, note = ?, updated_ms = ? WHERE id = ?`,
      ),
      remove: db.prepare(`DELETE FROM manual_entries WHERE id = ?`),
      raw: db.prepare(
        `SELECT id, subject_id, start_ms, end_ms, note, created_ms, updated_ms FROM manual_entries WHERE id = ?`,
      ),
      restore: db.prepare(
        `INSERT INTO manual_entries (id, subject_id, start_ms, end_ms, note, created_ms, updated_ms)
         VALUES (@id, @subject_id, @start_ms, @end_ms, @note, @created_ms, @updated_ms)`,
      ),
    };
  }

  /** The entries overlapping [fromMs, toMs), by start. */
  list(fromMs: number, toMs: number): ManualEntry[] {
    return (this.stmts.overlapping.all(fromMs - MANUAL_ENTRY_MAX_MS, toMs, fromMs) as EntryRow[]).map(
      rowToEntry,
    );
  }

  get(id: number): ManualEntry {
    return rowToEntry(this.row(id));
  }

  /** Call inside a write transaction. Times in error messages read in `tz`. */
  create(input: ManualEntryInput, nowMs: number, tz: string): ManualEntry {
    const zone = zoneFor(tz);
    const entry = this.check(
      { label: input.label, startMs: input.startMs, endMs: input.endMs, note: input.note ?? '' },
      nowMs,
      zone,
      null,
    );
    const subjectId = this.labelSubject(entry.label, input.category, undefined);
    const id = Number(
      this.stmts.insert.run(subjectId, entry.startMs, entry.endMs, entry.note, nowMs, nowMs).lastInsertRowid,
    );
    this.changed([entry]);
    return this.get(id);
  }

  /** Call inside a write transaction; fields left out keep their value. */
  update(id: number, change: ManualEntryChange, nowMs: number, tz: string): ManualEntry {
    const zone = zoneFor(tz);
    const current = this.row(id);
    const entry = this.check(
      {
        label: change.label ?? current.label,
        startMs: change.startMs ?? current.start_ms,
        endMs: change.endMs ?? current.end_ms,
        note: change.note ?? current.note,
      },
      nowMs,
      zone,
      id,
    );
    // A renamed entry brings its category to a label that has none chosen yet.
    const subjectId = this.labelSubject(entry.label, change.category, current.category);
    this.stmts.update.run(subjectId, entry.startMs, entry.endMs, entry.note, nowMs, id);
    this.changed([{ startMs: current.start_ms, endMs: current.end_ms }, entry]);
    return this.get(id);
  }

  /** Call inside a write transaction. */
  remove(id: number): Deleted {
    const current = this.row(id);
    this.stmts.remove.run(id);
    this.changed([{ startMs: current.start_ms, endMs: current.end_ms }]);
    return { id, deleted: true };
  }

  /** The stored row of an entry, as restore() takes it back (an undo of a delete). */
  rawRow(id: number): StoredEntry {
    const row = this.stmts.raw.get(id) as StoredEntry | undefined;
    if (!row) throw notFound(`there is no manual entry with id ${id}`, 'id');
    return row;
  }

  /** Puts a deleted entry back with its id; conflict when another entry took its time since. Call inside a write. */
  restore(row: StoredEntry): void {
    const clash = this.stmts.clash.get(row.start_ms - MANUAL_ENTRY_MAX_MS, row.end_ms, row.start_ms, null) as
      EntryRow | undefined;
    if (clash) throw conflict(`another entry ("${clash.label}") now holds that time`, 'start');
    this.stmts.restore.run(row);
    this.changed([{ startMs: row.start_ms, endMs: row.end_ms }]);
  }

  private row(id: number): EntryRow {
    const row = this.stmts.byId.get(id) as EntryRow | undefined;
    if (!row) throw notFound(`there is no manual entry with id ${id}`, 'id');
    return row;
  }

  /**
   * The subject of a label, with its category: `category` when given (unknown_category otherwise, thrown
   * before any subject is created); else, for a label without a choice yet, `inherited` (a renamed entry's)
   * or none, recorded as the user's so that no default or rule ever recategorizes a logged activity.
   */
  private labelSubject(
    label: string,
    category: string | undefined,
    inherited: string | null | undefined,
  ): number {
    if (category !== undefined) {
      this.categories.assign('manual', label, category);
    } else {
      const existing = this.subjects.find('manual', label);
      if (existing === undefined || this.subjects.sourceOf(existing) !== 'user')
        this.categories.assign('manual', label, inherited ?? null);
    }
    return this.subjects.idFor('manual', label);
  }

  /** The entry's fields, trimmed and checked; throws validation_failed or conflict. */
  private check(
    e: { label: string; startMs: number; endMs: number; note: string },
    nowMs: number,
    zone: Zone,
    self: number | null,
  ): { label: string; startMs: number; endMs: number; note: string } {
    const label = e.label.trim();
    if (label.length === 0) throw invalid('a label is required', 'label');
    if (label.length > MAX_LABEL) throw invalid(`a label is at most ${MAX_LABEL} characters`, 'label');
    if (hasControlCharacter(label)) throw invalid(CONTROL_CHARACTER_MESSAGE, 'label');
    if (e.note.length > MAX_NOTE) throw invalid(`a note is at most ${MAX_NOTE} characters`, 'note');
    if (hasControlCharacter(e.note)) throw invalid(CONTROL_CHARACTER_MESSAGE, 'note');
    if (!Number.isSafeInteger(e.startMs)) throw invalid('start is not a time', 'startMs');
    if (!Number.isSafeInteger(e.endMs)) throw invalid('end is not a time', 'endMs');
    if (e.endMs <= e.startMs) throw invalid('end must be after start', 'endMs');
    if (e.endMs - e.startMs > MANUAL_ENTRY_MAX_MS) throw invalid('an entry lasts at most 7 days', 'endMs');
    if (e.startMs < EARLIEST_MS) throw invalid('start is before the year 2000', 'startMs');
    if (e.endMs > nowMs + FUTURE_SLACK_MS) {
      const end = wallClock(zone, e.endMs);
      throw invalid(
        `the entry ends in the future (${end.date} ${end.time} ${zone.name}); only time that has passed can be logged`,
        'endMs',
      );
    }
    const clash = this.stmts.clash.get(e.startMs - MANUAL_ENTRY_MAX_MS, e.endMs, e.startMs, self) as
      EntryRow | undefined;
    if (clash) {
      throw conflict(
        `overlaps "${clash.label}" ${formatWallSpan(zone, clash.start_ms, clash.end_ms)} ${zone.name} ` +
          `(entry ${clash.id}); manual entries cannot overlap`,
        'startMs',
      );
    }
    return { label, startMs: e.startMs, endMs: e.endMs, note: e.note };
  }
}
