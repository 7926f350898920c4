import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../shared/errors.ts';
import { fromZodError, toApiError } from './errors.ts';

function fastifyError(code: string, statusCode: number, message = 'x'): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

describe('toApiError maps every failure to the one error shape', () => {
  it('keeps an ApiError as it is', () => {
    const error = new ApiError('unknown_category', 'no category "x"', 'category');
    expect(toApiError(error)).toBe(error);
  });

  it('turns a zod error into validation_failed with the issue path joined by dots', () => {
    const schema = z.object({ a: z.object({ b: z.array(z.number()) }) });
    const result = schema.safeParse({ a: { b: [1, 'two'] } });
    expect(result.success).toBe(false);
    const error = toApiError(result.error);
    expect(error?.toBody()).toEqual({
      error: { code: 'validation_failed', field: 'a.b.1', message: expect.stringMatching(/^a\.b\.1: /) },
    });
    expect(error?.status).toBe(400);
  });

  it('leaves out the field of a root-level zod issue', () => {
    const result = z.object({}).strict().safeParse({ x: 1 });
    expect(fromZodError(result.error!).field).toBeUndefined();
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'payload_too_large'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'unsupported_media_type'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'bad_request'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'bad_request'],
    ['FST_ERR_BAD_URL', 400, 'bad_request'],
    ['FST_ERR_SOMETHING_NEW', 404, 'not_found'],
    ['FST_ERR_SOMETHING_ELSE', 408, 'bad_request'],
  ])('maps fastify’s %s (%i) to %s', (code, status, expected) => {
    expect(toApiError(fastifyError(code, status))?.code).toBe(expected);
  });

  it('leaves anything else to the caller as an internal failure', () => {
    expect(toApiError(new Error('boom'))).toBeNull();
    expect(toApiError(fastifyError('FST_ERR_CTP_INVALID_PARSE_TYPE', 500))).toBeNull();
    expect(toApiError('a string')).toBeNull();
  });
});
