/**
 * Drill-down reads: one subject's time looked at more closely.
 * - An app's window titles: the raw events of the range resolved as a report resolves them, each window named
 *   by its subject and title, so a title's time is exactly the share of the app's time it had (a browser window
 *   whose time went to a site, idle time and time under a hand-logged entry count for no title).
 * - A subject's time per local day: its 15-minute slots summed by the local day each starts in.
 *
 * ```
 * window:  [Code: a.ts......][Code: b.ts..][Code: a.ts.]
 * idle:                  [away]
 * titles:  a.ts = [......]    + [.........]; b.ts = [...]
 * ```
 */
import type { DayTotal, TitleTotal } from '../shared/drill.ts';
import type { SubjectKind } from '../shared/report.ts';
import { resolve } from '../core/resolve.ts';
import { DAY_MS, SLOT_MS } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';

const SEPARATOR = '\u0000';
/** Raw events are resolved a day at a time, so that a long range never holds all its events at once. */
const CHUNK_MS = DAY_MS;

const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export class Drilldowns {
  private readonly events: EventTables;
  private readonly subjects: Subjects;
  private readonly slotsOf;

  constructor(db: DB, events: EventTables, subjects: Subjects) {
    this.events = events;
    this.subjects = subjects;
    // By slot_subjects_by_subject (subject_id, slot).
    this.slotsOf = db.prepare(
      `SELECT slot, ms FROM slot_subjects WHERE subject_id = ? AND slot >= ? AND slot < ? ORDER BY slot`,
    );
  }

  /** The titles of the app subject `app` in [fromMs, toMs), longest first (ties by title). */
  titles(app: string, fromMs: number, toMs: number): TitleTotal[] {
    const totals = new Map<string, number>();
    const prefix = `${app}${SEPARATOR}`;
    for (let start = fromMs; start < toMs; start += CHUNK_MS) {
      const end = Math.min(toMs, start + CHUNK_MS);
      const streams = this.events.overlapping(start, end);
      const titleOf = new Map(this.events.windowTitles(start, end).map((w) => [w.seq, w.title]));
      const window = streams.window.map((w) => ({
        ...w,
        name: `${w.name}${SEPARATOR}${titleOf.get(w.seq) ?? ''}`,
      }));
      for (const seg of resolve({ ...streams, window }, start, end)) {
        if (seg.kind !== 'app' || !seg.name.startsWith(prefix)) continue;
        const title = seg.name.slice(prefix.length);
        totals.set(title, (totals.get(title) ?? 0) + seg.endMs - seg.startMs);
      }
    }
    return [...totals]
      .map(([title, ms]) => ({ title, ms }))
      .sort((a, b) => b.ms - a.ms || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  }

  /**
   * A subject's time per local day of `tz` in [fromMs, toMs), every day of the range listed (0 without time).
   * The slots must be up to date (read through the rollup upkeep).
   */
  days(kind: SubjectKind, name: string, fromMs: number, toMs: number, tz: string): DayTotal[] {
    const zone = zoneFor(tz);
    const firstDay = zone.local(fromMs).day;
    const lastDay = zone.local(toMs - 1).day;
    const byDay = new Map<number, number>();
    for (let day = firstDay; day <= lastDay; day++) byDay.set(day, 0);
    const id = this.subjects.find(kind, name);
    if (id !== undefined) {
      const rows = this.slotsOf.all(id, Math.floor(fromMs / SLOT_MS), Math.ceil(toMs / SLOT_MS)) as Array<{
        slot: number;
        ms: number;
      }>;
      for (const { slot, ms } of rows) {
        const day = zone.local(Math.max(fromMs, slot * SLOT_MS)).day;
        if (byDay.has(day)) byDay.set(day, (byDay.get(day) ?? 0) + ms);
      }
    }
    return [...byDay].map(([day, ms]) => ({ date: isoDate(day), ms }));
  }
}
