/**
 * Fastify routes derived from the `api` map in app/shared: one route per entry (method, path, success status,
 * whether it needs the token), its params / query / body validated with the entry's zod schemas before the
 * handler runs. A handler answers JSON, or a Download (app/shared/download.ts) that is streamed as a file. A known path asked with another method answers 405 with an Allow header instead of 404.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { api, type ApiHandlers, type ApiName, type ApiRequest } from '../shared/api/index.ts';
import { isDownload } from '../shared/download.ts';
import { ApiError } from '../shared/errors.ts';
import { fromZodError } from './errors.ts';
import type { RouteGuardConfig } from './security.ts';

/** What routes.ts reads of an `api` entry. */
interface EndpointSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  auth: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status: number;
  stream?: { limitBytes: number };
}

type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function endpoints(): [ApiName, EndpointSpec][] {
  return (Object.keys(api) as ApiName[]).map((name) => [name, api[name] as EndpointSpec]);
}

function parsePart(schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

/** The validated request a handler receives. Throws ApiError('validation_failed') naming the first bad field. */
export function parseRequest(spec: EndpointSpec, request: FastifyRequest): ApiRequest<ApiName> {
  return {
    params: parsePart(spec.params, request.params),
    query: parsePart(spec.query, request.query),
    body: parsePart(spec.body, request.body),
  } as ApiRequest<ApiName>;
}

export function registerRoutes(app: FastifyInstance, handlers: ApiHandlers): void {
  const byPath = new Map<string, EndpointSpec[]>();
  for (const [name, spec] of endpoints()) {
    // The one place where the typed map meets the untyped wire: parseRequest has checked the shape.
    const handle = handlers[name] as (req: ApiRequest<ApiName>) => unknown;
    const config: RouteGuardConfig = { auth: spec.auth };
    if (spec.stream) registerStreamed(app, spec, spec.stream.limitBytes, handle);
    else
      app.route({
        method: spec.method,
        url: spec.path,
        config,
        handler: async (request, reply) => {
          const result = await handle(parseRequest(spec, request));
          reply.code(spec.status);
          if (isDownload(result)) {
            // A file (an export): streamed as it is made, the name in Content-Disposition.
            return reply
              .header('content-type', result.contentType)
              .header('content-disposition', `attachment; filename="${result.fileName}"`)
              .header('cache-control', 'no-store')
              .send(Readable.from(result.body, { objectMode: false }));
          }
          return result;
        },
      });
    byPath.set(spec.path, [...(byPath.get(spec.path) ?? []), spec]);
  }

  for (const [path, specs] of byPath) {
    const allowed: HttpMethod[] = specs.map((spec) => spec.method);
    if (allowed.includes('GET')) allowed.push('HEAD'); // fastify answers HEAD for every GET route
    const others = HTTP_METHODS.filter((method) => !allowed.includes(method));
    const config: RouteGuardConfig = { auth: specs.some((spec) => spec.auth) };
    app.route({
      method: others,
      url: path,
      config,
      handler: async (request, reply) => {
        reply.header('allow', allowed.join(', '));
        throw new ApiError(
          'method_not_allowed',
          `${request.method} is not allowed here; use ${allowed.join(' or ')}`,
        );
      },
    });
  }
}

/**
 * A route whose body is a file read as it arrives (an import): in a scope of its own, JSON bodies are not
 * parsed before the handler but handed to it as a stream of bytes, up to `limitBytes` instead of 1 MiB. When
 * the handler stops reading early (the file is not valid JSON), the client still sending gets the answer: Node
 * drops the rest of the body once the answer is sent.
 */
function registerStreamed(
  app: FastifyInstance,
  spec: EndpointSpec,
  limitBytes: number,
  handle: (req: ApiRequest<ApiName>) => unknown,
): void {
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', (_request, payload, done) => done(null, payload));
    scope.route({
      method: spec.method,
      url: spec.path,
      config: { auth: spec.auth } satisfies RouteGuardConfig,
      bodyLimit: limitBytes,
      handler: async (request, reply) => {
        const raw = request.raw;
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > limitBytes) return tooLarge(reply, limitBytes);
        if (request.body === undefined) throw new ApiError('bad_request', 'the body is empty');
        try {
          const body = raw.iterator({ destroyOnReturn: false });
          const result = await handle({ ...parseRequest({ ...spec, body: undefined }, request), body });
          reply.code(spec.status);
          return result;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'payload_too_large')
            return tooLarge(reply, limitBytes);
          // The client went away mid-upload: nothing was stored, and there is no one left to answer.
          if (raw.readableAborted || raw.errored)
            throw new ApiError('bad_request', 'the body ended before all of it arrived');
          throw error;
        }
      },
    });
  });
}

function tooLarge(reply: FastifyReply, limitBytes: number): never {
  // Still sending: the connection is closed after the answer rather than reading the rest.
  reply.header('connection', 'close');
  throw new ApiError('payload_too_large', `the file is larger than ${limitBytes} bytes`);
}
