/**
 * Events as they cross the wire (snake_case, ISO-8601 strings) and as the core sees them (camelCase, epoch ms).
 * A batch is validated in two steps: the envelope (all or nothing, 400) and then each event on its own, so that
 * one bad event is listed in `rejected` while the good ones are stored.
 */
import { z } from 'zod';
import { EVENT_SCHEMA_VERSION } from './version.ts';
import { normalizeDomain } from './hostname.ts';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter, withoutControlCharacters } from './names.ts';

export { normalizeDomain };

// ---- parsed types: what core and db see ----

export interface WindowEvent {
  eventId: string;
  /** The app's display name where its identity is known ("IntelliJ IDEA"), else the raw id. */
  app: string;
  title: string;
  /** The raw id the desktop gave (X11 WM_CLASS, Wayland app_id) when it differs from `app`. */
  appId?: string;
  startMs: number;
  endMs: number;
}

export interface BrowserEvent {
  eventId: string;
  userId: string;
  domain: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  reasonClosed: string;
}

export interface IdleEvent {
  eventId: string;
  startMs: number;
  endMs: number;
}

export type EventSource = 'window' | 'browser' | 'idle';

// ---- wire ----

/** Largest number of events in one batch; a 1 MiB body holds about 4,000 browser events. */
export const MAX_BATCH_EVENTS = 10_000;
/** Events may end at most this far past the server's clock (clock skew between watchers). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** `duration_ms` may differ from `end − start` by at most this much. */
export const DURATION_TOLERANCE_MS = 1_000;
/** Nothing before this instant is plausible tracking data (2000-01-01T00:00:00Z). */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);

export const batchEnvelopeSchema = z.object({
  events: z.array(z.unknown()).max(MAX_BATCH_EVENTS, `at most ${MAX_BATCH_EVENTS} events per batch`),
});

