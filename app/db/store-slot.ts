/**
 * The daemon's store, which a conversion (encrypt / decrypt, convert.ts) closes, replaces on disk and opens
 * again while the API keeps running. Everything that holds the store (the handlers, the tracker's sink) holds
 * `slot.store`, which forwards each use to the store of the moment; while there is none, a use throws
 * not_ready, which the API answers as 503 "preparing" with Retry-After and the tracker keeps its events for.
 *
 *   handlers ──▶ slot.store ──▶ [store A] ....... take() ✗ (503 preparing) ....... put(store B) ──▶ [store B]
 */
import { DomainError } from '../core/errors.ts';
import type { Store } from './store.ts';

export class StoreSlot {
  private current: Store | null;
  /** Stands for whichever store is in the slot. */
  readonly store: Store;

  constructor(store: Store) {
    this.current = store;
    this.store = new Proxy({} as Store, {
      get: (_target, property) => {
        const now = this.current;
        if (!now)
          throw new DomainError(
            'not_ready',
            'the database is being converted (encrypted or decrypted); try again in a moment',
          );
        const value: unknown = Reflect.get(now, property, now);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(now) : value;
      },
    });
  }

  /** Takes the store out: until put() every use of `store` throws not_ready. */
  take(): Store {
    const store = this.current;
    if (!store) throw new Error('the store slot is empty already');
    this.current = null;
    return store;
  }

  put(store: Store): void {
    this.current = store;
  }
}
