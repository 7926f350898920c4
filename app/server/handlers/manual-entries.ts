import type {
  HandlersOf,
  ManualEntryBody,
  manualEntriesApi,
  ManualEntryPatch,
} from '../../shared/api/index.ts';
import type { ManualEntryChange, ManualEntryInput } from '../../db/store.ts';
import type { HandlerDeps } from './deps.ts';

/** A manual entry's body with its instants parsed. */
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

// Conflicts and future ends are explained in the zone the client asks for (`?tz=`), else the app's.
export function manualEntriesHandlers({ store, tz }: HandlerDeps): HandlersOf<typeof manualEntriesApi> {
  return {
    listManualEntries: ({ query }) => store.listManualEntries(Date.parse(query.from), Date.parse(query.to)),
    createManualEntry: ({ query, body }) => store.createManualEntry(manualEntryInput(body), query.tz ?? tz),
    updateManualEntry: ({ params, query, body }) =>
      store.updateManualEntry(params.id, manualEntryInput(body), query.tz ?? tz),
    deleteManualEntry: ({ params }) => store.deleteManualEntry(params.id),
  };
}
