/**
 * What can go wrong in the model and the store, said in their own words. The transports say it in theirs:
 * app/server/errors.ts maps each kind to an HTTP status and the wire's error code and field names, once;
 * app/cli/errors.ts to a message and an exit code. Nothing below the transports knows either.
 */

export const DOMAIN_ERROR_KINDS = [
  /** The input breaks a rule of the model (an entry ending before it starts, an unknown time zone). */
  'invalid',
  /** The thing addressed by its id does not exist. */
  'not_found',
  /** The input names a category that does not exist. */
  'unknown_category',
  /** The input clashes with what is stored (a taken name, an overlapping entry). */
  'conflict',
  /** The disk holding the database is full: nothing was written. */
  'storage_full',
  /** What was asked needs work still under way (a zone's summaries being built); asking again later works. */
  'not_ready',
] as const;

export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** The input that is wrong, named as the domain names it (`targetMs`, `startMs`, `category`). */
  readonly field: string | undefined;

  constructor(kind: DomainErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.field = field;
  }
}

/** Whether `error` is the domain's error of this kind (a full disk, say, which callers may wait out). */
export const isDomainError = (error: unknown, kind: DomainErrorKind): error is DomainError =>
  error instanceof DomainError && error.kind === kind;

export const invalid = (message: string, field?: string) => new DomainError('invalid', message, field);
export const notFound = (message: string, field?: string) => new DomainError('not_found', message, field);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
export const unknownCategory = (name: string) =>
  new DomainError('unknown_category', `there is no category named "${name}"`, 'category');
