import type { HandlersOf, dataApi } from '../../shared/api/index.ts';
import { exportDownload } from '../export/download.ts';
import type { HandlerDeps } from './deps.ts';

export function dataHandlers({ store }: HandlerDeps): HandlersOf<typeof dataApi> {
  return {
    exportData: ({ query }) =>
      exportDownload(store, {
        fromMs: Date.parse(query.from),
        toMs: Date.parse(query.to),
        tz: query.tz,
        format: query.format,
        titles: query.titles,
        raw: query.raw,
      }),
  };
}
