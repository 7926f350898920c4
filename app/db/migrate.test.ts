import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, NewerDatabaseError, userVersion } from './migrate.ts';
import { openDatabase } from './open.ts';
import { Store } from './store.ts';
import { domainErrorOf } from './events.testing.ts';
import { DEFAULT_CATEGORY_DB } from './default-categories.ts';
import { foldName } from '../shared/names.ts';

const BUILT_IN = DEFAULT_CATEGORY_DB.categories.map((c) => c.name);

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-migrate-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Data written at each schema version, checked after upgrading from it to the newest. */
const fixtures: Record<number, { write: (db: Database.Database) => void; check: (store: Store) => void }> = {
  // Version 0 is an empty file: upgrading it creates the schema, and the built-in categories are listed.
  0: {
    write: () => {},
    check: (store) =>
      expect(store.listCategories().map((c) => c.name)).toEqual(
        [...BUILT_IN].sort((a, b) => foldName(a).localeCompare(foldName(b))),
      ),
  },
  6: {
    // Migration 0007 makes category names unique as the app folds them. NOCASE let in names that differ only
    // beyond A–Z; the oldest keeps its name, the others get a number, and every id and reference survives.
    write: (db) => {
      const category = db.prepare(`INSERT INTO categories (id, name, productivity) VALUES (?, ?, ?)`);
      category.run(1, 'Été', 'productive');
      category.run(2, 'été', 'neutral');
      category.run(3, 'K', 'neutral');
      category.run(4, '\u212A', 'unproductive'); // the Kelvin sign
      category.run(5, 'Dev', 'productive');
      category.run(6, 'ÉTÉ', 'unproductive');
      db.prepare(
        `INSERT INTO subjects (id, kind, name, category_id, category_source) VALUES (7, 'app', 'Steam', 4, 'user')`,
      ).run();
      db.prepare(
        `INSERT INTO rules (position, field, match, pattern, category_id) VALUES (0, 'app', 'contains', 'x', 2)`,
      ).run();
      db.prepare(
        `INSERT INTO goals (category_id, direction, period, target_ms, created_ms) VALUES (6, 'at_most', 'day', 60000, 0)`,
      ).run();
    },
    check: (store) => {
      expect(
        store.db.prepare(`SELECT id, name, name_key FROM categories WHERE id <= 6 ORDER BY id`).all(),
      ).toEqual([
        { id: 1, name: 'Été', name_key: 'été' },
        { id: 2, name: 'été (2)', name_key: 'été (2)' },
        { id: 3, name: 'K', name_key: 'k' },
        { id: 4, name: '\u212A (2)', name_key: 'k (2)' },
        { id: 5, name: 'Dev', name_key: 'dev' },
        { id: 6, name: 'ÉTÉ (3)', name_key: 'été (3)' },
      ]);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      expect(store.listRules()).toMatchObject([{ category: 'été (2)', productivity: 'neutral' }]);
      expect(store.listGoals('UTC')).toMatchObject([{ category: 'ÉTÉ (3)' }]);
      expect(store.setSubjectCategory('app', 'Steam', 'k (2)')).toMatchObject({ category: '\u212A (2)' });
      // Names are found and kept unique ignoring case in any script.
      expect(
        store.createRule({ field: 'app', match: 'contains', pattern: 'y', category: 'ÉTÉ' }),
      ).toMatchObject({
        category: 'Été',
      });
      expect(domainErrorOf(() => store.createCategory('dev', 'neutral'))).toMatchObject({ kind: 'conflict' });
      expect(domainErrorOf(() => store.createCategory('k', 'neutral'))).toMatchObject({ kind: 'conflict' });
      expect(store.updateCategory(2, { name: 'Summer' })).toMatchObject({ name: 'Summer' });
      expect(store.createCategory('Été (2)', 'neutral')).toMatchObject({ name: 'Été (2)' });
    },
  },
  7: {
    // Migration 0008 lets a zone be built in steps: the zones kept before are complete, and reports read them.
    write: (db) => {
      db.prepare(
        `INSERT INTO categories (id, name, name_key, productivity) VALUES (1, 'Fun', 'fun', 'unproductive')`,
      ).run();
      db.prepare(
        `INSERT INTO subjects (id, kind, name, category_id, category_source) VALUES (7, 'app', 'Steam', 1, 'user')`,
      ).run();
      db.prepare(
        `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES ('w', 'Steam', '', 0, 60000, 'api')`,
      ).run();
      db.prepare(`INSERT INTO slot_subjects (slot, subject_id, ms) VALUES (0, 7, 60000)`).run();
      db.prepare(`INSERT INTO zones (id, name, last_used_ms) VALUES (1, 'UTC', ?)`).run(Date.now());
      // 1 January 1970 is day 0, a Thursday (ISO weekday 4), month bucket 1970 × 12, year 1970.
      for (const [level, bucket] of [
        [1, 0],
        [2, 1970 * 12],
        [3, 1970],
      ]) {
        db.prepare(`INSERT INTO zone_subjects VALUES (1, ?, ?, 7, 60000)`).run(level, bucket);
        db.prepare(`INSERT INTO zone_hours VALUES (1, ?, ?, 4, 0, 1, 60000)`).run(level, bucket);
      }
    },
    check: (store) => {
      expect(store.zoneProgress('UTC')).toEqual({ done: true });
      const report = store.report({ fromMs: 0, toMs: 86_400_000, tz: 'UTC' });
      expect(report.subjects).toEqual([
        { kind: 'app', name: 'Steam', ms: 60_000, category: 'Fun', productivity: 'unproductive' },
      ]);
      expect(report.total_ms).toBe(60_000);
    },
  },
  9: {
    // Migration 0010 gives categories a colour (none until the user picks one); the built-in categories are
    // listed, except one whose name the user holds already in another case, which stays as it was.
    write: (db) => {
      const category = db.prepare(
        `INSERT INTO categories (id, name, name_key, productivity) VALUES (?, ?, ?, ?)`,
      );
      category.run(1, 'GAMES', 'games', 'productive');
      category.run(2, 'Reading', 'reading', 'neutral');
      db.prepare(
        `INSERT INTO rules (position, field, match, pattern, category_id) VALUES (0, 'app', 'contains', 'x', 2)`,
      ).run();
    },
    check: (store) => {
      const list = store.listCategories();
      expect(list.find((c) => c.id === 1)).toEqual({
        id: 1,
        name: 'GAMES',
        productivity: 'productive',
        colour: null,
      });
      expect(list.find((c) => c.id === 2)).toEqual({
        id: 2,
        name: 'Reading',
        productivity: 'neutral',
        colour: null,
      });
      expect(list).toHaveLength(BUILT_IN.length + 1);
      expect(store.updateCategory(2, { colour: '#A0B1C2' })).toMatchObject({ colour: '#a0b1c2' });
      expect(store.listRules()).toMatchObject([{ category: 'Reading' }]);
      // Any other tool writing the file is held to the same form.
      expect(() => store.db.prepare(`UPDATE categories SET colour = 'red' WHERE id = 1`).run()).toThrow(
        /CHECK/,
      );
      expect(() => store.db.prepare(`UPDATE categories SET colour = '#A0B1C2' WHERE id = 1`).run()).toThrow(
        /CHECK/,
      );
    },
  },
  5: {
    // Migration 0006 rebuilds subjects: ids, categories, sources and the rollups that refer to them survive.
    write: (db) => {
      db.prepare(`INSERT INTO categories (id, name, productivity) VALUES (1, 'Fun', 'unproductive')`).run();
      db.prepare(
        `INSERT INTO subjects (id, kind, name, category_id, category_source) VALUES (7, 'app', 'Steam', 1, 'user')`,
      ).run();
      db.prepare(
        `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES ('w', 'Steam', '', 0, 60000, 'api')`,
      ).run();
      db.prepare(`INSERT INTO slot_subjects (slot, subject_id, ms) VALUES (0, 7, 60000)`).run();
    },
    check: (store) => {
      expect(
        store.db.prepare(`SELECT id, kind, name, category_id, category_source FROM subjects`).all(),
      ).toEqual([{ id: 7, kind: 'app', name: 'Steam', category_id: 1, category_source: 'user' }]);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      const report = store.report({ fromMs: 0, toMs: 900_000, tz: 'UTC' });
      expect(report.subjects).toEqual([
        { kind: 'app', name: 'Steam', ms: 60_000, category: 'Fun', productivity: 'unproductive' },
      ]);
      // The new kinds and sources are accepted.
      store.db
        .prepare(`INSERT INTO subjects (kind, name, category_source) VALUES ('manual', 'Gym', 'rule')`)
        .run();
    },
  },
  4: {
    // Migration 0005 marks every category of the time before defaults as the user's, "none" included: a schema
    // before 5 cannot tell "set to none" from "never set", and either is what the user saw and left.
    write: (db) => {
      db.prepare(`INSERT INTO categories (id, name, productivity) VALUES (1, 'Fun', 'unproductive')`).run();
      db.prepare(`INSERT INTO subjects (kind, name, category_id) VALUES ('domain', 'github.com', 1)`).run();
      db.prepare(
        `INSERT INTO subjects (kind, name, category_id) VALUES ('domain', 'stackoverflow.com', NULL)`,
      ).run();
    },
    check: (store) => {
      const rows = store.db
        .prepare(
          `SELECT s.name, c.name AS category, s.category_source AS source FROM subjects s
           LEFT JOIN categories c ON c.id = s.category_id ORDER BY s.name`,
        )
        .all();
      expect(rows).toEqual([
        { name: 'github.com', category: 'Fun', source: 'user' },
        { name: 'stackoverflow.com', category: null, source: 'user' },
      ]);
      // Reset still brings a subject to its default, and subjects first seen now get theirs.
      expect(store.resetSubjectCategory('domain', 'stackoverflow.com').category).toBe('Development');
    },
  },
  3: {
    // Migration 0004 gives the installation a user id, once.
    write: (db) => {
      db.prepare(`INSERT INTO categories (name, productivity) VALUES ('Dev', 'productive')`).run();
    },
    check: (store) => {
      expect(store.userId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(store.userId()).toBe(store.userId());
      expect(store.listCategories().map((c) => c.name)).toContain('Dev');
      expect(store.listCategories()).toHaveLength(BUILT_IN.length + 1);
    },
  },
  2: {
    // Events longer than a day written before long_events existed, with their slots still pending.
    write: (db) => {
      const day = 86_400_000;
      const t = Date.UTC(2026, 0, 5);
      db.prepare(
        `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES ('w', 'Code', '', ?, ?, 'api')`,
      ).run(t, t + 10 * day);
      db.prepare(
        `INSERT INTO idle_events (event_id, start_ms, end_ms, origin) VALUES ('i', ?, ?, 'api')`,
      ).run(t + day, t + 4 * day);
      db.prepare(`INSERT INTO source_extents VALUES ('window', ?), ('idle', ?)`).run(10 * day, 3 * day);
      db.prepare(`INSERT INTO pending_slots (from_slot, to_slot) VALUES (?, ?)`).run(
        t / 900_000,
        (t + 10 * day) / 900_000,
      );
    },
    check: (store) => {
      const day = 86_400_000;
      const t = Date.UTC(2026, 0, 5);
      expect(store.db.prepare('SELECT source FROM long_events ORDER BY source').pluck().all()).toEqual([
        'idle',
        'window',
      ]);
      expect(store.db.prepare('SELECT max(longest_ms) FROM source_extents').pluck().get()).toBe(day);
      expect(store.report({ fromMs: t, toMs: t + 10 * day, tz: 'UTC' }).total_ms).toBe(7 * day);
      expect(store.report({ fromMs: t + 2 * day, toMs: t + 5 * day, tz: 'UTC' }).total_ms).toBe(day);
    },
  },
  1: {
    // Slack was set to a category and then to none; Code has a category. Both are the user's choices.
    write: (db) => {
      db.prepare(`INSERT INTO categories (id, name, productivity) VALUES (1, 'Dev', 'productive')`).run();
      db.prepare(`INSERT INTO subjects (id, kind, name, category_id) VALUES (1, 'app', 'Code', 1)`).run();
      db.prepare(`INSERT INTO subjects (id, kind, name, category_id) VALUES (2, 'app', 'Slack', 1)`).run();
      db.prepare(`UPDATE subjects SET category_id = NULL WHERE name = 'Slack'`).run();
      db.prepare(
        `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES
         ('w', 'Code', '', 0, 60000, 'api'), ('s', 'Slack', '', 60000, 90000, 'api')`,
      ).run();
      db.prepare(
        `INSERT INTO slot_subjects (slot, subject_id, ms) VALUES (0, 1, 60000), (0, 2, 30000)`,
      ).run();
      db.prepare(`INSERT INTO source_extents VALUES ('window', 60000)`).run();
    },
    check: (store) => {
      expect(store.listCategories().map((c) => c.name)).toContain('Dev');
      expect(store.listCategories()).toHaveLength(BUILT_IN.length + 1);
      expect(store.db.prepare('SELECT count(*) FROM window_events').pluck().get()).toBe(2);
      const report = store.report({ fromMs: 0, toMs: 900_000, tz: 'UTC' });
      expect(report.subjects.map((s) => [s.name, s.category])).toEqual([
        ['Code', 'Dev'],
        ['Slack', null],
      ]);
    },
  },
  8: {
    // Migration 0009 keeps the raw app id beside the display name: events from before have none.
    write: (db) => {
      db.prepare(
        `INSERT INTO window_events (event_id, app, title, start_ms, end_ms, origin) VALUES
         ('old', 'jetbrains-idea', 'Main.kt', 0, 60000, 'tracker')`,
      ).run();
    },
    check: (store) => {
      store.saveTrackedWindow({
        eventId: 'new',
        app: 'IntelliJ IDEA',
        appId: 'jetbrains-idea',
        title: 'Main.kt',
        startMs: 60_000,
        endMs: 120_000,
      });
      expect(
        store.db.prepare('SELECT event_id, app, app_id FROM window_events ORDER BY start_ms').all(),
      ).toEqual([
        { event_id: 'old', app: 'jetbrains-idea', app_id: null },
        { event_id: 'new', app: 'IntelliJ IDEA', app_id: 'jetbrains-idea' },
      ]);
      const report = store.report({ fromMs: 0, toMs: 900_000, tz: 'UTC' });
      expect(report.subjects.map((s) => [s.name, s.category])).toEqual([
        ['IntelliJ IDEA', 'Development'],
        ['jetbrains-idea', 'Development'],
      ]);
    },
  },
};

describe('migrations', () => {
  const migrations = loadMigrations();

  it('are numbered without gaps and each has an upgrade test', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (let v = 0; v < migrations.length; v++) expect(fixtures[v], `fixture for version ${v}`).toBeDefined();
  });

  for (let from = 0; from < migrations.length; from++) {
    it(`upgrade a database holding data from version ${from} to ${migrations.length}`, () => {
      const file = path.join(tempDir(), 'db.sqlite');
      const db = new Database(file);
      migrate(db, migrations, from);
      expect(userVersion(db)).toBe(from);
      fixtures[from]!.write(db);
      db.close();
      const store = Store.open({ file });
      try {
        expect(store.schemaVersion()).toBe(migrations.length);
        fixtures[from]!.check(store);
      } finally {
        store.close();
      }
    });
  }

  it('refuse a database written by a newer app, and leave it untouched', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer Time Audit/);
    const again = new Database(file);
    expect(userVersion(again)).toBe(migrations.length + 1);
    again.close();
  });

  it('roll back as a whole when one fails', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '0001_good.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(
      path.join(dir, '0002_bad.sql'),
      'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);',
    );
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/nowhere/);
    expect(userVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'a'`).pluck().get()).toBe(0);
  });

  it('refuse badly named or gapped migration files', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(path.join(dir, '0003_third.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
    writeFileSync(path.join(dir, '0002-Second.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/NNNN_snake_name/);
  });
});
