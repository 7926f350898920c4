/**
 * Rollups on the local calendar of a time zone: per day, month and year, the time of each subject and the time
 * per (weekday, hour, category). A zone is built from the 15-minute slots the first time a report asks for it,
 * then every change to the slots is carried into every kept zone in the same transaction.
 *
 * The build goes in steps of a few milliseconds of work, each its own short transaction, so that other writes (and,
 * in the daemon, other requests) go on between them. `built_to_slot` marks how far it got:
 *
 * ```
 * slots:        [........counted........)[.......not yet.......]
 *                                        built_to_slot
 * a slot change below it → carried into the zone at once (as for a complete zone)
 * a slot change from it on → nothing now: the step that reaches it reads the slot as it is then
 * ```
 */
import { LEVELS } from '../core/pieces.ts';
import { civilFromDay, isoWeekday, monthBucket, SLOT_MS } from '../core/time.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';

/** A change of one subject's time in one slot. */
export interface SlotDelta {
  slot: number;
  subjectId: number;
  deltaMs: number;
}

/** Zones kept up to date at once; the least recently used beyond this are dropped and rebuilt when asked for. */
export const MAX_ZONES = 6;

/** A read found that the rollups it needs have to be written first (pending slots, a zone not kept yet). */
export class NeedsWrite extends Error {
  constructor() {
    super('the rollups need writing before this read');
    this.name = 'NeedsWrite';
  }
}

/** Whether a read may write what it needs first ('write', inside a write transaction) or must not ('read'). */
export type RollupAccess = 'read' | 'write';
/** last_used_ms is refreshed at most this often, so reports stay read-only in the common case. */
const TOUCH_INTERVAL_MS = 60 * 60_000;

interface ZoneRow {
  id: number;
  name: string;
  last_used_ms: number;
  /** The first slot not counted yet; null once the zone is complete. */
  built_to_slot: number | null;
}

/**
 * How long one build step counts slots before it writes what it counted, and how many summary rows it writes at
 * most: together, about how long a request can wait for a step (some tens of milliseconds on a loaded machine).
 */
export const BUILD_STEP_MS = 8;
const BUILD_STEP_ROWS = 2_500;
const SLOTS_PER_DAY = 96;

/** How far a zone's build is: done, or the share of the slots' time span counted so far. */
export type BuildProgress = { done: true } | { done: false; fraction: number };

/** Where a slot falls on a zone's local calendar: its three buckets, weekday and hour. */
interface SlotPlace {
  buckets: [number, number, number];
  weekday: number;
  hour: number;
}

// Rollup rows are keyed by numbers packed below 2^53, cheaper than string keys on the hot path:
// subjects: (bucket × 4 + level) × 2^24 + subject id; hours: (((bucket × 4 + level) × 8 + weekday) × 32 + hour) × 2^20
// + category id. Subject ids stay below 2^24 and category ids below 2^20 (checked when packing).
const SUBJECT_BITS = 2 ** 24;
const CATEGORY_BITS = 2 ** 20;

/** Accumulates deltas per rollup row before writing them, so each row is written once per transaction. */
class Deltas {
  readonly subjects = new Map<number, number>();
  readonly hours = new Map<number, number>();
  private readonly places = new Map<number, SlotPlace>();
  private readonly zone: Zone;

  constructor(zone: Zone) {
    this.zone = zone;
  }

  add(slot: number, subjectId: number, categoryId: number, ms: number): void {
    if (subjectId >= SUBJECT_BITS || categoryId >= CATEGORY_BITS)
      throw new RangeError('rollup key out of range');
    const place = this.place(slot);
    for (const [i, level] of [LEVELS.day, LEVELS.month, LEVELS.year].entries()) {
      const row = (place.buckets[i] as number) * 4 + level;
      const s = row * SUBJECT_BITS + subjectId;
      this.subjects.set(s, (this.subjects.get(s) ?? 0) + ms);
      const h = ((row * 8 + place.weekday) * 32 + place.hour) * CATEGORY_BITS + categoryId;
      this.hours.set(h, (this.hours.get(h) ?? 0) + ms);
    }
  }

  private place(slot: number): SlotPlace {
    let place = this.places.get(slot);
    if (!place) {
      const { day, hour } = this.zone.local(slot * SLOT_MS);
      const civil = civilFromDay(day);
      place = { buckets: [day, monthBucket(civil), civil.year], weekday: isoWeekday(day), hour };
      this.places.set(slot, place);
    }
    return place;
  }
}

/** The slots below this one are counted in the zone (all of them once it is complete). */
const countedBelow = (row: ZoneRow): number => row.built_to_slot ?? Number.POSITIVE_INFINITY;

