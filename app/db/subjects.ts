/**
 * Subjects (an app or a domain) and their category; ids are cached because events name them by text. A new
 * subject starts with its default category (the built-in database), if it has one.
 */
import type { SubjectKind } from '../shared/report.ts';
import type { DB } from './open.ts';

export interface SubjectRow {
  id: number;
  kind: SubjectKind;
  name: string;
  category_id: number | null;
}

/** Who set a subject's category: the user (always wins) or the built-in defaults; null for none. */
export type CategorySource = 'user' | 'default' | null;

/** The category id a new subject of this kind and name starts with, or null. */
export type DefaultCategoryId = (kind: SubjectKind, name: string) => number | null;

export class Subjects {
  private readonly ids = new Map<string, number>();
  private readonly stmts;
  private readonly defaultCategory: DefaultCategoryId;

  constructor(db: DB, defaultCategory: DefaultCategoryId = () => null) {
    this.defaultCategory = defaultCategory;
    this.stmts = {
      find: db.prepare(`SELECT id FROM subjects WHERE kind = ? AND name = ?`).pluck(),
      insert: db.prepare(
        `INSERT INTO subjects (kind, name, category_id, category_source) VALUES (?, ?, ?, ?)`,
      ),
      byIds: db.prepare(
        `SELECT id, kind, name, category_id FROM subjects WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      byId: db.prepare(`SELECT id, kind, name, category_id FROM subjects WHERE id = ?`),
      categoryOf: db.prepare(`SELECT category_id FROM subjects WHERE id = ?`).pluck(),
      setCategory: db.prepare(`UPDATE subjects SET category_id = ?, category_source = ? WHERE id = ?`),
      sourceOf: db.prepare(`SELECT category_source FROM subjects WHERE id = ?`).pluck(),
      notUsers: db.prepare(
        `SELECT id, kind, name, category_id FROM subjects WHERE category_source IS NOT 'user'`,
      ),
    };
  }

  /** The subject's id, created on first sight. Call inside a write transaction. */
  idFor(kind: SubjectKind, name: string): number {
    const key = `${kind}\u0000${name}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = (this.stmts.find.get(kind, name) as number | undefined) ?? this.insert(kind, name);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The id if the subject exists, without creating it. */
  find(kind: SubjectKind, name: string): number | undefined {
    return this.ids.get(`${kind}\u0000${name}`) ?? (this.stmts.find.get(kind, name) as number | undefined);
  }

  byIds(ids: Iterable<number>): Map<number, SubjectRow> {
    const rows = this.stmts.byIds.all(JSON.stringify([...ids])) as SubjectRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  get(id: number): SubjectRow | undefined {
    return this.stmts.byId.get(id) as SubjectRow | undefined;
  }

  /** The category id used as a rollup key: 0 for none. */
  categoryKey(id: number): number {
    return (this.stmts.categoryOf.get(id) as number | null | undefined) ?? 0;
  }

  setCategory(id: number, categoryId: number | null, source: CategorySource): void {
    this.stmts.setCategory.run(categoryId, source, id);
  }

  sourceOf(id: number): CategorySource {
    return (this.stmts.sourceOf.get(id) as CategorySource | undefined) ?? null;
  }

  /** Subjects whose category the user has not chosen: the ones the defaults decide. */
  notChosenByUser(): SubjectRow[] {
    return this.stmts.notUsers.all() as SubjectRow[];
  }

  private insert(kind: SubjectKind, name: string): number {
    const category = this.defaultCategory(kind, name);
    return Number(
      this.stmts.insert.run(kind, name, category, category === null ? null : 'default').lastInsertRowid,
    );
  }
}
