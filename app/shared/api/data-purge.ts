/**
 * Deleting recorded data: a range `[from, to)`, an app, a domain with its subdomains, or everything. The same
 * selectors ask what would go (GET /v1/data/purge, nothing deleted) and delete it (DELETE /v1/data).
 */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import type { SubjectKind } from '../report.ts';
import { endpoint, isoInstant, plainText } from './endpoint.ts';

export const purgeQuery = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    app: plainText(
      z.string().min(1, 'an app name is required').max(256, 'at most 256 characters'),
    ).optional(),
    domain: z.string().min(1, 'a domain is required').max(300, 'at most 300 characters').optional(),
    all: z.literal('true', { message: 'all=true deletes everything; leave it out otherwise' }).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const given = [q.from !== undefined || q.to !== undefined, q.app, q.domain, q.all].filter(
      (part) => part !== undefined && part !== false,
    ).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        message: 'say what to delete: from and to, app, domain, or all=true (exactly one of them)',
      });
    else if (q.from === undefined || q.to === undefined) {
      if (q.from !== undefined || q.to !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [q.from === undefined ? 'from' : 'to'],
          message: 'a range needs both from and to',
        });
    } else if (Date.parse(q.to) <= Date.parse(q.from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  });
export type PurgeQuery = z.infer<typeof purgeQuery>;

/** What a purge takes: rows per table and the time reports count for them. */
export interface PurgePreview {
  window_events: number;
  browser_events: number;
  idle_events: number;
  manual_entries: number;
  /** Of those, the events and entries a range cuts at its edges: their parts outside it stay. */
  cut: number;
  /** The time reports count for what goes, in ms. */
  tracked_ms: number;
  /** For a domain: window titles that tell of it (its pages' titles in the browser, titles naming it), emptied. */
  titles_cleared: number;
  /** An app's or a domain's subjects (its title-rule subjects, its subdomains), each with its time. */
  subjects: Array<{ kind: SubjectKind; name: string; ms: number }>;
}

/** What a purge took, and whether its bytes are gone from every file. */
export interface PurgeResult extends PurgePreview {
  /** Subjects left without time, removed with their names and categories. */
  subjects_removed: number;
  /** Whether the database file and its WAL hold nothing of it any more. */
  file_clean: boolean;
  /** The other copies in the data folder (backups/), each purged the same way, or why it could not be. */
  copies: Array<{ file: string; purged: boolean; error?: string }>;
}

export const dataPurgeApi = {
  previewPurge: endpoint<PurgePreview>()({ ...ROUTES.previewPurge, query: purgeQuery }),
  purgeData: endpoint<PurgeResult>()({ ...ROUTES.purgeData, query: purgeQuery }),
};
