/**
 * Where a team's session dataset lives in a bucket (Hive-style, so that every engine prunes by user and day):
 *
 * ```
 * PREFIX/sessions/user_id=U/date=YYYY-MM-DD/part-<sha256 of the file>.parquet   one object per local day
 * PREFIX/sessions/_manifest/user_id=U.json                                      which objects are current
 * ```
 *
 * A day's object is named by its content, so a day rewritten with other rows is a new object next to the
 * old one until the manifest no longer names the old one and the sync deletes it.
 */
import { DomainError } from '../core/errors.ts';

/** `s3://bucket/prefix` or a folder. */
export type Source = { kind: 's3'; bucket: string; prefix: string } | { kind: 'dir'; dir: string };

/** "team/" → "team", "" stays "" (no leading or trailing slashes in a prefix). */
export function cleanPrefix(prefix: string): string {
  return prefix.replace(/^\/+|\/+$/g, '');
}

const join = (prefix: string, rest: string): string => (prefix ? `${prefix}/${rest}` : rest);

export const sessionsRoot = (prefix: string): string => join(cleanPrefix(prefix), 'sessions');

export function dayKey(prefix: string, userId: string, date: string, sha256: string): string {
  return `${sessionsRoot(prefix)}/user_id=${userId}/date=${date}/part-${sha256}.parquet`;
}

export function manifestKey(prefix: string, userId: string): string {
  return `${sessionsRoot(prefix)}/_manifest/user_id=${userId}.json`;
}

/** The folder of every manifest: a team report lists it to find the people. */
export const manifestFolder = (prefix: string): string => `${sessionsRoot(prefix)}/_manifest/`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A user id names a folder: letters, digits, `-` and `_` only. */
export const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** `s3://bucket/some/prefix` → an S3 source; anything else is a folder. */
export function parseSource(text: string): Source {
  if (!text.startsWith('s3://')) return { kind: 'dir', dir: text };
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new DomainError('invalid', `"${text}" does not name a bucket (s3://bucket/prefix)`, 'source');
  return { kind: 's3', bucket, prefix: cleanPrefix(slash < 0 ? '' : rest.slice(slash + 1)) };
}
