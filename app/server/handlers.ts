/**
 * The API served on top of the store. Requests arrive here already validated by routes.ts; the store throws
 * ApiError for not_found / conflict / unknown_category / validation_failed, which errors.ts turns into responses.
 */
import type { ApiHandlers, PauseBody, PauseStatus } from '../shared/api.ts';
import { startOfNextDay, type PauseController, type PauseState } from '../core/desktop/pause.ts';
import { APP_VERSION } from '../shared/version.ts';
import { ApiError } from '../shared/errors.ts';
import type { Store } from '../db/store.ts';
import { ingestBatch } from './ingest.ts';
import type { Exclusions } from '../core/exclusions.ts';

/** The part of the Store the listener uses. */
export type ServerStore = Pick<
  Store,
  | 'schemaVersion'
  | 'userId'
  | 'ingest'
  | 'listCategories'
  | 'createCategory'
  | 'updateCategory'
  | 'setSubjectCategory'
  | 'resetSubjectCategory'
  | 'report'
  | 'timeline'
>;

export interface HandlerDeps {
  store: ServerStore;
  /** The clock that decides whether an event ends in the future. */
  now: () => number;
  /** The away threshold of the tracker, told to the extension when it pairs. */
  idleSeconds: number;
  /** The one pause shared with the tracker and the tray. */
  pause: PauseController;
  /** The zone whose midnight "until tomorrow" means. */
  tz: string;
  /** Apps and domains the user never wants recorded: their events are refused with code `excluded`. */
  exclusions: Exclusions;
}

export function toPauseStatus(state: PauseState): PauseStatus {
  return state.paused
    ? { paused: true, until: state.untilMs === null ? null : new Date(state.untilMs).toISOString() }
    : { paused: false, until: null };
}

function applyPause(pause: PauseController, body: PauseBody, nowMs: number, tz: string): PauseState {
  if ('minutes' in body) return pause.pauseFor(body.minutes * 60_000);
  return pause.pauseUntil(body.until === 'tomorrow' ? startOfNextDay(nowMs, tz) : null);
}

// TODO: placeholder while the endpoints are being built; each is replaced by its implementation.
const notYet = (): never => {
  throw new ApiError('internal', 'not implemented yet');
};

export function createHandlers({ store, now, idleSeconds, pause, tz, exclusions }: HandlerDeps): ApiHandlers {
  return {
    health: () => ({ ok: true, version: APP_VERSION, schema_version: store.schemaVersion() }),
    pairing: () => ({ user_id: store.userId(), version: APP_VERSION, idle_seconds: idleSeconds }),
    postBrowserEvents: ({ body }) => ingestBatch(store, 'browser', body.events, now(), exclusions),
    postWindowEvents: ({ body }) => ingestBatch(store, 'window', body.events, now(), exclusions),
    postIdleEvents: ({ body }) => ingestBatch(store, 'idle', body.events, now(), exclusions),
    listCategories: () => store.listCategories(),
    createCategory: ({ body }) => store.createCategory(body.name, body.productivity),
    updateCategory: ({ params, body }) => store.updateCategory(params.id, body),
    setSubjectCategory: ({ params, body }) =>
      store.setSubjectCategory(params.kind, params.name, body.category),
    resetSubjectCategory: ({ params }) => store.resetSubjectCategory(params.kind, params.name),
    report: ({ query }) =>
      store.report({
        fromMs: Date.parse(query.from),
        toMs: Date.parse(query.to),
        tz: query.tz,
        limit: query.limit,
      }),
    timeline: ({ query }) => store.timeline(query.date, query.tz),
    getPause: () => toPauseStatus(pause.state()),
    setPause: ({ body }) => toPauseStatus(applyPause(pause, body, now(), tz)),
    resume: () => toPauseStatus(pause.resume()),
    // Rules and suggestions
    listRules: notYet,
    createRule: notYet,
    updateRule: notYet,
    deleteRule: notYet,
    listSuggestions: notYet,
    // Manual entries
    listManualEntries: notYet,
    createManualEntry: notYet,
    updateManualEntry: notYet,
    deleteManualEntry: notYet,
    // Goals
    listGoals: notYet,
    createGoal: notYet,
    updateGoal: notYet,
    deleteGoal: notYet,
  };
}
