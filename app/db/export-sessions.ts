/**
 * The session dataset of an export (core/sessions.ts), read from the raw events a local day at a time: years
 * of data are never held at once, and each day is read in one transaction with no cursor left open between
 * days, so the daemon goes on writing while an export streams. A session's time is the report's, to the
 * millisecond: both come from the same resolved timeline (core/resolve.ts).
 *
 * A session's id is a hash of its source, subject kind, subject and `originMs`, where it starts in the
 * unclipped timeline: to find it for a session already going on at the range's start, the reader looks back
 * a day at a time until that session begins.
 */
import { createHash } from 'node:crypto';
import type { Productivity } from '../shared/report.ts';
import { resolve, type Segment } from '../core/resolve.ts';
import {
  mainTitle,
  Sessionizer,
  sourceOf,
  type Session,
  type SessionSource,
  type TitleSpan,
} from '../core/sessions.ts';
import { DAY_MS } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';
import type { Categories } from './categories.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';

export interface SessionQuery {
  fromMs: number;
  toMs: number;
  /** The zone whose local days the range is read in (chunks only: the rows are the same in any zone). */
  tz: string;
  /** Window titles are private: read only when asked for. */
  titles: boolean;
}

/** One session clipped to the range. */
export interface SessionRecord {
  id: string;
  userId: string;
  source: SessionSource;
  kind: Segment['kind'];
  subject: string;
  /** The window title that counted longest in the session's part inside the range; null without titles. */
  title: string | null;
  startMs: number;
  endMs: number;
  category: string | null;
  productivity: Productivity | null;
}

/** Stable across exports of the same data, whatever their ranges (see the file's comment). */
export function sessionId(source: SessionSource, kind: string, subject: string, originMs: number): string {
  return createHash('sha256')
    .update(`${source}\u0000${kind}\u0000${subject}\u0000${originMs}`)
    .digest('hex')
    .slice(0, 32);
}

export class SessionExports {
  private readonly db: DB;
  private readonly events: EventTables;
  private readonly subjects: Subjects;
  private readonly categories: Categories;

  constructor(db: DB, events: EventTables, subjects: Subjects, categories: Categories) {
    this.db = db;
    this.events = events;
    this.subjects = subjects;
    this.categories = categories;
  }

  /**
   * The sessions of [fromMs, toMs), one batch per local day of `tz` (often empty; the last one holds the
   * session still open at the end). Throws DomainError('invalid') for an unknown zone at once, not when read.
   */
  batches(query: SessionQuery, userId: string): Iterable<SessionRecord[]> {
    const zone = zoneFor(query.tz);
    return this.read(query, userId, (ms) => zone.dayStart(zone.localDay(ms) + 1));
  }

  private *read(
    query: SessionQuery,
    userId: string,
    nextDay: (ms: number) => number,
  ): Generator<SessionRecord[]> {
    const { fromMs, toMs, titles } = query;
    const categories = new Map(this.categories.list().map((c) => [c.id, c]));
    const categoryOf = new Map<string, { category: string | null; productivity: Productivity | null }>();
    const record = (s: Session): SessionRecord => {
      const key = `${s.kind}\u0000${s.name}`;
      let found = categoryOf.get(key);
      if (!found) {
        const id = this.subjects.find(s.kind, s.name);
        const category = id === undefined ? undefined : categories.get(this.subjects.categoryKey(id));
        found = { category: category?.name ?? null, productivity: category?.productivity ?? null };
        categoryOf.set(key, found);
      }
      const source = sourceOf(s.kind);
      return {
        id: sessionId(source, s.kind, s.name, s.originMs),
        userId,
        source,
        kind: s.kind,
        subject: s.name,
        title: titles ? mainTitle(s) : null,
        startMs: s.startMs,
        endMs: s.endMs,
        ...found,
      };
    };

    const sessions = new Sessionizer({
      titles,
      firstOrigin: this.inTransaction(() => this.originAt(fromMs)),
    });
    for (let a = fromMs; a < toMs;) {
      const b = Math.min(toMs, nextDay(a));
      const { segments, spans } = this.inTransaction(() => ({
        segments: resolve(this.events.overlapping(a, b), a, b),
        spans: titles ? this.titleSpans(a, b) : [],
      }));
      yield sessions.push(segments, spans).map(record);
      a = b;
    }
    yield sessions.finish().map(record);
  }

  /**
   * Where the session going on at `atMs` began, when that was before `atMs` (undefined otherwise): looks back
   * a day at a time for as long as the same subject goes on without a gap.
   */
  private originAt(atMs: number): number | undefined {
    const [first] = resolve(this.events.overlapping(atMs, atMs + 1), atMs, atMs + 1);
    if (!first) return undefined;
    let origin: number | undefined;
    for (let end = atMs; ; end -= DAY_MS) {
      const start = end - DAY_MS;
      const last = resolve(this.events.overlapping(start, end), start, end).at(-1);
      if (!last || last.endMs !== end || last.kind !== first.kind || last.name !== first.name) return origin;
      origin = last.startMs;
      if (last.startMs > start) return origin;
    }
  }

  /** Which window event decided each instant of [a, b), with its title: resolve() over the windows alone. */
  private titleSpans(a: number, b: number): TitleSpan[] {
    const windows = this.events.windowTitles(a, b);
    const titleOf = new Map(windows.map((w) => [w.seq, w.title]));
    const byEvent = windows.map((w) => ({ ...w, name: String(w.seq) }));
    return resolve({ window: byEvent, browser: [], idle: [], manual: [] }, a, b).map((seg) => ({
      startMs: seg.startMs,
      endMs: seg.endMs,
      title: titleOf.get(Number(seg.name)) ?? '',
    }));
  }

  /** One snapshot per day read (WAL: writers go on meanwhile). */
  private inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
