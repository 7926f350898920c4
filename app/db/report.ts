/**
 * Reports: the range is split into pieces (see core/pieces.ts); each piece is read from the coarsest rollup
 * that answers it exactly, and the figures are put together with today's categories, so a recategorization
 * shows at once in every report.
 *
 * The trend (score and pulse per local day, or per month past 92 days) needs each subject's time per bucket of
 * its unit, so the subjects of a period piece are read at the trend's level while its hour/weekday rows keep the
 * piece's own (coarser, fewer rows). Raw and slot pieces each fall in one local day.
 *
 * ```
 * month trend, 17 June 2024 10:05 → 16 June 2026 10:05:
 * pieces:   [raw|slots][days 18–30 Jun][months Jul–Dec][year 2025][months Jan–May][days 1–15 Jun][slots|raw]
 * subjects:  by day     one sum: Jun    Jul, …, Dec     Jan, …, Dec  Jan, …, May     one sum: Jun    by day
 * trend:    [June 2024 ..............][Jul] … [Dec]    [Jan] … [Dec][Jan] … [May]   [June 2026 ..............]
 * (a day trend reads a month piece's subjects as its days)
 * ```
 */
import type {
  ByProductivity,
  Category,
  CategoryTotal,
  HourCategory,
  ProductivityOrNone,
  Report,
  SubjectTotal,
  TrendPoint,
  WeekdayCategory,
} from '../shared/report.ts';
import { PRODUCTIVITY_KEYS } from '../shared/report.ts';
import { LEVELS, splitRange, splitSlots, type Level, type Piece } from '../core/pieces.ts';
import { resolve } from '../core/resolve.ts';
import { localDaysOf, scores, trendUnit } from '../core/score.ts';
import { civilFromDay, dayOfMonthBucket, dayOfYear, isoWeekday, monthBucket, SLOT_MS } from '../core/time.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import type { Categories } from './categories.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';
import type { ZoneRollups } from './zones.ts';
import type { ZoneResolver } from './upkeep.ts';

export interface ReportQuery {
  fromMs: number;
  toMs: number;
  tz: string;
  limit?: number | undefined;
}

/** Index of a (weekday 1–7, hour 0–23) cell. */
const cell = (weekday: number, hour: number): number => (weekday - 1) * 24 + hour;

type TrendUnit = Report['trend_unit'];

/** The trend bucket of a local day: the day itself, or its month bucket (year × 12 + month − 1). */
const trendKey = (unit: TrendUnit, day: number): number =>
  unit === 'day' ? day : monthBucket(civilFromDay(day));

const isoDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Time gathered from the pieces before categories are applied. */
class Tally {
  readonly unit: TrendUnit;
  readonly subjectMs = new Map<number, number>();
  /** Per cell, time by subject (from slots and raw pieces). */
  readonly cellSubject: Array<[number, number, number]> = [];
  /** Per cell, time by category key (from the zone rollups). */
  readonly cellCategory: Array<[number, number, number]> = [];
  /** Per trend bucket, time by subject: flat (bucket, subject id, ms) triples, as there can be many. */
  readonly trendSubject: number[] = [];
  /** The last local day seen and its trend bucket (slots come in order). */
  private lastDay = Number.NaN;
  private lastKey = 0;

  constructor(unit: TrendUnit) {
    this.unit = unit;
  }

  addSubject(id: number, ms: number): void {
    this.subjectMs.set(id, (this.subjectMs.get(id) ?? 0) + ms);
  }

  addTrend(key: number, subjectId: number, ms: number): void {
    this.addSubject(subjectId, ms);
    this.trendSubject.push(key, subjectId, ms);
  }

  addLocal(zone: Zone, atMs: number, subjectId: number, ms: number): void {
    const { day, hour } = zone.local(atMs);
    if (day !== this.lastDay) [this.lastDay, this.lastKey] = [day, trendKey(this.unit, day)];
    this.addTrend(this.lastKey, subjectId, ms);
    this.cellSubject.push([cell(isoWeekday(day), hour), subjectId, ms]);
  }
}

/**
 * How to read a period piece's subjects so that each row falls in one trend bucket: rows of [level, from, to),
 * each in the trend bucket of its own rollup bucket, or (`key`) summed per subject into that one trend bucket.
 * A daily trend reads days; a monthly one reads months (a year as its twelve), and days one month at a time.
 */
interface SubjectRead {
  level: Level;
  from: number;
  to: number;
  key?: number;
}

