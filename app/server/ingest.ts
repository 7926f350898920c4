/**
 * The second step of a batch upload. The envelope has already been validated (all or nothing); here each event is
 * checked on its own, the good ones are stored in one call (one transaction) and the bad ones are listed by their
 * position in the posted array:
 *
 *   posted:   [ ok ][ end<start ][ ok ]
 *   stored:   [ ok ]              [ ok ]      → store.ingest(source, [e0, e2])
 *   rejected:       { index: 1, code: 'end_before_start' }
 */
import {
  checkBrowserEvent,
  checkIdleEvent,
  checkWindowEvent,
  type Checked,
  type EventSource,
  type IngestResult,
  type RejectedEvent,
} from '../shared/events.ts';
import type { EventOf, IngestOutcome } from '../db/store.ts';
import { NO_EXCLUSIONS, type Exclusions } from '../core/exclusions.ts';

type Check<S extends EventSource> = (raw: unknown, nowMs: number) => Checked<EventOf<S>>;

const CHECKS: { [S in EventSource]: Check<S> } = {
  browser: checkBrowserEvent,
  window: checkWindowEvent,
  idle: checkIdleEvent,
};

export interface EventSink {
  ingest<S extends EventSource>(source: S, events: EventOf<S>[]): IngestOutcome;
}

/** Why an otherwise valid event is not recorded: the user excluded its app or domain in the settings. */
function excludedBy(exclusions: Exclusions, event: EventOf<EventSource>): string | null {
  if ('domain' in event && exclusions.excludesDomain(event.domain))
    return `the domain ${event.domain} is excluded`;
  if ('app' in event && exclusions.excludesApp(event.app)) return `the app ${event.app} is excluded`;
  return null;
}

export function ingestBatch<S extends EventSource>(
  sink: EventSink,
  source: S,
  rawEvents: readonly unknown[],
  nowMs: number,
  exclusions: Exclusions = NO_EXCLUSIONS,
): IngestResult {
  const check = CHECKS[source] as Check<S>;
  const valid: EventOf<S>[] = [];
  const rejected: RejectedEvent[] = [];
  rawEvents.forEach((raw, index) => {
    const result = check(raw, nowMs);
    const excluded = result.ok ? excludedBy(exclusions, result.value) : null;
    if (result.ok && excluded === null) valid.push(result.value);
    else if (result.ok)
      rejected.push({ index, code: 'excluded', message: `not recorded: ${excluded} in the settings` });
    else rejected.push({ index, code: result.code, message: result.message });
  });
  const outcome = valid.length > 0 ? sink.ingest(source, valid) : { accepted: 0, duplicates: 0 };
  return { accepted: outcome.accepted, duplicates: outcome.duplicates, rejected };
}
