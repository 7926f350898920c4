/**
 * Posting events, one batch per source. The envelope is checked here as a whole; each event is then checked on
 * its own (app/shared/events.ts), so one bad event is listed among the rejected instead of failing the batch.
 */
import { ROUTES } from '../routes.ts';
import { batchEnvelopeSchema, type IngestResult } from '../events.ts';
import { endpoint } from './endpoint.ts';

export const eventsApi = {
  postBrowserEvents: endpoint<IngestResult>()({ ...ROUTES.postBrowserEvents, body: batchEnvelopeSchema }),
  postWindowEvents: endpoint<IngestResult>()({ ...ROUTES.postWindowEvents, body: batchEnvelopeSchema }),
  postIdleEvents: endpoint<IngestResult>()({ ...ROUTES.postIdleEvents, body: batchEnvelopeSchema }),
};
