/**
 * Every failure of the listener leaves as the one error shape `{"error":{"code","message","field"?}}` with the
 * status from ERROR_STATUS. This module is the only place that turns an exception into that shape: zod issues,
 * fastify's own errors (body too large, bad JSON, unsupported media type, malformed URL), the store's DomainError
 * (said in the model's words, turned here into the wire's code, status and field names), and anything
 * unexpected, which becomes a generic 500 and is logged rather than shown.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorKind } from '../core/errors.ts';
import { ApiError, ERROR_STATUS, type ErrorCode } from '../shared/errors.ts';
import type { Logger } from '../core/logger.ts';

const INTERNAL_MESSAGE = 'internal error';

/** Fastify's error codes that a client can cause, and what each means in our vocabulary. */
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'the body is larger than 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'the body must be application/json',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'the body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    message: 'the body does not match Content-Length',
  },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'the URL is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'bad_request', message: 'a path segment is too long' },
};

/** When fastify reports a 4xx we have no code for, its status still says whose fault it was. */
const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Each kind of the store's errors, as the wire says it (a CLI talking to the daemon reads it backwards). */
export const DOMAIN_CODES: Readonly<Record<DomainErrorKind, ErrorCode>> = {
  invalid: 'validation_failed',
  not_found: 'not_found',
  unknown_category: 'unknown_category',
  conflict: 'conflict',
  storage_full: 'storage_full',
  not_ready: 'preparing',
};

/**
 * The wire's name of a field the store names in its own words, where they differ: the API takes instants as
 * ISO strings named `start`/`end` and durations in snake_case, the store epoch ms in camelCase.
 */
const WIRE_FIELDS: Readonly<Record<string, string>> = {
  startMs: 'start',
  endMs: 'end',
  targetMs: 'target_ms',
  fromMs: 'from',
  toMs: 'to',
};

export function fromDomainError(error: DomainError): ApiError {
  const field = error.field === undefined ? undefined : (WIRE_FIELDS[error.field] ?? error.field);
  return new ApiError(DOMAIN_CODES[error.kind], error.message, field);
}

/** The first zod issue as a validation failure; `field` is its path joined with '.' (absent for the root). */
export function fromZodError(error: ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError('validation_failed', 'invalid input');
  const field = issue.path.map(String).join('.');
  return new ApiError(
    'validation_failed',
    field ? `${field}: ${issue.message}` : issue.message,
    field || undefined,
  );
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Maps any thrown value to an ApiError. Returns null for a failure that is ours (5xx): the caller logs it. */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof ZodError) return fromZodError(error);
  if (isFastifyError(error)) {
    const known = FASTIFY_ERRORS[error.code];
    if (known) return new ApiError(known.code, known.message);
    // The default JSON parser rejects __proto__ / constructor.prototype keys with a plain 400.
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return new ApiError(BY_STATUS[status] ?? 'bad_request', error.message);
    }
  }
  return null;
}

/** Seconds a client waits before asking again for what is being prepared. */
const RETRY_AFTER_SECONDS = 2;

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.code === 'preparing') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(error.status).type('application/json; charset=utf-8').send(error.toBody());
}

function describe(request: FastifyRequest): { method: string; url: string } {
  return { method: request.method, url: request.url };
}

/** Answers with the error shape for anything a client caused; logs and hides anything else. */
export function replyWithError(
  log: Logger,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const mapped = toApiError(error);
  if (mapped) {
    // "Being prepared" is the daemon working as meant (the client asks again): not an error in its log.
    if (mapped.code === 'preparing') log.info(mapped.message, describe(request));
    else if (mapped.status >= 500) log.error(mapped.message, describe(request));
    return sendError(reply, mapped);
  }
  const detail =
    error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  log.error('unexpected failure while handling a request', { ...describe(request), ...detail });
  return sendError(reply, new ApiError('internal', INTERNAL_MESSAGE));
}

/** The error handler and the 404 handler of the whole instance. */
export function installErrorHandling(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((error, request, reply) => replyWithError(log, error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/**
 * Fastify's `clientErrorHandler`: the request could not even be parsed as HTTP (bad framing, headers too
 * large, timeout). Writes the error shape straight to the socket and closes it, as fastify's default does.
 */
export function writeClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const body = JSON.stringify(new ApiError('bad_request', 'the request is not valid HTTP').toBody());
    socket.write(
      `HTTP/1.1 ${ERROR_STATUS.bad_request} Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
