/** Every family's calls in one map, checked against the route table both ways at compile time. */
import { ROUTES, type RouteName } from '../routes.ts';
import { categoriesApi } from './categories.ts';
import { dataBackupApi } from './data-backup.ts';
import { dataExportApi } from './data-export.ts';
import { dataImportApi } from './data-import.ts';
import { dataPurgeApi } from './data-purge.ts';
import { eventsApi } from './events.ts';
import { goalsApi } from './goals.ts';
import { manualEntriesApi } from './manual-entries.ts';
import { pairingApi } from './pairing.ts';
import { pauseApi } from './pause.ts';
import { reportApi } from './report.ts';
import { drillApi } from './drill.ts';
import { rulesApi } from './rules.ts';
import { settingsApi } from './settings.ts';
import { retentionApi } from './retention.ts';
import { statusApi } from './status.ts';
import { syncApi } from './sync.ts';
import { encryptionApi } from './encryption.ts';
import { undoApi } from './undo.ts';

export const api = {
  ...pairingApi,
  ...eventsApi,
  ...categoriesApi,
  ...reportApi,
  ...drillApi,
  ...pauseApi,
  ...rulesApi,
  ...manualEntriesApi,
  ...goalsApi,
  ...settingsApi,
  ...dataExportApi,
  ...dataImportApi,
  ...dataPurgeApi,
  ...dataBackupApi,
  ...retentionApi,
  ...statusApi,
  ...syncApi,
  ...encryptionApi,
  ...undoApi,
};

export type Api = typeof api;
export type ApiName = keyof Api;
const _everyRouteHasSchemas: Record<RouteName, unknown> = api;
const _everyEntryHasARoute: Record<ApiName, unknown> = ROUTES;
