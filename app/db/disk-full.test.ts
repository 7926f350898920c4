/**
 * A full disk, in-process: SQLite's max_page_count makes the database unable to grow, which SQLite reports
 * exactly as a full disk (SQLITE_FULL). The daemon-level test with a real full file system is in
 * app/cli/disk-full.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { DAY, M, domainErrorOf, win } from './events.testing.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-full-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => DAY.toMs, refreshDelayMs: 60_000 });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The disk is full from now on: the database cannot take one more page. */
const fillDisk = () => {
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.pragma(`max_page_count = ${pages}`);
};
const freeSpace = () => store.db.pragma('max_page_count = 1073741823');

/** Events big enough to need new pages, each with its own id and minute. */
const batch = (from: number, n: number, title: string) =>
  Array.from({ length: n }, (_, i) => ({ ...win(`w${from + i}`, 'Code', from + i, from + i + 1), title }));

describe('a full disk', () => {
  it('refuses writes with storage_full, keeps reports answering, and recovers by itself', () => {
    const day = Array.from({ length: 900 }, (_, i) => win(`d${i}`, `App ${i % 400}`, i, i + 1));
    expect(store.ingest('window', day).accepted).toBe(900);
    // (Pending work a report must write first is covered against a real full disk in app/cli/disk-full.test.ts:
    // max_page_count refuses new pages at once, where a full disk refuses them only when they reach it.)
    store.refreshRollups();
    fillDisk();
    const error = domainErrorOf(() => store.ingest('window', batch(900, 50, 'x'.repeat(2000))));
    expect(error).toMatchObject({ kind: 'storage_full', message: expect.stringMatching(/disk .* full/) });
    const report = store.report(DAY);
    expect(report.total_ms).toBe(900 * M);
    expect(report.subjects).toHaveLength(400);
    expect(store.listGoals('UTC')).toEqual([]);
    freeSpace();
    expect(store.ingest('window', batch(900, 50, 'x'.repeat(2000))).accepted).toBe(50);
    expect(store.report(DAY).total_ms).toBe(950 * M);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
