/**
 * What every part of the worker shares, built once in background.ts: the storage, the lock for its
 * read-modify-write sequences, the clock and a logger.
 */
import type { Logger } from '../log.ts';
import type { Storage } from './storage.ts';

export interface WorkerContext {
  store: Storage;
  /** Runs read-modify-write sequences of the storage one at a time (see storage.ts). */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  now: () => number;
  log: Logger;
}
