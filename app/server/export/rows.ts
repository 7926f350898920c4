/**
 * The export's rows on the wire: a session as the dataset's columns (api/data.ts), a stored event in the raw
 * format agreed with `timeaudit import timeaudit` (the wire shape of POST /v1/{window,browser,idle}/events
 * with its `source` first; manual entries as `manual-<id>`). Instants are ISO 8601 UTC with milliseconds.
 */
import { SESSIONS_SCHEMA_VERSION, type SessionRow } from '../../shared/api/data-export.ts';
import { EVENT_SCHEMA_VERSION } from '../../shared/version.ts';
import { browserEventWire, idleEventWire, windowEventWire } from '../../shared/events.ts';
import type { RawRecord, SessionRecord } from '../../db/store.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

export function sessionRow(r: SessionRecord): SessionRow {
  return {
    session_id: r.id,
    user_id: r.userId,
    source: r.source,
    subject_kind: r.kind,
    subject: r.subject,
    title: r.title,
    start_ts: iso(r.startMs),
    end_ts: iso(r.endMs),
    duration_ms: r.endMs - r.startMs,
    category: r.category,
    productivity: r.productivity,
    schema_version: SESSIONS_SCHEMA_VERSION,
  };
}

export function rawRow(r: RawRecord): Record<string, unknown> {
  switch (r.source) {
    case 'window':
      return { source: r.source, ...windowEventWire(r) };
    case 'browser':
      return { source: r.source, ...browserEventWire(r) };
    case 'idle':
      return { source: r.source, ...idleEventWire(r) };
    case 'manual':
      return {
        source: r.source,
        event_id: `manual-${r.id}`,
        label: r.label,
        category: r.category,
        start_ts: iso(r.startMs),
        end_ts: iso(r.endMs),
        duration_ms: r.endMs - r.startMs,
        note: r.note,
        schema_version: EVENT_SCHEMA_VERSION,
      };
  }
}

/** A CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break; none is empty. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
