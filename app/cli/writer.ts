/**
 * Where a writing command (`log add|edit|delete`, `demo`, `import`) writes. A data folder has one writer: when the daemon
 * or the desktop app holds it, the command goes through that process's API (the lock's holder file says where
 * it listens; the token is in the data folder), so its rules, exclusions and rollups see the change as their
 * own; when none runs, the command takes the folder's lock for its run and writes to the store itself.
 * Reading never needs either: SQLite's WAL lets any process read while another writes.
 */
import { DomainError, type DomainErrorKind } from '../core/errors.ts';
import { DataFolderLock, isDaemon, type LockCommand } from '../db/data-lock.ts';
import { DOMAIN_CODES } from '../server/errors.ts';
import { loadOrCreateToken } from '../server/token.ts';
import { ConnectionError, createApiClient, type ApiClient } from '../shared/client.ts';
import { ApiError } from '../shared/errors.ts';

export type Writer = { api: ApiClient; lock: null } | { api: null; lock: DataFolderLock };

/** How long a command waits for another command's run, or for a starting daemon to listen. */
const WAIT_MS = 15_000;

/** The running daemon's API, else the data folder's lock (release it when done). */
export function claimWriter(
  dataDir: string,
  command: Extract<
    LockCommand,
    'log' | 'demo' | 'purge' | 'import' | 'retention' | 'sync' | 'encrypt' | 'goals' | 'rules'
  >,
): Writer {
  let daemonUrl: string | null = null;
  try {
    const lock = DataFolderLock.acquire(dataDir, command, {
      waitMs: WAIT_MS,
      keepWaiting: (holder) => {
        if (isDaemon(holder) && holder?.url) daemonUrl = holder.url;
        return daemonUrl === null;
      },
    });
    return { api: null, lock };
  } catch (error) {
    if (daemonUrl === null) throw error;
  }
  const token = loadOrCreateToken(dataDir);
  const baseUrl: string = daemonUrl;
  return { api: createApiClient({ baseUrl, token: () => token }), lock: null };
}

/** The daemon's failures in the store's words, so the command says them as it would have written itself. */
const DOMAIN_KINDS = new Map(
  Object.entries(DOMAIN_CODES).map(([kind, code]) => [code, kind as DomainErrorKind] as const),
);

/** The daemon could not be reached or refused the command for a reason of its own (exit code 1). */
export class DaemonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DaemonError';
  }
}

/** Awaits a call to the daemon; its error answers become the DomainError the store would have thrown. */
export async function viaDaemon<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ConnectionError) throw new DaemonError(error.message);
    if (!(error instanceof ApiError)) throw error;
    const kind = DOMAIN_KINDS.get(error.code);
    if (!kind) throw new DaemonError(`the running Time Audit refused: ${error.message}`);
    // The API prefixes a check of its own edge with the field it is about ("end: end must be after start").
    const prefix = error.field === undefined ? '' : `${error.field}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new DomainError(kind, message, error.field);
  }
}
