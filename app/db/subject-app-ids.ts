/**
 * The raw app id of a stored app subject, for its built-in category when its name is not listed (categories.ts,
 * when the built-in list or the rules change, or the user resets the subject): the id of the window event of
 * that app that started last among those in the subject's last 15-minute slot. Two index reads, whatever the
 * length of the history: the subject's last slot (slot_subjects_by_subject), then the window events overlapping
 * that slot (window_events_by_start, looking back as far as the longest event; events.ts WINDOW_APP_ID).
 *
 * ```
 * subject "IDEA Ultimate 2026":  slots 17 18 … 912                       → its last slot is 912
 * window events in slot 912:     [IDEA Ultimate 2026 | jetbrains-idea][Files | org.gnome.Nautilus]
 * app id:                        jetbrains-idea
 * ```
 * A subject made by a title rule ("Code — jira") names no app, so it finds none, as it would on creation
 * (resolve.ts): its rule decides its category anyway.
 */
import { SLOT_MS } from '../core/time.ts';
import type { SubjectAppIds } from './categories.ts';
import type { EventTables } from './events.ts';
import type { DB } from './open.ts';

/** The last slot holding time of a subject: null for none. */
export const LAST_SLOT = `SELECT max(slot) FROM slot_subjects WHERE subject_id = ?`;

export function subjectAppIds(db: DB, events: EventTables): SubjectAppIds {
  const lastSlot = db.prepare(LAST_SLOT).pluck();
  return (subjectId, name) => {
    const slot = lastSlot.get(subjectId) as number | null;
    return slot === null ? null : events.appIdIn(name, slot * SLOT_MS, (slot + 1) * SLOT_MS);
  };
}
