/**
 * A stored app subject whose name the built-in list lacks finds its default category by the raw app id of its
 * window events when the defaults are applied again (a new list version, a rule change, a reset), on a real
 * SQLite file; the user's choice still wins, and the lookup reads through indexes only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WindowEvent } from '../shared/events.ts';
import { Store } from './store.ts';
import { WINDOW_APP_ID } from './events.ts';
import { LAST_SLOT } from './subject-app-ids.ts';
import { M, T0, win, YEAR } from './events.testing.ts';

const NOW = T0 + 3 * 24 * 60 * M;
let dir: string;
let file: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-app-ids-'));
  file = path.join(dir, 'db.sqlite');
  store = Store.open({ file, now: () => NOW });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const withId = (e: WindowEvent, appId: string): WindowEvent => ({ ...e, appId });
const categoryOf = (s: Store, name: string) => {
  const subject = s.report(YEAR).subjects.find((x) => x.name === name);
  return subject === undefined ? 'no such subject' : subject.category;
};

/** A subject as a version without the app id lookup made it: no category, nothing decided. */
const oldSubject = (s: Store, name: string, source: 'user' | null) =>
  s.db
    .prepare(`INSERT INTO subjects (kind, name, category_id, category_source) VALUES ('app', ?, NULL, ?)`)
    .run(name, source);

/** Opens the file again as a release with a newer built-in list would. */
function reopenAfterListUpgrade(): Store {
  store.db.prepare(`UPDATE app_meta SET value = '1' WHERE key = 'default_categories'`).run();
  store.close();
  store = Store.open({ file, now: () => NOW });
  return store;
}

describe('built-in categories by raw app id, for stored subjects', () => {
  it('a new built-in list version categorizes old subjects by their app id, and leaves the user’s choices', () => {
    oldSubject(store, 'IDEA Ultimate 2026', null);
    oldSubject(store, 'Telegram Beta', 'user'); // the user chose "no category"
    oldSubject(store, 'Mystery Tool', null);
    store.ingest('window', [
      withId(win('a', 'IDEA Ultimate 2026', 0, 30), 'jetbrains-idea'),
      withId(win('b', 'Telegram Beta', 30, 45), 'org.telegram.desktop'),
      withId(win('c', 'Mystery Tool', 45, 50), 'mystery-tool'),
    ]);
    expect(categoryOf(store, 'IDEA Ultimate 2026')).toBeNull();

    const s = reopenAfterListUpgrade();
    const report = s.report(YEAR);
    expect(report.subjects.map((x) => [x.name, x.category])).toEqual([
      ['IDEA Ultimate 2026', 'Development'],
      ['Telegram Beta', null],
      ['Mystery Tool', null],
    ]);
    // The time moved in the zone rollups too: the hours by category agree with the subjects.
    const byCategory = new Map<string | null, number>();
    for (const h of report.hour_categories)
      byCategory.set(h.category, (byCategory.get(h.category) ?? 0) + h.ms);
    expect(Object.fromEntries([...byCategory].map(([c, ms]) => [String(c), ms / M]))).toEqual({
      Development: 30,
      null: 20,
    });
  });

  it('finds the id of the event that last covered the subject’s last slot, however long ago it started', () => {
    oldSubject(store, 'Long Runner', null);
    oldSubject(store, 'Day Long', null);
    store.ingest('window', [
      withId(win('a', 'Long Runner', 0, 10), 'kitty'), // the oldest: not what decides
      withId(win('b', 'Long Runner', 60, 240), 'org.telegram.desktop'), // three hours, up to 12:00
      win('c', 'Other', 240, 250),
      withId(win('d', 'Day Long', 24 * 60, 24 * 60 + 26 * 60), 'org.gnome.Nautilus'), // 26 hours
    ]);
    const s = reopenAfterListUpgrade();
    expect(categoryOf(s, 'Long Runner')).toBe('Communication');
    expect(categoryOf(s, 'Day Long')).toBe('Utilities');
  });

  it('a rule wins over the app id; once the rule goes, the app id decides again', () => {
    store.createCategory('Mine', 'neutral');
    const rule = store.createRule({
      field: 'app',
      match: 'exact',
      pattern: 'IDEA Ultimate 2026',
      category: 'Mine',
    });
    store.ingest('window', [withId(win('a', 'IDEA Ultimate 2026', 0, 30), 'jetbrains-idea')]);
    expect(categoryOf(store, 'IDEA Ultimate 2026')).toBe('Mine');
    store.deleteRule(rule.id);
    expect(categoryOf(store, 'IDEA Ultimate 2026')).toBe('Development');
  });

  it('a reset forgets the user’s choice and goes back to the app id’s category', () => {
    store.ingest('window', [withId(win('a', 'IDEA Ultimate 2026', 0, 30), 'jetbrains-idea')]);
    store.setSubjectCategory('app', 'IDEA Ultimate 2026', null);
    expect(categoryOf(store, 'IDEA Ultimate 2026')).toBeNull();
    expect(store.resetSubjectCategory('app', 'IDEA Ultimate 2026')).toMatchObject({
      category: 'Development',
      productivity: 'productive',
    });
    expect(categoryOf(store, 'IDEA Ultimate 2026')).toBe('Development');
  });

  it('reads through indexes, never a full scan', () => {
    const plan = (sql: string) =>
      (
        store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(sql.split('?').length - 1).fill(0)) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    const windows = plan(WINDOW_APP_ID);
    expect(windows).toMatch(/SEARCH window_events USING INDEX window_events_by_start/);
    expect(windows).toMatch(/SEARCH long_events USING INDEX long_events_by_start/);
    expect(windows).not.toMatch(/SCAN/);
    expect(plan(LAST_SLOT)).toMatch(/SEARCH slot_subjects USING COVERING INDEX slot_subjects_by_subject/);
  });
});
