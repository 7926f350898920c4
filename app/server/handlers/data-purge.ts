import type {
  dataPurgeApi,
  HandlersOf,
  PurgePreview,
  PurgeQuery,
  PurgeResult,
} from '../../shared/api/index.ts';
import type { PurgeSelector, PurgeSummary } from '../../db/store.ts';
import { purgeEverywhere, type PurgedEverywhere } from '../../db/purge-copies.ts';
import { createLogger } from '../../core/logger.ts';
import type { HandlerDeps } from './deps.ts';

const log = createLogger('purge');

/** The query's selector (the schema lets exactly one through). */
export function purgeSelector(q: PurgeQuery): PurgeSelector {
  if (q.all !== undefined) return { kind: 'all' };
  if (q.app !== undefined) return { kind: 'app', name: q.app };
  if (q.domain !== undefined) return { kind: 'domain', name: q.domain };
  return { kind: 'range', fromMs: Date.parse(q.from as string), toMs: Date.parse(q.to as string) };
}

export const purgePreviewWire = (s: PurgeSummary): PurgePreview => ({
  window_events: s.windowEvents,
  browser_events: s.browserEvents,
  idle_events: s.idleEvents,
  manual_entries: s.manualEntries,
  cut: s.cut,
  tracked_ms: s.trackedMs,
  titles_cleared: s.titlesCleared,
  subjects: s.subjects,
});

export const purgeResultWire = (done: PurgedEverywhere): PurgeResult => ({
  ...purgePreviewWire(done),
  subjects_removed: done.subjectsRemoved,
  file_clean: done.scrubbed.complete,
  copies: done.copies.map((c) =>
    c.purged ? { file: c.file, purged: true } : { file: c.file, purged: false, error: c.error },
  ),
});

export function dataPurgeHandlers({ store, beforePurge }: HandlerDeps): HandlersOf<typeof dataPurgeApi> {
  return {
    previewPurge: ({ query }) => purgePreviewWire(store.previewPurge(purgeSelector(query))),
    purgeData: ({ query }) => {
      const selector = purgeSelector(query);
      // The tracker re-saves its open event under the same id: ended now, it cannot bring purged time back.
      beforePurge?.();
      const done = purgeEverywhere(store, selector, log);
      log.info('purged', { kind: selector.kind, subjectsRemoved: done.subjectsRemoved });
      return purgeResultWire(done);
    },
  };
}
