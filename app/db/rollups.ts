/**
 * The 15-minute slot rollup: resolved time per UTC slot and subject, recomputed from the raw events of the
 * slots that writes touched. A write only records its slot ranges as pending (in its own transaction); the
 * refresh merges the pending ranges of many writes and resolves each slot once, then passes the changes on
 * to the zone rollups. Recomputing from raw events is idempotent, so merging and delaying are safe.
 */
import { resolve, type Interval } from '../core/resolve.ts';
import { mergeRanges, slotRanges, slotTotals } from '../core/slots.ts';
import { SLOT_MS } from '../core/time.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';
import type { Subjects } from './subjects.ts';
import type { SlotDelta, ZoneRollups } from './zones.ts';

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
    };
  }

  /** Records that the time in these intervals changed. Call inside the transaction that changed it. */
  markPending(intervals: Interval[]): void {
    for (const [from, to] of slotRanges(intervals)) this.stmts.addPending.run(from, to);
  }

  /** Whether some slots wait to be brought up to date. */
  hasPending(): boolean {
    return this.stmts.anyPending.get() === 1;
  }

  /** Brings every pending slot up to date; returns how many slot ranges it refreshed. Call inside a transaction. */
  refreshPending(): number {
    const rows = this.stmts.pending.all() as [number, number][];
    if (rows.length === 0) return 0;
    const ranges = mergeRanges(rows);
    this.refreshSlots(ranges);
    this.stmts.clearPending.run();
    return ranges.length;
  }

  private refreshSlots(ranges: Array<[number, number]>): void {
    const deltas: SlotDelta[] = [];
    for (const [from, to] of ranges) {
      const fromMs = from * SLOT_MS;
      const toMs = to * SLOT_MS;
      const fresh = new Map<string, number>();
      for (const t of slotTotals(resolve(this.events.overlapping(fromMs, toMs), fromMs, toMs))) {
        fresh.set(`${t.slot},${this.subjects.idFor(t.kind, t.name)}`, t.ms);
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
