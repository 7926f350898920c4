/**
 * What a crash right after a write leaves behind. The crash is simulated by copying the database and its
 * write-ahead log while the store that wrote them is still open (what a SIGKILL leaves on disk), then opening
 * a new store on the copy.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { M, T0, win } from './events.testing.ts';

const NOW = T0 + 365 * 24 * 60 * M;
let dir: string;
const stores: Store[] = [];
const open = (name: string) => {
  const store = Store.open({ file: path.join(dir, name), now: () => NOW });
  stores.push(store);
  return store;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-durability-'));
});
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  rmSync(dir, { recursive: true, force: true });
});

/** The files of `name` as they are on disk now, copied to `copy`, without closing whoever has them open. */
function crashCopy(name: string, copy: string): void {
  for (const suffix of ['', '-wal']) {
    const from = path.join(dir, name + suffix);
    if (existsSync(from)) copyFileSync(from, path.join(dir, copy + suffix));
  }
}

const range = (start: number, end: number) => ({ fromMs: T0 + start * M, toMs: T0 + end * M, tz: 'UTC' });

describe('a crash right after a write', () => {
  it('keeps an event longer than any before it whole in reports that start inside it', () => {
    const before = open('db.sqlite');
    before.ingest('window', [win('short', 'Slack', -60, -30)]);
    before.refreshRollups();
    expect(before.ingest('window', [win('long', 'Code', 0, 180)])).toEqual({ accepted: 1, duplicates: 0 });
    crashCopy('db.sqlite', 'crashed.sqlite');

    const after = open('crashed.sqlite');
    after.refreshRollups(); // as the restarted daemon does soon after its first write
    expect(after.report(range(65, 120)).total_ms).toBe(55 * M);
    expect(after.report(range(170, 200)).total_ms).toBe(10 * M);
    // A later event in a slot inside the long one: that slot is resolved again, the long event included.
    after.ingest('window', [win('later', 'Terminal', 200, 210)]);
    after.ingest('idle', [{ eventId: 'away', startMs: T0 + 95 * M, endMs: T0 + 100 * M }]);
    expect(after.report(range(0, 300)).total_ms).toBe(185 * M);
    expect(after.report(range(90, 105)).total_ms).toBe(10 * M);
  });

  it('keeps a tracker checkpoint that made the open event longer than any before it', () => {
    const before = open('db.sqlite');
    before.saveTrackedWindow(win('open', 'Code', 0, 10));
    before.refreshRollups();
    before.saveTrackedWindow(win('open', 'Code', 0, 120));
    crashCopy('db.sqlite', 'crashed.sqlite');

    const after = open('crashed.sqlite');
    after.ingest('idle', [{ eventId: 'away', startMs: T0 + 50 * M, endMs: T0 + 55 * M }]);
    expect(after.report(range(47, 60)).total_ms).toBe(8 * M);
    expect(after.report(range(0, 120)).total_ms).toBe(115 * M);
  });

  it('is repaired once in a database damaged before the longest events were committed with them', () => {
    const file = path.join(dir, 'db.sqlite');
    const writer = Store.open({ file, now: () => NOW });
    writer.ingest('window', [
      win('short', 'Slack', -60, -30),
      win('long', 'Code', 0, 180),
      win('work', 'Code', 190, 300),
    ]);
    writer.ingest('idle', [{ eventId: 'away', startMs: T0 + 200 * M, endMs: T0 + 290 * M }]);
    writer.close();
    // What the crash left: the longest event's length never recorded, and a slot inside it since resolved
    // without it (no zone's rollups built yet).
    const db = new Database(file);
    db.prepare(`UPDATE source_extents SET longest_ms = ? WHERE source = 'window'`).run(30 * M);
    db.prepare(`UPDATE source_extents SET longest_ms = ? WHERE source = 'idle'`).run(10 * M);
    db.prepare(`DELETE FROM slot_subjects WHERE slot = ?`).run((T0 + 90 * M) / (15 * M));
    db.prepare(`DELETE FROM app_meta WHERE key = 'source_extents_repaired'`).run();
    db.close();

    const repaired = open('db.sqlite');
    expect(repaired.report(range(-60, 300)).total_ms).toBe(230 * M);
    expect(repaired.report(range(65, 120)).total_ms).toBe(55 * M);
    expect(repaired.report(range(205, 300)).total_ms).toBe(10 * M);
  });
});
