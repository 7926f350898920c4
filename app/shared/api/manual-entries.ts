/** Time logged by hand: at most a week each, never in the future, never overlapping one another. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { MANUAL_ENTRY_MAX_MS, type ManualEntry } from '../planning.ts';
import { categoryName, endpoint, idParams, isoInstant, plainText, type Deleted } from './endpoint.ts';

function checkEntryTimes(b: { start?: string | undefined; end?: string | undefined }, ctx: z.RefinementCtx) {
  if (b.start === undefined || b.end === undefined) return;
  const ms = Date.parse(b.end) - Date.parse(b.start);
  if (ms <= 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
  else if (ms > MANUAL_ENTRY_MAX_MS)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'an entry lasts at most 7 days' });
}

const entryShape = {
  label: plainText(z.string().trim().min(1, 'a label is required').max(120, 'at most 120 characters')),
  category: categoryName,
  start: isoInstant,
  end: isoInstant,
  note: plainText(z.string().max(1000, 'at most 1000 characters')).optional(),
};

export const manualEntryBody = z.object(entryShape).strict().superRefine(checkEntryTimes);
export type ManualEntryBody = z.infer<typeof manualEntryBody>;

export const manualEntryPatch = z
  .object(entryShape)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .superRefine(checkEntryTimes);
export type ManualEntryPatch = z.infer<typeof manualEntryPatch>;

export const manualEntriesQuery = z
  .object({ from: isoInstant, to: isoInstant })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] });

/** The zone in which a write explains an overlap or a future end (default: the app's). */
export const manualEntryWriteQuery = z.object({ tz: z.string().min(1).max(64).optional() });

export const manualEntriesApi = {
  listManualEntries: endpoint<ManualEntry[]>()({ ...ROUTES.listManualEntries, query: manualEntriesQuery }),
  createManualEntry: endpoint<ManualEntry>()({
    ...ROUTES.createManualEntry,
    query: manualEntryWriteQuery,
    body: manualEntryBody,
  }),
  updateManualEntry: endpoint<ManualEntry>()({
    ...ROUTES.updateManualEntry,
    params: idParams,
    query: manualEntryWriteQuery,
    body: manualEntryPatch,
  }),
  deleteManualEntry: endpoint<Deleted>()({ ...ROUTES.deleteManualEntry, params: idParams }),
};
