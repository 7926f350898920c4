/**
 * Retention (settings: keepTitlesDays, keepEventsDays): window titles from before a cutoff are blanked (the
 * window time stays, counted for its app), and everything recorded before another cutoff is deleted, as a
 * purge of the range [beginning, cutoff) deletes it (purge.ts: raw events, entries logged by hand, the
 * subjects left without time; an event over the cutoff keeps its part after it). A cutoff is the start of a
 * local day: keeping 30 days keeps today and the 30 days before it.
 *
 * ```
 * today = 12 Mar, keep titles 2 days, keep events 5 days
 * days:      5   6   7   8   9  10  11  12
 * events:   [gone][.... kept ..............]
 * titles:        [ blank ... ][ kept ......]
 *             7 Mar 00:00 ↑   ↑ 10 Mar 00:00
 * ```
 *
 * Titles later than the events' cutoff is allowed either way round: with fewer days of events than of titles,
 * the events go first and the title setting has nothing left to blank.
 *
 * The work is done in steps, each one short write transaction (a month of events, or a few thousand titles),
 * so that a daemon keeps answering between them while two years go; the caller scrubs the file once at the end
 * (scrub.ts), which makes the deleted rows and the old titles unreadable in the file and its WAL.
 */
import type { Interval } from '../core/resolve.ts';
import { DAY_MS } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';
import type { DB } from './open.ts';
import type { PurgeSummary, Purges } from './purge.ts';
import type { SlotRollup } from './rollups.ts';

export interface RetentionPolicy {
  keepTitlesDays: number | null;
  keepEventsDays: number | null;
}

/** The instants before which titles are blanked and events deleted; null for what is kept. */
export interface RetentionCutoffs {
  titlesBeforeMs: number | null;
  eventsBeforeMs: number | null;
}

export interface RetentionPreview extends RetentionCutoffs {
  /** Window titles that would be blanked (of events that stay). */
  titles: number;
  /** The time of the windows whose titles would be blanked. */
  titlesMs: number;
  /** The oldest title that would be blanked. */
  oldestTitleMs: number | null;
  /** What deleting the events takes: rows of each table and the time reports counted for them. */
  events: PurgeSummary;
  /** The oldest thing recorded that would be deleted. */
  oldestEventMs: number | null;
}

/** What one step did; `done` once nothing is left to do. */
export interface RetentionStep {
  deleted: number;
  blanked: number;
  done: boolean;
}

/** A month of events per step: a few thousand rows on a busy day's rate. */
const EVENT_STEP_MS = 30 * DAY_MS;
/** Titles blanked per step. */
const TITLE_STEP = 5000;
const TABLES = ['window_events', 'browser_events', 'idle_events', 'manual_entries'] as const;

/** The cutoffs of a policy at `nowMs` in the zone `tz` (whose local days count). */
export function retentionCutoffs(policy: RetentionPolicy, nowMs: number, tz: string): RetentionCutoffs {
  const zone = zoneFor(tz);
  const today = zone.localDay(nowMs);
  const before = (days: number | null) => (days === null ? null : zone.dayStart(today - days));
  return { titlesBeforeMs: before(policy.keepTitlesDays), eventsBeforeMs: before(policy.keepEventsDays) };
}

export class Retention {
  private readonly db: DB;
  private readonly purges: Purges;
  private readonly slots: SlotRollup;
  /** Whether window titles decide subjects now (a title rule exists): then blanking one changes the rollups. */
  private readonly titlesCount: () => boolean;

  constructor(db: DB, purges: Purges, slots: SlotRollup, titlesCount: () => boolean) {
    this.db = db;
    this.purges = purges;
    this.slots = slots;
    this.titlesCount = titlesCount;
  }

  /** What `step` would do to the end. Call inside a transaction, the rollups before the cutoff up to date. */
  preview(cutoffs: RetentionCutoffs): RetentionPreview {
    const eventsBefore = cutoffs.eventsBeforeMs;
    const events =
      eventsBefore === null || eventsBefore <= 0
        ? emptySummary()
        : this.purges.preview({ kind: 'range', fromMs: 0, toMs: eventsBefore });
    const oldest = this.oldestStart();
    const titles =
      cutoffs.titlesBeforeMs === null
        ? { n: 0, ms: 0, oldest: null }
        : (this.db
            .prepare(
              `SELECT count(*) AS n, coalesce(sum(min(end_ms, :t) - max(start_ms, :e)), 0) AS ms,
                      min(start_ms) AS oldest
               FROM window_events WHERE title <> '' AND start_ms < :t AND end_ms > :e`,
            )
            .get({ t: cutoffs.titlesBeforeMs, e: eventsBefore ?? Number.MIN_SAFE_INTEGER }) as {
            n: number;
            ms: number;
            oldest: number | null;
          });
    const deletes = eventsBefore !== null && oldest !== null && oldest < eventsBefore;
    return {
      ...cutoffs,
      titles: titles.n,
      titlesMs: titles.ms,
      oldestTitleMs: titles.n > 0 ? Math.max(titles.oldest ?? 0, eventsBefore ?? 0) : null,
      events,
      oldestEventMs: deletes ? oldest : null,
    };
  }

  /**
   * One step: a month of events before the cutoff deleted (oldest first), else up to TITLE_STEP titles
   * blanked. Call inside a write transaction; the caller forgets cached subject ids after steps that deleted.
   */
  step(cutoffs: RetentionCutoffs): RetentionStep {
    const oldest = this.oldestStart();
    const eventsBefore = cutoffs.eventsBeforeMs;
    if (eventsBefore !== null && oldest !== null && oldest < eventsBefore) {
      // From the oldest start on: nothing lies before it, and the slots the purge recounts begin there.
      const toMs = Math.min(eventsBefore, oldest + EVENT_STEP_MS);
      const out = this.purges.apply({ kind: 'range', fromMs: oldest, toMs });
      // Those crossing the step's end are cut, not deleted: their part after it goes in a later step, or stays.
      const deleted = out.windowEvents + out.browserEvents + out.idleEvents + out.manualEntries - out.cut;
      return { deleted, blanked: 0, done: false };
    }
    if (cutoffs.titlesBeforeMs === null) return { deleted: 0, blanked: 0, done: true };
    const rows = this.db
      .prepare(
        `SELECT id, start_ms AS startMs, end_ms AS endMs FROM window_events
         WHERE title <> '' AND start_ms < ? ORDER BY start_ms LIMIT ${TITLE_STEP}`,
      )
      .all(cutoffs.titlesBeforeMs) as Array<Interval & { id: number }>;
    const blank = this.db.prepare(`UPDATE window_events SET title = '' WHERE id = ?`);
    for (const row of rows) blank.run(row.id);
    // A title rule may have counted them as a subject of their own: they count as their app now.
    if (rows.length > 0 && this.titlesCount()) this.slots.markPending(rows);
    return { deleted: 0, blanked: rows.length, done: rows.length < TITLE_STEP };
  }

  /** The start of the oldest thing recorded, or null for an empty database. */
  private oldestStart(): number | null {
    let oldest: number | null = null;
    for (const table of TABLES) {
      const start = this.db.prepare(`SELECT min(start_ms) FROM ${table}`).pluck().get() as number | null;
      if (start !== null && (oldest === null || start < oldest)) oldest = start;
    }
    return oldest;
  }
}

function emptySummary(): PurgeSummary {
  return {
    windowEvents: 0,
    browserEvents: 0,
    idleEvents: 0,
    manualEntries: 0,
    cut: 0,
    trackedMs: 0,
    titlesCleared: 0,
    subjects: [],
  };
}
