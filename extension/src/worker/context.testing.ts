/** A worker context for unit tests: chrome.storage.local faked over a Map, a clock the test moves, a log it reads. */
import type { Logger } from '../log.ts';
import type { WorkerContext } from './context.ts';
import { createStorage, serializer } from './storage.ts';

/** chrome.storage.local's get/set over a Map, with values copied as Chrome does. */
export function fakeArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys: string[]) {
      return Object.fromEntries(
        keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]),
      );
    },
    async set(values: Record<string, unknown>) {
      for (const [k, v] of Object.entries(values)) data.set(k, structuredClone(v));
    },
  };
}

export function testContext(startMs: number) {
  const area = fakeArea();
  const store = createStorage(area as unknown as chrome.storage.StorageArea);
  const warnings: unknown[] = [];
  const log: Logger = {
    debug: () => {},
    info: () => {},
    warn: (m, e) => warnings.push([m, e]),
    error: () => {},
    child: () => log,
  };
  let now = startMs;
  const ctx: WorkerContext = { store, exclusive: serializer(), now: () => now, log };
  return { ctx, store, area, warnings, advance: (ms: number) => (now += ms) };
}
