import type { HandlersOf, retentionApi, RetentionPreviewView } from '../../shared/api/index.ts';
import { retentionCutoffs } from '../../db/retention.ts';
import type { RetentionPreview } from '../../db/store.ts';
import type { HandlerDeps } from './deps.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const retentionPreviewWire = (p: RetentionPreview): RetentionPreviewView => ({
  titles_before: iso(p.titlesBeforeMs),
  events_before: iso(p.eventsBeforeMs),
  titles: p.titles,
  titles_ms: p.titlesMs,
  oldest_title: iso(p.oldestTitleMs),
  // Events cut at the cutoff keep their part after it: they are not deleted.
  events:
    p.events.windowEvents +
    p.events.browserEvents +
    p.events.idleEvents +
    p.events.manualEntries -
    p.events.cut,
  manual_entries: p.events.manualEntries,
  events_ms: p.events.trackedMs,
  oldest_event: iso(p.oldestEventMs),
});

export function retentionHandlers({ store, now, tz }: HandlerDeps): HandlersOf<typeof retentionApi> {
  return {
    previewRetention: ({ body }) => {
      const policy = { keepTitlesDays: body.keep_titles_days, keepEventsDays: body.keep_events_days };
      return retentionPreviewWire(store.previewRetention(retentionCutoffs(policy, now(), tz)));
    },
  };
}
