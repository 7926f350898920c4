/**
 * POST /v1/import/activitywatch and /v1/import/timeaudit: the body is the file, read as it arrives (see
 * registerStreamed in ../routes.ts). The user's exclusions apply as they do to events posted one by one.
 */
import type { dataImportApi, HandlersOf, StreamedBody } from '../../shared/api/index.ts';
import { IMPORT_LIMIT_BYTES } from '../../shared/routes.ts';
import { ApiError } from '../../shared/errors.ts';
import { importActivityWatch } from '../../db/import/activitywatch.ts';
import { importTimeAudit } from '../../db/import/timeaudit.ts';
import { TooLargeError } from '../../db/import/json-stream.ts';
import type { ImportOptions } from '../../db/import/summary.ts';
import type { Store } from '../../db/store.ts';
import type { ImportSummary } from '../../shared/api/data-import.ts';
import type { HandlerDeps } from './deps.ts';

type Importer = (
  store: Store,
  input: AsyncIterable<Uint8Array>,
  options: ImportOptions,
) => Promise<ImportSummary>;

export function dataImportHandlers({
  store,
  now,
  exclusions,
}: HandlerDeps): HandlersOf<typeof dataImportApi> {
  const run =
    (importer: Importer) =>
    async ({ body }: { body: StreamedBody }): Promise<ImportSummary> => {
      const input = body instanceof Blob ? body.stream() : body;
      try {
        return await importer(store, input, { now, exclusions, limitBytes: IMPORT_LIMIT_BYTES });
      } catch (error) {
        if (error instanceof TooLargeError) throw new ApiError('payload_too_large', error.message);
        throw error;
      }
    };
  return {
    importActivityWatch: run(importActivityWatch),
    importTimeAudit: run(importTimeAudit),
  };
}
