/**
 * How the `goals` and `rules` commands change things: through the running daemon's API when one holds the data
 * folder, else on the store under the folder's lock (app/cli/writer.ts), with the same answer and exit code.
 * What they are given is checked first with the API's own schemas, so both ways refuse the same input.
 */
import type { z } from 'zod';
import type { ApiClient } from '../shared/client.ts';
import { Store } from '../db/store.ts';
import { databasePath } from './paths.ts';
import { claimWriter, viaDaemon } from './writer.ts';

/** A bad argument of `goals` or `rules` (exit code 2: nothing was changed). */
export class CommandArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandArgumentError';
  }
}

/** The body `schema` makes of `input`, or the first problem in words ("target_ms: at least one minute"). */
export function checked<S extends z.ZodType>(schema: S, input: unknown, names: Record<string, string> = {}) {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const option = names[field] ?? (field === '' ? '' : `--${field.replaceAll('_', '-')}`);
  throw new CommandArgumentError(`${option === '' ? '' : `${option}: `}${issue?.message ?? 'invalid'}`);
}

/** Reads from the store of `dataDir` (closed afterwards). */
export function withStore<T>(dataDir: string, work: (store: Store) => T): T {
  const store = Store.open({ file: databasePath(dataDir) });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

/** One change: `remote` through the daemon's API when it runs, else `local` on the store under the lock. */
export async function writeThrough<T>(
  dataDir: string,
  command: 'goals' | 'rules',
  local: (store: Store) => T,
  remote: (api: ApiClient) => Promise<T>,
): Promise<T> {
  const writer = claimWriter(dataDir, command);
  if (writer.api) return viaDaemon(remote(writer.api));
  try {
    return withStore(dataDir, local);
  } finally {
    writer.lock.release();
  }
}

/** An id as typed after `edit`, `move` or `delete`. */
export function parseId(text: string, what: string): number {
  const id = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new CommandArgumentError(
      `"${text}" is not a ${what} id: use the number \`timeaudit ${what}s\` shows`,
    );
  return id;
}
