/**
 * The 15-minute slot rollup: resolved time per UTC slot and subject, recomputed from the raw events of the
 * slots that writes touched. A write only records its slot ranges as pending (in its own transaction); the
 * refresh merges the pending ranges of many writes and resolves each slot once, then passes the changes on
 * to the zone rollups. Recomputing from raw events is idempotent, so merging and delaying are safe.
 */
import { resolve, type Interval } from '../core/resolve.ts';
import { mergeRanges, slotRanges, slotTotals, takeRanges } from '../core/slots.ts';
import { SLOT_MS } from '../core/time.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';
import type { SlotDelta, ZoneRollups } from './zones.ts';

/** The slots [from, to) that hold any of [fromMs, toMs). */
const slotWindow = ({ fromMs, toMs }: { fromMs: number; toMs: number }): [number, number] => [
  Math.floor(fromMs / SLOT_MS),
  Math.ceil(toMs / SLOT_MS),
];

export class SlotRollup {
  private readonly events: EventTables;
  private readonly subjects: Subjects;
  private readonly zones: ZoneRollups;
  private readonly stmts;

  constructor(db: DB, events: EventTables, subjects: Subjects, zones: ZoneRollups) {
    this.events = events;
    this.subjects = subjects;
    this.zones = zones;
    this.stmts = {
      range: db.prepare(`SELECT slot, subject_id, ms FROM slot_subjects WHERE slot >= ? AND slot < ?`),
      upsert: db.prepare(
        `INSERT INTO slot_subjects (slot, subject_id, ms) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET ms = excluded.ms`,
      ),
      remove: db.prepare(`DELETE FROM slot_subjects WHERE slot = ? AND subject_id = ?`),
      addPending: db.prepare(`INSERT INTO pending_slots (from_slot, to_slot) VALUES (?, ?)`),
      pending: db.prepare(`SELECT from_slot, to_slot FROM pending_slots`).raw(),
      clearPending: db.prepare(`DELETE FROM pending_slots`),
      anyPending: db.prepare(`SELECT EXISTS (SELECT 1 FROM pending_slots)`).pluck(),
      pendingIn: db
        .prepare(`SELECT EXISTS (SELECT 1 FROM pending_slots WHERE from_slot < ? AND to_slot > ?)`)
        .pluck(),
    };
  }

  /** Records that the time in these intervals changed. Call inside the transaction that changed it. */
  markPending(intervals: Interval[]): void {
    for (const [from, to] of slotRanges(intervals)) this.stmts.addPending.run(from, to);
  }

  /** Whether some slots wait to be brought up to date: any at all, or any overlapping [fromMs, toMs). */
  hasPending(within?: { fromMs: number; toMs: number }): boolean {
    if (!within) return this.stmts.anyPending.get() === 1;
    const [from, to] = slotWindow(within);
    return this.stmts.pendingIn.get(to, from) === 1;
  }

  /**
   * Brings pending slots up to date: all of them, or only those overlapping `within` (what one read needs), at
   * most `maxSlots` of them; the others stay pending. Says how many slot ranges it refreshed and how many
   * remain. Call inside a transaction.
   */
  refreshPending(
    within?: { fromMs: number; toMs: number },
    maxSlots = Number.POSITIVE_INFINITY,
  ): { refreshed: number; remaining: number } {
    const rows = this.stmts.pending.all() as [number, number][];
    if (rows.length === 0) return { refreshed: 0, remaining: 0 };
    const { now, rest } = takeRanges(mergeRanges(rows), within ? slotWindow(within) : null, maxSlots);
    if (now.length > 0) {
      this.refreshSlots(now);
      this.stmts.clearPending.run();
      for (const [from, to] of rest) this.stmts.addPending.run(from, to);
    }
    return { refreshed: now.length, remaining: rest.length };
  }

  private refreshSlots(ranges: Array<[number, number]>): void {
    const deltas: SlotDelta[] = [];
    for (const [from, to] of ranges) {
      const fromMs = from * SLOT_MS;
      const toMs = to * SLOT_MS;
      const fresh = new Map<string, number>();
      for (const t of slotTotals(resolve(this.events.overlapping(fromMs, toMs), fromMs, toMs))) {
        fresh.set(`${t.slot},${this.subjects.idFor(t.kind, t.name, t.appId)}`, t.ms);
      }
      for (const old of this.stmts.range.all(from, to) as {
        slot: number;
        subject_id: number;
        ms: number;
      }[]) {
        const key = `${old.slot},${old.subject_id}`;
        const ms = fresh.get(key) ?? 0;
        fresh.delete(key);
        if (ms === old.ms) continue;
        if (ms === 0) this.stmts.remove.run(old.slot, old.subject_id);
        else this.stmts.upsert.run(old.slot, old.subject_id, ms);
        deltas.push({ slot: old.slot, subjectId: old.subject_id, deltaMs: ms - old.ms });
      }
      for (const [key, ms] of fresh) {
        const [slot, subjectId] = key.split(',').map(Number) as [number, number];
        this.stmts.upsert.run(slot, subjectId, ms);
        deltas.push({ slot, subjectId, deltaMs: ms });
      }
    }
    this.zones.applySlotDeltas(deltas);
  }
}
