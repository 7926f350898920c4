/** The dashboard's one way to the app: the typed client of the API map, on the page's own origin. */
import { createApiClient, ConnectionError } from '../../../app/shared/client.ts';
import { ApiError } from '../../../app/shared/errors.ts';
import { readable } from './messages.ts';
import { readToken } from './token.ts';

export const api = createApiClient({ baseUrl: '', token: readToken });

export { ApiError, ConnectionError };

export const isUnauthorized = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'unauthorized';

/** The app is still preparing what was asked (a zone's summaries): asking again in a moment works. */
export const isPreparing = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'preparing';

/** A sentence for the user about a failed call. */
export function describeError(error: unknown): string {
  if (error instanceof ConnectionError) return 'Time Audit is not reachable. Is “timeaudit serve” running?';
  if (error instanceof ApiError) return readable(error.message, error.field);
  return readable(error instanceof Error ? error.message : String(error));
}