export interface RejectedEvent {
  index: number;
  code: string;
  message: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

const eventId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');
const timestamp = z.iso.datetime({
  offset: true,
  message: 'an ISO-8601 timestamp with a zone (Z or ±hh:mm)',
});
const common = {
  event_id: eventId,
  start_ts: timestamp,
  end_ts: timestamp,
  duration_ms: z.number().int().nonnegative(),
  schema_version: z.number().int(),
};

const browserWire = z.object({
  ...common,
  user_id: z
    .string()
    .min(1)
    .max(128)
    .refine((id) => !hasControlCharacter(id), CONTROL_CHARACTER_MESSAGE),
  domain: z.string().min(1).max(300),
  reason_closed: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a short snake_case word such as tab_switch'),
});
/**
 * A window's app and title are what the system showed, not what the user typed: control characters in them
 * (a terminal's title set by a remote program) become spaces, and the event and its time are kept. An app
 * name of nothing but control characters is an invalid event, listed in `rejected`.
 */
const windowWire = z.object({
  ...common,
  app: z.string().transform(withoutControlCharacters).pipe(z.string().trim().min(1).max(256)),
  title: z.string().max(2048).transform(withoutControlCharacters),
  /** Optional: the raw WM_CLASS / app_id behind a display name. */
  app_id: z.string().transform(withoutControlCharacters).pipe(z.string().trim().min(1).max(256)).optional(),
});
const idleWire = z.object(common);

export type BrowserEventWire = z.infer<typeof browserWire>;
export type WindowEventWire = z.infer<typeof windowWire>;
export type IdleEventWire = z.infer<typeof idleWire>;

// Parsed events back on the wire, in the order of their fields: what a client posts (`timeaudit demo` through a
// running daemon) and what a raw export writes (`export --raw`, read again by `import timeaudit`).
const iso = (ms: number): string => new Date(ms).toISOString();

export const idleEventWire = (e: IdleEvent) => ({
  event_id: e.eventId,
  start_ts: iso(e.startMs),
  end_ts: iso(e.endMs),
  duration_ms: e.endMs - e.startMs,
  schema_version: EVENT_SCHEMA_VERSION,
});

export const windowEventWire = (e: WindowEvent) => ({
  event_id: e.eventId,
  app: e.app,
  title: e.title,
  ...(e.appId === undefined ? {} : { app_id: e.appId }),
  start_ts: iso(e.startMs),
  end_ts: iso(e.endMs),
  duration_ms: e.endMs - e.startMs,
  schema_version: EVENT_SCHEMA_VERSION,
});

export const browserEventWire = (e: BrowserEvent) => ({
  event_id: e.eventId,
  user_id: e.userId,
  domain: e.domain,
  start_ts: iso(e.startMs),
  end_ts: iso(e.endMs),
  duration_ms: e.durationMs,
  reason_closed: e.reasonClosed,
  schema_version: EVENT_SCHEMA_VERSION,
});

export type Checked<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

interface TimeFields {
  start_ts: string;
  end_ts: string;
  duration_ms: number;
  schema_version: number;
}

function checkTimes(e: TimeFields, nowMs: number): Checked<{ startMs: number; endMs: number }> {
  if (e.schema_version !== EVENT_SCHEMA_VERSION) {
    return {
      ok: false,
      code: 'unsupported_schema_version',
      message: `schema_version ${e.schema_version} is not supported (expected ${EVENT_SCHEMA_VERSION})`,
    };
  }
  const startMs = Date.parse(e.start_ts);
  const endMs = Date.parse(e.end_ts);
  if (endMs < startMs) return { ok: false, code: 'end_before_start', message: 'end_ts is before start_ts' };
  if (Math.abs(endMs - startMs - e.duration_ms) > DURATION_TOLERANCE_MS) {
    return {
      ok: false,
      code: 'duration_mismatch',
      message: `duration_ms ${e.duration_ms} differs from end_ts − start_ts (${endMs - startMs}) by more than 1 s`,
    };
  }
  if (startMs < EARLIEST_MS)
    return { ok: false, code: 'too_old', message: 'start_ts is before the year 2000' };
  if (endMs > nowMs + FUTURE_TOLERANCE_MS) {
    return { ok: false, code: 'in_future', message: 'end_ts is in the future' };
  }
  return { ok: true, value: { startMs, endMs } };
}

function shapeError(error: z.ZodError): { ok: false; code: string; message: string } {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const code =
    path === 'domain' ? 'invalid_domain' : path.endsWith('_ts') ? 'invalid_timestamp' : 'invalid_event';
  return {
    ok: false,
    code,
    message: path ? `${path}: ${issue?.message}` : (issue?.message ?? 'invalid event'),
  };
}

export function checkBrowserEvent(raw: unknown, nowMs: number): Checked<BrowserEvent> {
  const parsed = browserWire.safeParse(raw);
  if (!parsed.success) return shapeError(parsed.error);
  const e = parsed.data;
  const times = checkTimes(e, nowMs);
  if (!times.ok) return times;
  const domain = normalizeDomain(e.domain);
  if (!domain)
    return { ok: false, code: 'invalid_domain', message: `domain "${e.domain}" is not a hostname` };
  return {
    ok: true,
    value: {
      eventId: e.event_id,
      userId: e.user_id,
      domain,
      ...times.value,
      durationMs: e.duration_ms,
      reasonClosed: e.reason_closed,
    },
  };
}

export function checkWindowEvent(raw: unknown, nowMs: number): Checked<WindowEvent> {
  const parsed = windowWire.safeParse(raw);
  if (!parsed.success) return shapeError(parsed.error);
  const e = parsed.data;
  const times = checkTimes(e, nowMs);
  if (!times.ok) return times;
  const value: WindowEvent = { eventId: e.event_id, app: e.app, title: e.title, ...times.value };
  if (e.app_id !== undefined && e.app_id !== e.app) value.appId = e.app_id;
  return { ok: true, value };
}

export function checkIdleEvent(raw: unknown, nowMs: number): Checked<IdleEvent> {
  const parsed = idleWire.safeParse(raw);
  if (!parsed.success) return shapeError(parsed.error);
  const times = checkTimes(parsed.data, nowMs);
  if (!times.ok) return times;
  return { ok: true, value: { eventId: parsed.data.event_id, ...times.value } };
}
