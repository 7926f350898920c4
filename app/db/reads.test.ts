/**
 * Reads never queue behind writes: another connection (the CLI, a second process) holding the write lock does
 * not hold up a report, goals or suggestions, as long as nothing is left for a writer to do first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { DAY, M, T0, win } from './events.testing.ts';

const NOW = T0 + 12 * 60 * M;
let dir: string;
let file: string;
let store: Store;
let other: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-reads-'));
  file = path.join(dir, 'db.sqlite');
  store = Store.open({ file, now: () => NOW });
  store.createCategory('Dev', 'productive');
  store.setSubjectCategory('app', 'Code', 'Dev');
  store.createGoal({ category: 'Dev', direction: 'at_least', period: 'day', targetMs: 60 * M });
  store.ingest('window', [win('a', 'Code', 0, 30), win('b', 'Slack', 30, 40)]);
  other = new Database(file);
  other.pragma('busy_timeout = 0');
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another connection takes the write lock and keeps it, as a long write of another process would. */
const holdWriteLock = () => other.exec('BEGIN IMMEDIATE');

describe('reads and the write lock', () => {
  it('a report, the goals, the suggestions and a purge preview answer while another connection holds the write lock', () => {
    expect(store.report(DAY).total_ms).toBe(40 * M); // brings the rollups and the zone's summaries up to date
    holdWriteLock();
    expect(store.report(DAY).total_ms).toBe(40 * M);
    expect(store.report({ ...DAY, limit: 1 }).subjects.map((s) => s.name)).toEqual(['Code']);
    expect(store.listGoals('UTC').map((g) => [g.category, g.done_ms])).toEqual([['Dev', 30 * M]]);
    expect(store.suggestions()).toEqual([]);
    expect(store.previewPurge({ kind: 'app', name: 'Code' })).toMatchObject({
      windowEvents: 1,
      trackedMs: 30 * M,
    });
  });

  it('a read that finds pending slots writes them first, so it sees what was just stored', () => {
    store.report(DAY);
    store.ingest('window', [win('c', 'Code', 40, 70)]); // pending until the refresh a moment later
    expect(store.report(DAY).total_ms).toBe(70 * M);
    expect(store.listGoals('UTC')[0]?.done_ms).toBe(60 * M);
  });

  it('a read in a zone whose summaries are not built yet builds them (as a write), then reads without a lock', () => {
    expect(store.report({ ...DAY, tz: 'Asia/Kolkata' }).total_ms).toBe(40 * M);
    holdWriteLock();
    expect(store.report({ ...DAY, tz: 'Asia/Kolkata' }).total_ms).toBe(40 * M);
  });

  it('while the lock is held, a read that needs writing waits for it and says so instead of answering stale', () => {
    store.report(DAY);
    store.ingest('window', [win('c', 'Code', 40, 70)]);
    holdWriteLock();
    store.db.pragma('busy_timeout = 0');
    expect(() => store.report(DAY)).toThrow(/database is locked/);
    other.exec('ROLLBACK');
    expect(store.report(DAY).total_ms).toBe(70 * M);
  });
});
