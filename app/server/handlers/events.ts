import type { eventsApi, HandlersOf } from '../../shared/api/index.ts';
import { ingestBatch } from '../ingest.ts';
import type { HandlerDeps } from './deps.ts';

export function eventsHandlers({
  store,
  now,
  exclusions,
  status,
}: HandlerDeps): HandlersOf<typeof eventsApi> {
  return {
    postBrowserEvents: ({ body }) => {
      status.browserPosted(now());
      return ingestBatch(store, 'browser', body.events, now(), exclusions);
    },
    postWindowEvents: ({ body }) => ingestBatch(store, 'window', body.events, now(), exclusions),
    postIdleEvents: ({ body }) => ingestBatch(store, 'idle', body.events, now(), exclusions),
  };
}