/** Unpacks a row key: [level, bucket, rest] where rest is what was packed below the row. */
function unpack(key: number, below: number): [number, number, number] {
  const row = Math.floor(key / below);
  const level = ((row % 4) + 4) % 4;
  return [level, (row - level) / 4, key - row * below];
}

export class ZoneRollups {
  private readonly db: DB;
  private readonly subjects: Subjects;
  private readonly stmts;

  constructor(db: DB, subjects: Subjects) {
    this.db = db;
    this.subjects = subjects;
    this.stmts = {
      all: db.prepare(`SELECT id, name, last_used_ms, built_to_slot FROM zones`),
      find: db.prepare(`SELECT id, name, last_used_ms, built_to_slot FROM zones WHERE name = ?`),
      insert: db.prepare(`INSERT INTO zones (name, last_used_ms, built_to_slot) VALUES (?, ?, ?)`),
      builtTo: db.prepare(`UPDATE zones SET built_to_slot = ? WHERE id = ?`),
      firstSlotFrom: db.prepare(`SELECT min(slot) FROM slot_subjects WHERE slot >= ?`).pluck(),
      // Two subqueries: SQLite reads min() alone or max() alone from the key's ends, but scans the whole table
      // for both in one SELECT (31 ms on 5 years, once per build step: most of a build's time).
      slotSpan: db.prepare(
        `SELECT (SELECT min(slot) FROM slot_subjects) AS first, (SELECT max(slot) FROM slot_subjects) AS last`,
      ),
      slotsIn: db
        .prepare(`SELECT slot, subject_id, ms FROM slot_subjects WHERE slot >= ? AND slot < ?`)
        .raw(),
      touch: db.prepare(`UPDATE zones SET last_used_ms = ? WHERE id = ?`),
      evict: db.prepare(`DELETE FROM zones WHERE id = ?`),
      addSubject: db.prepare(
        `INSERT INTO zone_subjects (zone_id, level, bucket, subject_id, ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET ms = ms + excluded.ms`,
      ),
      dropEmptySubject: db.prepare(
        `DELETE FROM zone_subjects WHERE zone_id = ? AND level = ? AND bucket = ? AND subject_id = ? AND ms = 0`,
      ),
      addHour: db.prepare(
        `INSERT INTO zone_hours (zone_id, level, bucket, weekday, hour, category_id, ms) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET ms = ms + excluded.ms`,
      ),
      dropEmptyHour: db.prepare(
        `DELETE FROM zone_hours WHERE zone_id = ? AND level = ? AND bucket = ? AND weekday = ? AND hour = ?
         AND category_id = ? AND ms = 0`,
      ),
      subjectSlots: db.prepare(`SELECT slot, ms FROM slot_subjects WHERE subject_id = ?`),
      categories: db.prepare(`SELECT id, coalesce(category_id, 0) AS category FROM subjects`),
    };
  }

  /**
   * A zone whose rollups are complete, for a read (which writes nothing): its id, and whether its last use is
   * old enough to be recorded again (by a write, for the eviction of the least used). Null when the zone is not
   * kept, or its build is not done.
   */
  complete(zone: Zone, nowMs: number): { id: number; touchDue: boolean } | null {
    const row = this.stmts.find.get(zone.name) as ZoneRow | undefined;
    if (!row || row.built_to_slot !== null) return null;
    return { id: row.id, touchDue: nowMs - row.last_used_ms > TOUCH_INTERVAL_MS };
  }

