/**
 * The API served on top of the store, one module per family as app/shared/api declares them. Requests arrive
 * here already validated by routes.ts; handlers turn wire bodies (snake_case, ISO instants) into the store's
 * inputs (camelCase, epoch ms). The store throws DomainError, which errors.ts turns into responses.
 */
import type { ApiHandlers } from '../../shared/api/index.ts';
import { categoriesHandlers } from './categories.ts';
import { dataExportHandlers } from './data-export.ts';
import type { HandlerDeps } from './deps.ts';
import { eventsHandlers } from './events.ts';
import { goalsHandlers } from './goals.ts';
import { manualEntriesHandlers } from './manual-entries.ts';
import { pairingHandlers } from './pairing.ts';
import { pauseHandlers } from './pause.ts';
import { reportHandlers } from './report.ts';
import { drillHandlers } from './drill.ts';
import { rulesHandlers } from './rules.ts';
import { settingsHandlers } from './settings.ts';
import { dataPurgeHandlers } from './data-purge.ts';
import { dataBackupHandlers } from './data-backup.ts';
import { dataImportHandlers } from './data-import.ts';
import { retentionHandlers } from './retention.ts';
import { statusHandlers } from './status.ts';
import { syncHandlers } from './sync.ts';
import { encryptionHandlers } from './encryption.ts';
import { undoHandlers } from './undo.ts';

export type { HandlerDeps };

export function createHandlers(deps: HandlerDeps): ApiHandlers {
  return {
    ...pairingHandlers(deps),
    ...eventsHandlers(deps),
    ...categoriesHandlers(deps),
    ...reportHandlers(deps),
    ...drillHandlers(deps),
    ...pauseHandlers(deps),
    ...rulesHandlers(deps),
    ...manualEntriesHandlers(deps),
    ...goalsHandlers(deps),
    ...settingsHandlers(deps),
    ...dataExportHandlers(deps),
    ...dataPurgeHandlers(deps),
    ...dataBackupHandlers(deps),
    ...dataImportHandlers(deps),
    ...retentionHandlers(deps),
    ...statusHandlers(deps),
    ...syncHandlers(deps),
    ...encryptionHandlers(deps),
    ...undoHandlers(deps),
  };
}
