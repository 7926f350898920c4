/**
 * What every API family declares its calls with: an endpoint is a route of app/shared/routes.ts (method, path,
 * token, success status) plus the zod schemas of what it takes, and the type it answers. The input types are
 * inferred from the schemas; the answer's type is named once, where the family declares the call.
 */
import { z } from 'zod';
import { PRODUCTIVITIES } from '../report.ts';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../names.ts';
import type { RouteSpec } from '../routes.ts';

export interface Endpoint<P, Q, B, R> extends RouteSpec {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Type-only marker of the response. */
  response?: R;
}

/** `endpoint<Answer>()({ ...ROUTES.name, body: schema })`: the answer is named, the rest inferred. */
export function endpoint<R>() {
  return <P = undefined, Q = undefined, B = undefined>(e: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> => e;
}

type AnyEndpoint = Endpoint<unknown, unknown, unknown, unknown>;
type Parts<E> = E extends Endpoint<infer P, infer Q, infer B, infer R> ? [P, Q, B, R] : never;
export type ParamsOf<E> = Parts<E>[0];
export type QueryOf<E> = Parts<E>[1];
export type BodyOf<E> = Parts<E>[2];
export type ResponseOf<E> = Parts<E>[3];

/** What a transport hands a handler once the request has been validated. */
export interface RequestOf<E> {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
}

/** One function per call of a family (or of the whole API). */
export type HandlersOf<M extends Record<string, AnyEndpoint>> = {
  [K in keyof M]: (req: RequestOf<M[K]>) => ResponseOf<M[K]> | Promise<ResponseOf<M[K]>>;
};

// Fields that several families take.
/** Text the API stores (a name, a label, a pattern, a note): no control characters, once trimmed. */
export const plainText = (text: z.ZodString) =>
  text.refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE);
export const categoryName = plainText(
  z.string().trim().min(1, 'a name is required').max(64, 'at most 64 characters'),
);
export const productivity = z.enum(PRODUCTIVITIES);
export const isoInstant = z.iso.datetime({
  offset: true,
  message: 'an ISO-8601 instant with a zone, e.g. 2026-01-01T00:00:00Z',
});
export const timeZone = z.string().min(1).max(64).default('UTC');
export const idParams = z.object({ id: z.coerce.number().int().positive() });
/** An empty JSON object: every POST must be application/json (see app/server/security.ts). */
export const emptyBody = z.object({}).strict();

/** What a DELETE answers. */
export interface Deleted {
  id: number;
  deleted: true;
  /** Undoes the delete for a few minutes (POST /v1/undo), where the call offers it. */
  undo?: string;
}