  /** The zone's id, building its rollups first if it is not kept yet. Call inside a write transaction. */
  ensure(zone: Zone, nowMs: number): number {
    const row = this.stmts.find.get(zone.name) as ZoneRow | undefined;
    if (row && row.built_to_slot === null) {
      if (nowMs - row.last_used_ms > TOUCH_INTERVAL_MS) this.stmts.touch.run(nowMs, row.id);
      return row.id;
    }
    for (;;) {
      const progress = this.buildStep(zone, nowMs, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
      if (progress.done) return (this.stmts.find.get(zone.name) as ZoneRow).id;
    }
  }

  /**
   * One step of building the zone's rollups, started if the zone is not kept yet: a day of slots after another
   * until `budgetMs` has passed or `maxRows` summary rows are to be written. Call inside a write transaction; call again until it answers done.
   */
  buildStep(zone: Zone, nowMs: number, budgetMs = BUILD_STEP_MS, maxRows = BUILD_STEP_ROWS): BuildProgress {
    let row = this.stmts.find.get(zone.name) as ZoneRow | undefined;
    if (!row) row = this.start(zone, nowMs);
    if (row.built_to_slot === null) return { done: true };
    const categories = new Map<number, number>();
    for (const r of this.stmts.categories.all() as { id: number; category: number }[])
      categories.set(r.id, r.category);
    const acc = new Deltas(zone);
    const started = performance.now();
    let next: number | null = row.built_to_slot;
    do {
      const to = next + SLOTS_PER_DAY;
      for (const [slot, subjectId, ms] of this.stmts.slotsIn.iterate(next, to) as Iterable<
        [number, number, number]
      >)
        acc.add(slot, subjectId, categories.get(subjectId) ?? 0, ms);
      // The next day with time (empty stretches are skipped), or none: the zone is complete.
      next = this.stmts.firstSlotFrom.get(to) as number | null;
      // Writing what was counted costs about as much again as counting it: both are bounded.
    } while (
      next !== null &&
      performance.now() - started < budgetMs &&
      acc.subjects.size + acc.hours.size < maxRows
    );
    this.write(row.id, acc);
    this.stmts.builtTo.run(next, row.id);
    return next === null ? { done: true } : { done: false, fraction: this.fraction(next) };
  }

  /** How far the zone's build is; a zone not kept at all has not started (0). */
  progress(zone: Zone): BuildProgress {
    const row = this.stmts.find.get(zone.name) as ZoneRow | undefined;
    if (row?.built_to_slot === null) return { done: true };
    return { done: false, fraction: row ? this.fraction(row.built_to_slot as number) : 0 };
  }

  private fraction(builtTo: number): number {
    const span = this.stmts.slotSpan.get() as { first: number | null; last: number | null };
    if (span.first === null || span.last === null || span.last <= span.first) return 0;
    return Math.min(1, Math.max(0, (builtTo - span.first) / (span.last + 1 - span.first)));
  }

  /** Carries slot changes into every kept zone. Call inside the transaction that changed the slots. */
  applySlotDeltas(deltas: SlotDelta[]): void {
    if (deltas.length === 0) return;
    const categories = new Map<number, number>();
    const categoryOf = (id: number): number => {
      let c = categories.get(id);
      if (c === undefined) categories.set(id, (c = this.subjects.categoryKey(id)));
      return c;
    };
    for (const row of this.stmts.all.all() as ZoneRow[]) {
      const acc = new Deltas(zoneFor(row.name));
      const counted = countedBelow(row);
      for (const d of deltas)
        if (d.slot < counted) acc.add(d.slot, d.subjectId, categoryOf(d.subjectId), d.deltaMs);
      this.write(row.id, acc);
    }
  }

  /** Moves a subject's time from one category key to another in every kept zone (0 = no category). */
  moveSubject(subjectId: number, fromCategory: number, toCategory: number): void {
    const slots = this.stmts.subjectSlots.all(subjectId) as { slot: number; ms: number }[];
    for (const row of this.stmts.all.all() as ZoneRow[]) {
      const acc = new Deltas(zoneFor(row.name));
      const counted = countedBelow(row);
      for (const s of slots) {
        if (s.slot >= counted) continue;
        acc.add(s.slot, subjectId, fromCategory, -s.ms);
        acc.add(s.slot, subjectId, toCategory, s.ms);
      }
      acc.subjects.clear(); // the subject's own totals do not change
      this.write(row.id, acc);
    }
  }

  /** Starts keeping a zone (the least recently used one goes when six are kept): nothing counted yet. */
  private start(zone: Zone, nowMs: number): ZoneRow {
    const zones = this.stmts.all.all() as ZoneRow[];
    if (zones.length >= MAX_ZONES) {
      const oldest = zones.reduce((a, b) => (a.last_used_ms <= b.last_used_ms ? a : b));
      this.stmts.evict.run(oldest.id);
    }
    const first = this.stmts.firstSlotFrom.get(Number.MIN_SAFE_INTEGER) as number | null;
    const id = Number(this.stmts.insert.run(zone.name, nowMs, first).lastInsertRowid);
    return { id, name: zone.name, last_used_ms: nowMs, built_to_slot: first };
  }

  private write(zoneId: number, acc: Deltas): void {
    for (const [key, ms] of acc.subjects) {
      if (ms === 0) continue;
      const [level, bucket, subjectId] = unpack(key, SUBJECT_BITS);
      this.stmts.addSubject.run(zoneId, level, bucket, subjectId, ms);
      if (ms < 0) this.stmts.dropEmptySubject.run(zoneId, level, bucket, subjectId);
    }
    for (const [key, ms] of acc.hours) {
      if (ms === 0) continue;
      const [level, bucket, rest] = unpack(key, 8 * 32 * CATEGORY_BITS);
      const weekday = Math.floor(rest / (32 * CATEGORY_BITS));
      const hour = Math.floor((rest % (32 * CATEGORY_BITS)) / CATEGORY_BITS);
      const category = rest % CATEGORY_BITS;
      this.stmts.addHour.run(zoneId, level, bucket, weekday, hour, category, ms);
      if (ms < 0) this.stmts.dropEmptyHour.run(zoneId, level, bucket, weekday, hour, category);
    }
  }
}
