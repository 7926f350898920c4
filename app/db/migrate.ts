/**
 * Schema migrations: migrations/NNNN_snake_name.sql, applied in order, the version in PRAGMA user_version.
 * Pending ones run in one transaction; a database written by a newer app is refused rather than damaged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { foldName } from '../shared/names.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class NewerDatabaseError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `The database ${file} has schema version ${found}, but this version of Time Audit knows only up to ${known}. ` +
        'It was written by a newer Time Audit: update the app, or point --data-dir at another folder.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file name ${file} is not NNNN_snake_name.sql`);
      return {
        version: Number(match[1]),
        name: match[2] as string,
        sql: readFileSync(path.join(dir, file), 'utf8'),
      };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 1, 2, 3 … without gaps; found ${m.version}`);
  });
  return migrations;
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * SQL functions the migrations may call, for what SQL cannot say as the app does: fold_name(name) is the key
 * category names are unique by (0007). Registered on the connection; the schema itself never calls them.
 */
function registerMigrationFunctions(db: Database.Database): void {
  db.function('fold_name', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? foldName(name) : name,
  );
}

/** Applies pending migrations; returns the versions applied. */
export function migrate(
  db: Database.Database,
  migrations = loadMigrations(),
  upTo = migrations.length,
): number[] {
  const current = userVersion(db);
  if (current > migrations.length) throw new NewerDatabaseError(db.name, current, migrations.length);
  const pending = migrations.filter((m) => m.version > current && m.version <= upTo);
  if (pending.length === 0) return [];
  registerMigrationFunctions(db);
  // A migration may rebuild a table others refer to (SQLite's documented way to change a constraint): foreign
  // keys are off while it runs, which only works outside a transaction, and checked before it commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length > 0) {
        const first = broken[0] as { table: string; parent: string };
        throw new Error(
          `a migration left ${broken.length} rows of ${first.table} pointing at missing ${first.parent} rows`,
        );
      }
    })();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}
