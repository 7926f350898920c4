/**
 * Subjects (an app or a domain) and their category; ids are cached because events name them by text. A new
 * subject starts with the category of the first user rule that matches it, else its default category (the
 * built-in database, by its name or else by the raw app id of the window event that made it), if it has one.
 */
import type { SubjectKind } from '../shared/report.ts';
import type { DB } from './open.ts';

export interface SubjectRow {
  id: number;
  kind: SubjectKind;
  name: string;
  category_id: number | null;
}

/**
 * Who set a subject's category: the user (always wins), one of the user's rules, or the built-in defaults;
 * null for none.
 */
export type CategorySource = 'user' | 'rule' | 'default' | null;

/** The category a new subject of this kind and name starts with (`appId`: see idFor), and what decided it. */
export type InitialCategory = (
  kind: SubjectKind,
  name: string,
  appId: string | undefined,
) => { categoryId: number | null; source: CategorySource };

export class Subjects {
  private readonly ids = new Map<string, number>();
  private readonly stmts;
  private readonly initialCategory: InitialCategory;

  constructor(db: DB, initialCategory: InitialCategory = () => ({ categoryId: null, source: null })) {
    this.initialCategory = initialCategory;
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
        `SELECT id, kind, name, category_id, category_source FROM subjects WHERE category_source IS NOT 'user'`,
      ),
    };
  }

  /**
   * The subject's id, created on first sight. `appId`: the raw app id of the window event whose time makes an
   * app subject (resolve.ts), for its initial category. Call inside a write transaction.
   */
  idFor(kind: SubjectKind, name: string, appId?: string): number {
    const key = `${kind}\u0000${name}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = (this.stmts.find.get(kind, name) as number | undefined) ?? this.insert(kind, name, appId);
      this.ids.set(key, id);
    }
    return id;
  }

  /** Drops the cached ids, after a rolled-back transaction that may have created subjects. */
  forgetIds(): void {
    this.ids.clear();
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

  /** Subjects whose category the user has not chosen: the ones rules and defaults decide. */
  notChosenByUser(): Array<SubjectRow & { category_source: CategorySource }> {
    return this.stmts.notUsers.all() as Array<SubjectRow & { category_source: CategorySource }>;
  }

  private insert(kind: SubjectKind, name: string, appId: string | undefined): number {
    const { categoryId, source } = this.initialCategory(kind, name, appId);
    return Number(this.stmts.insert.run(kind, name, categoryId, source).lastInsertRowid);
  }
}