function subjectReads(piece: Extract<Piece, { kind: 'period' }>, unit: TrendUnit): SubjectRead[] {
  const { level, from, to } = piece;
  if (unit === 'day') {
    if (level === LEVELS.month)
      return [{ level: LEVELS.day, from: dayOfMonthBucket(from), to: dayOfMonthBucket(to) }];
    if (level === LEVELS.year) return [{ level: LEVELS.day, from: dayOfYear(from), to: dayOfYear(to) }];
    return [piece];
  }
  if (level === LEVELS.year) return [{ level: LEVELS.month, from: from * 12, to: to * 12 }];
  if (level === LEVELS.month) return [piece];
  const reads: SubjectRead[] = [];
  for (let d = from; d < to;) {
    const month = trendKey('month', d);
    const next = Math.min(to, dayOfMonthBucket(month + 1));
    reads.push({ level, from: d, to: next, key: month });
    d = next;
  }
  return reads;
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
      bucketSubjects: db
        .prepare(
          `SELECT bucket, subject_id, ms FROM zone_subjects
           WHERE zone_id = ? AND level = ? AND bucket >= ? AND bucket < ?`,
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

  /**
   * The report of `q`. Its day, month and year pieces come from the zone's summaries that `resolveZone` names,
   * or, when it answers null (summaries still being built), from the 15-minute slots, exactly as well.
   */
  build(q: ReportQuery, nowMs: number, resolveZone: ZoneResolver): Report {
    const zone = zoneFor(q.tz);
    let pieces = splitRange(q.fromMs, q.toMs, zone);
    const zoneId = pieces.some((p) => p.kind === 'period') ? resolveZone(zone, q) : 0;
    if (zoneId === null) pieces = splitSlots(q.fromMs, q.toMs);
    const tally = new Tally(trendUnit(q.fromMs, q.toMs, zone));
    for (const piece of pieces) {
      if (piece.kind === 'raw') this.addRaw(tally, zone, piece.startMs, piece.endMs);
      else if (piece.kind === 'slots') this.addSlots(tally, zone, piece.from, piece.to);
      else if (zoneId !== null) this.addPeriod(tally, zoneId, piece);
    }
    return this.assemble(q, zone, tally);
  }

  private addRaw(tally: Tally, zone: Zone, fromMs: number, toMs: number): void {
    for (const seg of resolve(this.events.overlapping(fromMs, toMs), fromMs, toMs)) {
      const subjectId = this.subjects.idFor(seg.kind, seg.name, seg.appId);
      tally.addLocal(zone, seg.startMs, subjectId, seg.endMs - seg.startMs);
    }
  }

  private addSlots(tally: Tally, zone: Zone, from: number, to: number): void {
    for (const [slot, subjectId, ms] of this.stmts.slots.all(from, to) as [number, number, number][]) {
      tally.addLocal(zone, slot * SLOT_MS, subjectId, ms);
    }
  }

  private addPeriod(tally: Tally, zoneId: number, piece: Extract<Piece, { kind: 'period' }>): void {
    for (const { level, from, to, key } of subjectReads(piece, tally.unit)) {
      if (key === undefined) {
        const rows = this.stmts.bucketSubjects.all(zoneId, level, from, to) as [number, number, number][];
        for (const [bucket, subjectId, ms] of rows) tally.addTrend(bucket, subjectId, ms);
      } else {
        const rows = this.stmts.periodSubjects.all(zoneId, level, from, to) as [number, number][];
        for (const [subjectId, ms] of rows) tally.addTrend(key, subjectId, ms);
      }
    }
    const { level, from, to } = piece;
    for (const [weekday, hour, category, ms] of this.stmts.periodHours.all(
      zoneId,
      level,
      from,
      to,
    ) as number[][]) {
      tally.cellCategory.push([cell(weekday as number, hour as number), category as number, ms as number]);
    }
  }

  /** One point per local day (or month) the range touches, empty ones included, oldest first. */
  private trend(
    q: ReportQuery,
    zone: Zone,
    tally: Tally,
    productivityOf: (subjectId: number) => ProductivityOrNone,
  ): TrendPoint[] {
    const days = localDaysOf(q.fromMs, q.toMs, zone);
    if (days === null) return [];
    const first = trendKey(tally.unit, days.first);
    const last = trendKey(tally.unit, days.last);
    const buckets = Array.from({ length: last - first + 1 }, () => ({
      productive: 0,
      neutral: 0,
      unproductive: 0,
      uncategorized: 0,
    }));
    const memo = new Map<number, ProductivityOrNone>();
    const t = tally.trendSubject;
    for (let i = 0; i < t.length; i += 3) {
      const key = t[i] as number;
      const subjectId = t[i + 1] as number;
      const ms = t[i + 2] as number;
      let p = memo.get(subjectId);
      if (p === undefined) memo.set(subjectId, (p = productivityOf(subjectId)));
      (buckets[key - first] as ByProductivity)[p] += ms;
    }
    return buckets.map((b, i) => {
      const key = first + i;
      const day = tally.unit === 'day' ? key : dayOfMonthBucket(key);
      return {
        date: isoDate(day),
        total_ms: b.productive + b.neutral + b.unproductive + b.uncategorized,
        productive_ms: b.productive,
        ...scores(b),
      };
    });
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
    const trend = this.trend(q, zone, tally, (id) => productivityOf(categoryKeyOf(id)));
    return {
      from: new Date(q.fromMs).toISOString(),
      to: new Date(q.toMs).toISOString(),
      tz: zone.name,
      total_ms,
      by_productivity: byProductivity,
      ...scores(byProductivity),
      trend_unit: tally.unit,
      trend,
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
