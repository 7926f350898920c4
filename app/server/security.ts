/**
 * The request guards, run in one onRequest hook before any body is read, in this order:
 *
 *   Host ──403──▶ Origin ──403──▶ token ──401──▶ media type ──415──▶ route
 *
 * - Host must name this listener (127.0.0.1:PORT or localhost:PORT). A page on evil.example whose DNS is rebound
 *   to 127.0.0.1 sends `Host: evil.example`, so this check is what stops DNS rebinding (ActivityWatch
 *   CVE-2022-31149). It runs even for /v1/health and before the token, so a rebinding page learns nothing.
 * - Origin, when a browser sends one, must be our extension or our own dashboard. We never answer with CORS
 *   headers, so a foreign page can neither read a response nor pass a preflight.
 * - The bearer token is compared in constant time (both sides hashed first, so lengths leak nothing either).
 * - A body must be JSON: a cross-site form or `text/plain` POST is a "simple" request that browsers send without
 *   a preflight, so refusing every other media type closes that door before any parser runs.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../shared/errors.ts';
import type { Logger } from '../core/logger.ts';

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const;

/** Methods whose requests carry a body, and so must say it is JSON. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const wanted = host.toLowerCase();
  return LOOPBACK_NAMES.some((name) => wanted === `${name}:${port}`);
}

export function isAllowedOrigin(origin: string, port: number, extensionIds: ReadonlySet<string>): boolean {
  const wanted = origin.toLowerCase();
  if (LOOPBACK_NAMES.some((name) => wanted === `http://${name}:${port}`)) return true;
  const prefix = 'chrome-extension://';
  return wanted.startsWith(prefix) && extensionIds.has(wanted.slice(prefix.length));
}

/** `application/json`, optionally with a UTF-8 charset (JSON on the wire is UTF-8, RFC 8259 §8.1). */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => param === '' || /^charset="?utf-?8"?$/.test(param));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** True when `header` is `Bearer <token>` (scheme case-insensitive), compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = header === undefined ? null : /^bearer +(\S+) *$/i.exec(header);
  const presented = match?.[1] ?? '';
  // Always compare, even with nothing presented, so the timing of a miss does not depend on the header.
  const equal = timingSafeEqual(digest(presented), digest(token));
  return equal && presented.length > 0;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    BODY_METHODS.has(request.method) ||
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

/** What a route declares about itself in its fastify `config`. */
export interface RouteGuardConfig {
  /** false only for routes anyone on this machine may call (health). Unknown routes require the token. */
  auth?: boolean;
}

export interface GuardOptions {
  token: string;
  extensionIds: readonly string[];
  /** The port actually bound (known only after listen when asked for port 0). */
  port: () => number;
  log: Logger;
}

export function installGuards(app: FastifyInstance, options: GuardOptions): void {
  const extensionIds = new Set(options.extensionIds.map((id) => id.trim().toLowerCase()).filter(Boolean));
  const log = options.log;

  app.addHook('onRequest', async (request, reply) => {
    const port = options.port();
    const { host, origin } = request.headers;
    if (!isAllowedHost(host, port)) {
      log.warn('refused a request for a foreign Host (DNS rebinding?)', { host, url: request.url });
      throw new ApiError('forbidden_host', 'the Host header must be 127.0.0.1 or localhost with this port');
    }
    if (origin !== undefined && !isAllowedOrigin(origin, port, extensionIds)) {
      log.warn('refused a request from a foreign Origin', { origin, url: request.url });
      throw new ApiError('forbidden_origin', 'this origin may not call the Time Audit API');
    }
    // Only the API needs the token (the dashboard's files hold no data); an unknown /v1/ path needs it too,
    // so that the API's routes are not revealed to whoever lacks it.
    const config = request.routeOptions.config as RouteGuardConfig | undefined;
    const isApi = request.url === '/v1' || request.url.startsWith('/v1/');
    if (isApi && config?.auth !== false && !bearerMatches(request.headers.authorization, options.token)) {
      reply.header('www-authenticate', 'Bearer');
      throw new ApiError('unauthorized', 'a valid "Authorization: Bearer <token>" header is required');
    }
    if (hasBody(request) && !isJsonContentType(request.headers['content-type'])) {
      throw new ApiError('unsupported_media_type', 'the body must be application/json');
    }
  });

  // Responses are private and never meant to be rendered or cached by a browser.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
}
