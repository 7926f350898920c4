import type { HandlersOf, reportApi } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

export function reportHandlers({ store }: HandlerDeps): HandlersOf<typeof reportApi> {
  return {
    report: ({ query }) =>
      store.report({
        fromMs: Date.parse(query.from),
        toMs: Date.parse(query.to),
        tz: query.tz,
        limit: query.limit,
      }),
    timeline: ({ query }) => store.timeline(query.date, query.tz),
  };
}
