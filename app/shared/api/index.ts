/**
 * The localhost API, declared once, one module per family. Each entry names its route (app/shared/routes.ts),
 * the zod schemas of what it takes and the type it answers; map.ts combines the families. The daemon's HTTP
 * routes (app/server) are derived from this map, and so are the clients of the dashboard and the extension
 * (app/shared/client.ts, from the route table and these types only, so they do not ship zod). The desktop app
 * serves the same HTTP API to its window; its IPC carries only the desktop bridge (desktop-bridge.ts).
 */
import type { BodyOf, HandlersOf, ParamsOf, QueryOf, RequestOf, ResponseOf } from './endpoint.ts';
import type { Api, ApiName } from './map.ts';

export * from './endpoint.ts';
export * from './map.ts';
export * from './pairing.ts';
export * from './events.ts';
export * from './categories.ts';
export * from './report.ts';
export * from './drill.ts';
export * from './pause.ts';
export * from './rules.ts';
export * from './manual-entries.ts';
export * from './goals.ts';
export * from './settings.ts';
export * from './data-export.ts';
export * from './data-import.ts';
export * from './data-purge.ts';
export * from './data-backup.ts';
export * from './retention.ts';
export * from './status.ts';
export * from './sync.ts';
export * from './encryption.ts';
export * from './undo.ts';

export type ApiParams<K extends ApiName> = ParamsOf<Api[K]>;
export type ApiQuery<K extends ApiName> = QueryOf<Api[K]>;
export type ApiBody<K extends ApiName> = BodyOf<Api[K]>;
export type ApiResponse<K extends ApiName> = ResponseOf<Api[K]>;
export type ApiRequest<K extends ApiName> = RequestOf<Api[K]>;
/** One function per endpoint: what the daemon's routes serve. */
export type ApiHandlers = HandlersOf<Api>;
