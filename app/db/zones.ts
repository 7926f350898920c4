/**
 * Rollups on the local calendar of a time zone: per day, month and year, the time of each subject and the time
 * per (weekday, hour, category). A zone is built from the 15-minute slots the first time a report asks for it,
 * then every change to the slots is carried into every kept zone in the same transaction.
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
}

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
      all: db.prepare(`SELECT id, name, last_used_ms FROM zones`),
      find: db.prepare(`SELECT id, name, last_used_ms FROM zones WHERE name = ?`),
      insert: db.prepare(`INSERT INTO zones (name, last_used_ms) VALUES (?, ?)`),
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
      allSlots: db.prepare(`SELECT slot, subject_id, ms FROM slot_subjects`).raw(),
      subjectSlots: db.prepare(`SELECT slot, ms FROM slot_subjects WHERE subject_id = ?`),
      categories: db.prepare(`SELECT id, coalesce(category_id, 0) AS category FROM subjects`),
    };
  }

  /**
   * The zone's id for a read that must not write: its rollups must be kept already, with a recent last use.
   * Throws NeedsWrite otherwise, and the caller does its read as a write, through `ensure`.
   */
  keptId(zone: Zone, nowMs: number): number {
    const row = this.stmts.find.get(zone.name) as ZoneRow | undefined;
    if (!row || nowMs - row.last_used_ms > TOUCH_INTERVAL_MS) throw new NeedsWrite();
    return row.id;
  }

  /** The zone's id, building its rollups first if it is not kept yet. Call inside a write transaction. */
  ensure(zone: Zone, nowMs: number): number {
    const row = this.stmts.find.get(zone.name) as ZoneRow | undefined;
    if (row) {
      if (nowMs - row.last_used_ms > TOUCH_INTERVAL_MS) this.stmts.touch.run(nowMs, row.id);
      return row.id;
    }
    return this.db.transaction(() => this.build(zone, nowMs))();
  }

  /** Builds the zone's rollups if they are not kept yet; returns whether it built them. */
  prepare(zone: Zone, nowMs: number): boolean {
    if (this.stmts.find.get(zone.name)) return false;
    this.ensure(zone, nowMs);
    return true;
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
      for (const d of deltas) acc.add(d.slot, d.subjectId, categoryOf(d.subjectId), d.deltaMs);
      this.write(row.id, acc);
    }
  }

  /** Moves a subject's time from one category key to another in every kept zone (0 = no category). */
  moveSubject(subjectId: number, fromCategory: number, toCategory: number): void {
    const slots = this.stmts.subjectSlots.all(subjectId) as { slot: number; ms: number }[];
    for (const row of this.stmts.all.all() as ZoneRow[]) {
      const acc = new Deltas(zoneFor(row.name));
      for (const s of slots) {
        acc.add(s.slot, subjectId, fromCategory, -s.ms);
        acc.add(s.slot, subjectId, toCategory, s.ms);
      }
      acc.subjects.clear(); // the subject's own totals do not change
      this.write(row.id, acc);
    }
  }

  private build(zone: Zone, nowMs: number): number {
    const zones = this.stmts.all.all() as ZoneRow[];
    if (zones.length >= MAX_ZONES) {
      const oldest = zones.reduce((a, b) => (a.last_used_ms <= b.last_used_ms ? a : b));
      this.stmts.evict.run(oldest.id);
    }
    const id = Number(this.stmts.insert.run(zone.name, nowMs).lastInsertRowid);
    const categories = new Map<number, number>();
    for (const r of this.stmts.categories.all() as { id: number; category: number }[])
      categories.set(r.id, r.category);
    const acc = new Deltas(zone);
    for (const [slot, subjectId, ms] of this.stmts.allSlots.iterate() as Iterable<[number, number, number]>) {
      acc.add(slot, subjectId, categories.get(subjectId) ?? 0, ms);
    }
    this.write(id, acc);
    return id;
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
