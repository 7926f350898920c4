/**
 * The API's client, derived from the same route table as the server's routes: one typed function per endpoint.
 * It imports the API map's types only, so the dashboard and the extension do not ship zod.
 * Used by the dashboard and the browser extension. It runs anywhere `fetch` does (browser, extension service
 * worker, Node).
 */
import type { ApiBody, ApiName, ApiParams, ApiQuery, ApiResponse } from './api/index.ts';
import { ROUTES } from './routes.ts';
import { ApiError, ERROR_STATUS, type ApiErrorBody, type ErrorCode } from './errors.ts';
import { fileNameOf, type Download, type DownloadedFile } from './download.ts';

export interface ClientOptions {
  /** e.g. http://127.0.0.1:47600, or '' for the page's own origin. */
  baseUrl: string;
  /** The bearer token, read at each call (it may be set after pairing). */
  token: () => string | null;
  fetch?: typeof fetch;
}

// Not distributed over a union body (e.g. PauseBody): the request holds the union as a whole. A part whose
// fields are all optional (a query of options) may be left out.
type Part<T, Name extends string> = [T] extends [undefined]
  ? { [K in Name]?: undefined }
  : object extends T
    ? { [K in Name]?: T }
    : { [K in Name]: T };
export type ClientRequest<K extends ApiName> = Part<ApiParams<K>, 'params'> &
  Part<ApiQuery<K>, 'query'> &
  Part<ApiBody<K>, 'body'>;

/** What a call resolves to: the answer's JSON, or for a file (an export) its bytes and name. */
export type ClientResponse<K extends ApiName> =
  ApiResponse<K> extends Download ? DownloadedFile : ApiResponse<K>;

export type ApiClient = {
  [K in ApiName]: (request: ClientRequest<K>) => Promise<ClientResponse<K>>;
};

/** The app could not be reached at all (not running, wrong port, offline). */
export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The URL of one call: path parameters filled in, query parameters appended. */
export function urlFor(path: string, params?: object, query?: object): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown> | undefined)?.[name] ?? '')),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

export function createApiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const call = async (name: ApiName, request: { params?: object; query?: object; body?: unknown }) => {
    const spec = ROUTES[name];
    const token = options.token();
    const headers: Record<string, string> = {};
    if (spec.auth && token) headers.authorization = `Bearer ${token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    // A file (an import) goes as it is: a Blob, or a stream of bytes sent as it is read (`duplex` says so).
    const streamed = 'stream' in spec && request.body !== undefined;
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${urlFor(spec.path, request.params, request.query)}`, {
        method: spec.method,
        headers,
        body:
          request.body === undefined
            ? null
            : streamed
              ? (request.body as RequestInit['body'])
              : JSON.stringify(request.body),
        ...(streamed && !(request.body instanceof Blob) ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw new ConnectionError(`Time Audit is not reachable (${(error as Error).message})`);
    }
    if (response.ok && 'download' in spec) {
      const fileName = fileNameOf(response.headers.get('content-disposition')) ?? 'timeaudit-export';
      return { blob: await response.blob(), fileName } satisfies DownloadedFile;
    }
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return payload;
    if (isErrorBody(payload) && payload.error.code in ERROR_STATUS) {
      throw new ApiError(payload.error.code as ErrorCode, payload.error.message, payload.error.field);
    }
    throw new ApiError('internal', `unexpected answer ${response.status} from Time Audit`);
  };
  return Object.fromEntries(
    (Object.keys(ROUTES) as ApiName[]).map((name) => [name, (request: object) => call(name, request ?? {})]),
  ) as ApiClient;
}
