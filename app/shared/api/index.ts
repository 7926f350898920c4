/**
 * The localhost API, declared once, one module per family. Each entry names its route (app/shared/routes.ts),
 * the zod schemas of what it takes and the type it answers. The daemon's HTTP routes (app/server) are derived
 * from this map, and so are the clients of the dashboard and the extension (app/shared/client.ts, from the
 * route table and these types only, so they do not ship zod). The desktop app serves the same HTTP API to its
 * window; its IPC carries only the desktop bridge (app/shared/desktop-bridge.ts).
 */
import { ROUTES, type RouteName } from '../routes.ts';
import type { BodyOf, HandlersOf, ParamsOf, QueryOf, RequestOf, ResponseOf } from './endpoint.ts';
import { categoriesApi } from './categories.ts';
import { eventsApi } from './events.ts';
import { goalsApi } from './goals.ts';
import { manualEntriesApi } from './manual-entries.ts';
import { pairingApi } from './pairing.ts';
import { pauseApi } from './pause.ts';
import { reportApi } from './report.ts';
import { rulesApi } from './rules.ts';
import { settingsApi } from './settings.ts';
import { dataImportApi } from './data-import.ts';

export * from './endpoint.ts';
export * from './categories.ts';
export * from './events.ts';
export * from './goals.ts';
export * from './manual-entries.ts';
export * from './pairing.ts';
export * from './pause.ts';
export * from './report.ts';
export * from './rules.ts';
export * from './settings.ts';
export * from './data-import.ts';

export const api = {
  ...pairingApi,
  ...eventsApi,
  ...categoriesApi,
  ...reportApi,
  ...pauseApi,
  ...rulesApi,
  ...manualEntriesApi,
  ...goalsApi,
  ...settingsApi,
  ...dataImportApi,
};

export type Api = typeof api;
export type ApiName = keyof Api;
// The route table and this map name the same calls (checked both ways at compile time).
const _everyRouteHasSchemas: Record<RouteName, unknown> = api;
const _everyEntryHasARoute: Record<ApiName, unknown> = ROUTES;

export type ApiParams<K extends ApiName> = ParamsOf<Api[K]>;
export type ApiQuery<K extends ApiName> = QueryOf<Api[K]>;
export type ApiBody<K extends ApiName> = BodyOf<Api[K]>;
export type ApiResponse<K extends ApiName> = ResponseOf<Api[K]>;
export type ApiRequest<K extends ApiName> = RequestOf<Api[K]>;
/** One function per endpoint: what the daemon's routes serve. */
export type ApiHandlers = HandlersOf<Api>;
