import type { HandlersOf, dataExportApi } from '../../shared/api/index.ts';
import { exportDownload } from '../export/download.ts';
import type { HandlerDeps } from './deps.ts';

export function dataExportHandlers({ store }: HandlerDeps): HandlersOf<typeof dataExportApi> {
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
