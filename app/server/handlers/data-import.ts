/**
 * POST /v1/import/activitywatch and /v1/import/timeaudit: the body is the file, read as it arrives (see
 * registerStreamed in ../routes.ts). The user's exclusions apply as they do to events posted one by one.
 */
import type { dataImportApi, HandlersOf, StreamedBody } from '../../shared/api/index.ts';
import { IMPORT_LIMIT_BYTES } from '../../shared/routes.ts';
import { ApiError } from '../../shared/errors.ts';
import { TooLargeError, type ImportOptions } from '../../db/import/summary.ts';
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
  // The parsers are loaded by the first import, not by every daemon's start.
  const run =
    (load: () => Promise<Importer>) =>
    async ({ body }: { body: StreamedBody }): Promise<ImportSummary> => {
      const input = body instanceof Blob ? body.stream() : body;
      try {
        const importer = await load();
        return await importer(store, input, { now, exclusions, limitBytes: IMPORT_LIMIT_BYTES });
      } catch (error) {
        if (error instanceof TooLargeError) throw new ApiError('payload_too_large', error.message);
        throw error;
      }
    };
  return {
    importActivityWatch: run(
      async () => (await import('../../db/import/activitywatch.ts')).importActivityWatch,
    ),
    importTimeAudit: run(async () => (await import('../../db/import/timeaudit.ts')).importTimeAudit),
  };
}
