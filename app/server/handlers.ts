/**
 * The API served on top of the store. Requests arrive here already validated by routes.ts; the store throws
 * ApiError for not_found / conflict / unknown_category / validation_failed, which errors.ts turns into responses.
 */
import type {
  ApiHandlers,
  ManualEntryBody,
  ManualEntryPatch,
  PauseBody,
  PauseStatus,
} from '../shared/api.ts';
import { startOfNextDay, type PauseState } from '../core/pause.ts';
import type { PauseController } from './pause-controller.ts';
import { APP_VERSION } from '../shared/version.ts';
import type { ManualEntryChange, ManualEntryInput, Store } from '../db/store.ts';
import { ingestBatch } from './ingest.ts';
import type { Exclusions } from '../core/exclusions.ts';
import type { LiveSettings } from '../core/live-settings.ts';

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
  | 'listGoals'
  | 'createGoal'
  | 'updateGoal'
  | 'deleteGoal'
  | 'listRules'
  | 'createRule'
  | 'updateRule'
  | 'deleteRule'
  | 'suggestions'
  | 'listManualEntries'
  | 'createManualEntry'
  | 'updateManualEntry'
  | 'deleteManualEntry'
>;

export interface HandlerDeps {
  store: ServerStore;
  /** The clock that decides whether an event ends in the future. */
  now: () => number;
  /** The away threshold of the tracker (it may change while running), told to the extension when it pairs. */
  idleSeconds: () => number;
  /** The one pause shared with the tracker and the tray. */
  pause: PauseController;
  /** The zone whose midnight "until tomorrow" means. */
  tz: string;
  /** Apps and domains the user never wants recorded: their events are refused with code `excluded`. */
  exclusions: Exclusions;
  /** The user's settings, read and changed through GET / PATCH /v1/settings. */
  settings: LiveSettings;
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

/** A manual entry's body with its instants parsed; conflicts and future ends are explained in the app's zone. */
function manualEntryInput(body: ManualEntryBody): ManualEntryInput;
function manualEntryInput(body: ManualEntryPatch): ManualEntryChange;
function manualEntryInput(body: ManualEntryPatch): ManualEntryChange {
  return {
    label: body.label,
    category: body.category,
    startMs: body.start === undefined ? undefined : Date.parse(body.start),
    endMs: body.end === undefined ? undefined : Date.parse(body.end),
    note: body.note,
  };
}

export function createHandlers({
  store,
  now,
  idleSeconds,
  pause,
  tz,
  exclusions,
  settings,
}: HandlerDeps): ApiHandlers {
  return {
    health: () => ({ ok: true, version: APP_VERSION, schema_version: store.schemaVersion() }),
    pairing: () => ({ user_id: store.userId(), version: APP_VERSION, idle_seconds: idleSeconds() }),
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
    listRules: () => store.listRules(),
    createRule: ({ body }) => store.createRule(body),
    updateRule: ({ params, body }) => store.updateRule(params.id, body),
    deleteRule: ({ params }) => store.deleteRule(params.id),
    listSuggestions: () => store.suggestions(),
    // Manual entries
    listManualEntries: ({ query }) => store.listManualEntries(Date.parse(query.from), Date.parse(query.to)),
    createManualEntry: ({ body }) => store.createManualEntry(manualEntryInput(body), tz),
    updateManualEntry: ({ params, body }) => store.updateManualEntry(params.id, manualEntryInput(body), tz),
    deleteManualEntry: ({ params }) => store.deleteManualEntry(params.id),
    // Goals
    listGoals: ({ query }) => store.listGoals(query.tz),
    createGoal: ({ body }) => store.createGoal(body),
    updateGoal: ({ params, body }) => store.updateGoal(params.id, body),
    deleteGoal: ({ params }) => store.deleteGoal(params.id),
    // Settings
    getSettings: () => settings.view(),
    updateSettings: ({ body }) => settings.updateView(body),
  };
}
