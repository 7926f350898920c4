/**
 * Reports: the range is split into pieces (see core/pieces.ts); each piece is read from the coarsest rollup
 * that answers it exactly, and the figures are put together with today's categories, so a recategorization
 * shows at once in every report.
 */
import type {
  Category,
  CategoryTotal,
  HourCategory,
  ProductivityOrNone,
  Report,
  SubjectTotal,
  WeekdayCategory,
} from '../shared/report.ts';
import { PRODUCTIVITY_KEYS } from '../shared/report.ts';
import { splitRange, type Level } from '../core/pieces.ts';
import { resolve } from '../core/resolve.ts';
import { isoWeekday, SLOT_MS } from '../core/time.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import type { Categories } from './categories.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';
import type { ZoneRollups } from './zones.ts';

export interface ReportQuery {
  fromMs: number;
  toMs: number;
  tz: string;
  limit?: number | undefined;
}

/** Index of a (weekday 1–7, hour 0–23) cell. */
const cell = (weekday: number, hour: number): number => (weekday - 1) * 24 + hour;

/** Time gathered from the pieces before categories are applied. */
class Tally {
  readonly subjectMs = new Map<number, number>();
  /** Per cell, time by subject (from slots and raw pieces). */
  readonly cellSubject: Array<[number, number, number]> = [];
  /** Per cell, time by category key (from the zone rollups). */
  readonly cellCategory: Array<[number, number, number]> = [];

  addSubject(id: number, ms: number): void {
    this.subjectMs.set(id, (this.subjectMs.get(id) ?? 0) + ms);
  }

  addLocal(zone: Zone, atMs: number, subjectId: number, ms: number): void {
    const { day, hour } = zone.local(atMs);
    this.addSubject(subjectId, ms);
    this.cellSubject.push([cell(isoWeekday(day), hour), subjectId, ms]);
  }
}

export class Reports {
  private readonly events: EventTables;
  private readonly subjects: Subjects;
  private readonly zones: ZoneRollups;
  private readonly categories: Categories;
  private readonly stmts;

  constructor(db: DB, events: EventTables, subjects: Subjects, zones: ZoneRollups, categories: Categories) {
    this.events = events;
    this.subjects = subjects;
    this.zones = zones;
    this.categories = categories;
    this.stmts = {
      slots: db.prepare(`SELECT slot, subject_id, ms FROM slot_subjects WHERE slot >= ? AND slot < ?`).raw(),
      periodSubjects: db
        .prepare(
          `SELECT subject_id, sum(ms) FROM zone_subjects
           WHERE zone_id = ? AND level = ? AND bucket >= ? AND bucket < ? GROUP BY subject_id`,
        )
        .raw(),
      periodHours: db
        .prepare(
          `SELECT weekday, hour, category_id, sum(ms) FROM zone_hours
           WHERE zone_id = ? AND level = ? AND bucket >= ? AND bucket < ? GROUP BY weekday, hour, category_id`,
        )
        .raw(),
    };
  }

  build(q: ReportQuery, nowMs: number): Report {
    const zone = zoneFor(q.tz);
    const pieces = splitRange(q.fromMs, q.toMs, zone);
    const zoneId = pieces.some((p) => p.kind === 'period') ? this.zones.ensure(zone, nowMs) : 0;
    const tally = new Tally();
    for (const piece of pieces) {
      if (piece.kind === 'raw') this.addRaw(tally, zone, piece.startMs, piece.endMs);
      else if (piece.kind === 'slots') this.addSlots(tally, zone, piece.from, piece.to);
      else this.addPeriod(tally, zoneId, piece.level, piece.from, piece.to);
    }
    return this.assemble(q, zone, tally);
  }

  private addRaw(tally: Tally, zone: Zone, fromMs: number, toMs: number): void {
    for (const seg of resolve(this.events.overlapping(fromMs, toMs), fromMs, toMs)) {
      tally.addLocal(zone, seg.startMs, this.subjects.idFor(seg.kind, seg.name), seg.endMs - seg.startMs);
    }
  }

  private addSlots(tally: Tally, zone: Zone, from: number, to: number): void {
    for (const [slot, subjectId, ms] of this.stmts.slots.all(from, to) as [number, number, number][]) {
      tally.addLocal(zone, slot * SLOT_MS, subjectId, ms);
    }
  }

  private addPeriod(tally: Tally, zoneId: number, level: Level, from: number, to: number): void {
    for (const [subjectId, ms] of this.stmts.periodSubjects.all(zoneId, level, from, to) as [
      number,
      number,
    ][]) {
      tally.addSubject(subjectId, ms);
    }
    for (const [weekday, hour, category, ms] of this.stmts.periodHours.all(
      zoneId,
      level,
      from,
      to,
    ) as number[][]) {
      tally.cellCategory.push([cell(weekday as number, hour as number), category as number, ms as number]);
    }
  }

