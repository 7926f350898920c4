import type { drillApi, HandlersOf } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

const sum = (rows: Array<{ ms: number }>): number => rows.reduce((total, r) => total + r.ms, 0);

export function drillHandlers({ store }: HandlerDeps): HandlersOf<typeof drillApi> {
  return {
    reportTitles: ({ query }) => {
      const titles = store.titles(query.app, Date.parse(query.from), Date.parse(query.to));
      return { app: query.app, from: query.from, to: query.to, total_ms: sum(titles), titles };
    },
    reportDays: ({ query }) => {
      const days = store.subjectDays(
        query.kind,
        query.name,
        Date.parse(query.from),
        Date.parse(query.to),
        query.tz,
      );
      return { ...query, total_ms: sum(days), days };
    },
  };
}
