/**
 * Bringing history in: an ActivityWatch export, or Time Audit's own raw export (`export --raw`). The file is
 * the request's body, sent as it is and read as it arrives (see `stream` in app/shared/routes.ts); the answer
 * says what was stored, what was there already and what was skipped, and why. An import is all or nothing:
 * a file that is cut short or not valid JSON stores nothing, and the error says where it broke.
 */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { endpoint } from './endpoint.ts';

/** A file in the body: a Blob (the dashboard's file picker) or a stream of bytes (the CLI, the server's view). */
export type StreamedBody = Blob | AsyncIterable<Uint8Array>;

const isStreamedBody = (value: unknown): value is StreamedBody =>
  value instanceof Blob || (typeof value === 'object' && value !== null && Symbol.asyncIterator in value);

export const streamedBody = z.custom<StreamedBody>(isStreamedBody, 'the file itself is the body');

/** What became of one ActivityWatch bucket (or, for Time Audit's raw format, of one source). */
export interface ImportSourceSummary {
  /** The bucket's id, or the source (window, browser, idle, manual). */
  id: string;
  /** The bucket's type (currentwindow, afkstatus, web.tab.current, …), or the source. */
  type: string;
  /** Events read from the file. */
  events: number;
  /** Events newly stored: an ActivityWatch event cut by away time is stored as its parts. */
  stored: number;
  /** Events stored by an earlier import of the same data, not stored again. */
  duplicates: number;
  /** Events not imported, by reason. */
  skipped: { reason: string; count: number }[];
}

export interface ImportSummary {
  format: 'activitywatch' | 'timeaudit';
  bytes: number;
  events: number;
  stored: number;
  duplicates: number;
  skipped: number;
  sources: ImportSourceSummary[];
}

export const dataImportApi = {
  importActivityWatch: endpoint<ImportSummary>()({ ...ROUTES.importActivityWatch, body: streamedBody }),
  importTimeAudit: endpoint<ImportSummary>()({ ...ROUTES.importTimeAudit, body: streamedBody }),
};