  private assemble(q: ReportQuery, zone: Zone, tally: Tally): Report {
    const categories = new Map<number, Category>(this.categories.list().map((c) => [c.id, c]));
    const productivityOf = (categoryKey: number): ProductivityOrNone =>
      categories.get(categoryKey)?.productivity ?? 'uncategorized';
    const info = this.subjects.byIds(tally.subjectMs.keys());
    const categoryKeyOf = (subjectId: number): number => info.get(subjectId)?.category_id ?? 0;

    // Time per (weekday, hour) cell, by category key; productivity is the category's, applied now.
    const cells = new Map<number, number[]>();
    const addCell = (index: number, categoryKey: number, ms: number): void => {
      let row = cells.get(categoryKey);
      if (!row) cells.set(categoryKey, (row = new Array<number>(7 * 24).fill(0)));
      row[index]! += ms;
    };
    for (const [index, subjectId, ms] of tally.cellSubject) addCell(index, categoryKeyOf(subjectId), ms);
    for (const [index, category, ms] of tally.cellCategory) addCell(index, category, ms);
    const grid = PRODUCTIVITY_KEYS.map(() => new Array<number>(7 * 24).fill(0));
    for (const [key, row] of cells) {
      const target = grid[PRODUCTIVITY_KEYS.indexOf(productivityOf(key))] as number[];
      row.forEach((ms, index) => (target[index]! += ms));
    }
    const hourCategories: HourCategory[] = [];
    const weekdayCategories: WeekdayCategory[] = [];
    for (const [key, row] of cells) {
      const category = categories.get(key)?.name ?? null;
      for (let hour = 0; hour < 24; hour++) {
        const ms = row.reduce((sum, v, index) => (index % 24 === hour ? sum + v : sum), 0);
        if (ms > 0) hourCategories.push({ hour, category, ms });
      }
      for (let w = 0; w < 7; w++) {
        const ms = row.slice(w * 24, w * 24 + 24).reduce((sum, v) => sum + v, 0);
        if (ms > 0) weekdayCategories.push({ weekday: w + 1, category, ms });
      }
    }
    hourCategories.sort((a, b) => a.hour - b.hour || b.ms - a.ms);
    weekdayCategories.sort((a, b) => a.weekday - b.weekday || b.ms - a.ms);

    const subjects: SubjectTotal[] = [];
    const byCategory = new Map<number, number>();
    for (const [id, ms] of tally.subjectMs) {
      const row = info.get(id);
      if (!row || ms === 0) continue;
      const key = categoryKeyOf(id);
      byCategory.set(key, (byCategory.get(key) ?? 0) + ms);
      subjects.push({
        kind: row.kind,
        name: row.name,
        ms,
        category: categories.get(key)?.name ?? null,
        productivity: productivityOf(key),
      });
    }
    subjects.sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
    const categoryTotals: CategoryTotal[] = [...byCategory]
      .map(([key, ms]) => ({
        name: categories.get(key)?.name ?? null,
        ms,
        productivity: productivityOf(key),
      }))
      .sort((a, b) => b.ms - a.ms);

    const sumCells = (p: number, pick: (index: number) => boolean): number =>
      (grid[p] as number[]).reduce((sum, ms, index) => (pick(index) ? sum + ms : sum), 0);
    const breakdown = (pick: (index: number) => boolean) => {
      const entries = PRODUCTIVITY_KEYS.map((key, p) => [key, sumCells(p, pick)] as const);
      return {
        total_ms: entries.reduce((sum, [, ms]) => sum + ms, 0),
        ...(Object.fromEntries(entries) as Record<ProductivityOrNone, number>),
      };
    };
    const all = breakdown(() => true);
    const { total_ms, ...byProductivity } = all;
    const limit = q.limit ?? Number.POSITIVE_INFINITY;
    return {
      from: new Date(q.fromMs).toISOString(),
      to: new Date(q.toMs).toISOString(),
      tz: zone.name,
      total_ms,
      by_productivity: byProductivity,
      score: null, // TODO(score): filled in by the score/pulse/trend work
      pulse: null,
      trend_unit: 'day',
      trend: [],
      by_hour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...breakdown((i) => i % 24 === hour) })),
      by_weekday: Array.from({ length: 7 }, (_, w) => ({
        weekday: w + 1,
        ...breakdown((i) => Math.floor(i / 24) === w),
      })),
      subjects: subjects.slice(0, limit),
      categories: categoryTotals,
      shrinkage: subjects.filter((s) => s.productivity === 'unproductive').slice(0, limit),
      hour_categories: hourCategories,
      weekday_categories: weekdayCategories,
    };
  }
}
