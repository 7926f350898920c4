/**
 * Categories and their productivity; a subject's category is set here and carried into the zone rollups.
 * A name is unique ignoring case in any script (app/shared/names.ts): each row keeps its name folded in
 * `name_key`, unique, and names are looked up by it, so the code and the schema never disagree.
 * Who decides a subject's category, strongest first: the user's own choice, the first user rule that matches,
 * the built-in default, else none (the classifier only ever suggests, see suggestions.ts). An app's built-in
 * default goes by its name, else by the raw id its desktop gave it (`jetbrains-idea` for a desktop entry
 * named "IDEA Ultimate 2026"): the list holds both kinds of names.
 */
import type { SubjectCategory } from '../shared/api/index.ts';
import type { Category, Productivity, SubjectKind } from '../shared/report.ts';
import type { DB } from './open.ts';
import type { CategorySource, Subjects } from './subjects.ts';
import { conflict, invalid, notFound, unknownCategory } from '../core/errors.ts';
import { CONTROL_CHARACTER_MESSAGE, foldName, hasControlCharacter } from '../shared/names.ts';
import { DEFAULT_CATEGORY_DB, defaultCategoryFor } from './default-categories.ts';
import type { ZoneRollups } from './zones.ts';

interface CategoryRow {
  id: number;
  name: string;
  productivity: Productivity;
  colour: string | null;
}

/** A category's fields as a change gives them; a colour of null goes back to the dashboard's palette. */
export interface CategoryChange {
  name?: string | undefined;
  productivity?: Productivity | undefined;
  colour?: string | null | undefined;
}

/** The user's rules, as far as categorizing needs them (rules.ts). */
export interface RuleLookup {
  /** The category id of the first rule that matches, or null. */
  categoryFor(kind: SubjectKind, name: string): number | null;
}

const NO_RULES: RuleLookup = { categoryFor: () => null };

/** A subject's raw app id, asked for only when its name is not in the built-in list; null or absent for none. */
export type AppIdOf = () => string | null | undefined;

/** The raw app id of a stored app subject (subject-app-ids.ts), or null. */
export type SubjectAppIds = (subjectId: number, name: string) => string | null;

const NO_APP_ID: AppIdOf = () => null;

const rowToCategory = (r: CategoryRow): Category => ({
  id: r.id,
  name: r.name,
  productivity: r.productivity,
  colour: r.colour,
});

export class Categories {
  private readonly subjects: Subjects;
  private readonly zones: ZoneRollups;
  private readonly rules: RuleLookup;
  private readonly appIds: SubjectAppIds;
  private readonly stmts;
  /** Counts category changes of subjects (any source), so that what learned from them knows to retrain. */
  changeCount = 0;

  constructor(
    db: DB,
    subjects: Subjects,
    zones: ZoneRollups,
    rules: RuleLookup = NO_RULES,
    appIds: SubjectAppIds = () => null,
  ) {
    this.subjects = subjects;
    this.zones = zones;
    this.rules = rules;
    this.appIds = appIds;
    this.stmts = {
      all: db.prepare(`SELECT id, name, productivity, colour FROM categories ORDER BY name_key, id`),
      byId: db.prepare(`SELECT id, name, productivity, colour FROM categories WHERE id = ?`),
      byKey: db.prepare(`SELECT id, name, productivity, colour FROM categories WHERE name_key = ?`),
      insert: db.prepare(`INSERT INTO categories (name, name_key, productivity, colour) VALUES (?, ?, ?, ?)`),
      insertWithId: db.prepare(
        `INSERT INTO categories (id, name, name_key, productivity, colour) VALUES (?, ?, ?, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE categories SET name = ?, name_key = ?, productivity = ?, colour = ? WHERE id = ?`,
      ),
      delete: db.prepare(`DELETE FROM categories WHERE id = ?`),
      subjectsOf: db.prepare(
        `SELECT id, kind, category_source AS source FROM subjects WHERE category_id = ? ORDER BY id`,
      ),
    };
  }

  list(): Category[] {
    return (this.stmts.all.all() as CategoryRow[]).map(rowToCategory);
  }

  byId(id: number): Category | undefined {
    const row = this.stmts.byId.get(id) as CategoryRow | undefined;
    return row && rowToCategory(row);
  }

  /** The category of that name (ignoring case as names do), if any. */
  byName(name: string): Category | undefined {
    const row = this.stmts.byKey.get(foldName(name)) as CategoryRow | undefined;
    return row && rowToCategory(row);
  }

  create(name: string, productivity: Productivity, colour: string | null = null): Category {
    checkName(name);
    this.assertFree(name, null);
    const stored = checkColour(colour);
    const id = Number(this.stmts.insert.run(name, foldName(name), productivity, stored).lastInsertRowid);
    return { id, name, productivity, colour: stored };
  }

  update(id: number, patch: CategoryChange): Category {
    const current = this.byId(id);
    if (!current) throw notFound(`no category with id ${id}`, 'id');
    const name = patch.name ?? current.name;
    if (patch.name !== undefined) checkName(name);
    this.assertFree(name, id); // a new spelling of its own name (été → Été) is free
    const productivity = patch.productivity ?? current.productivity;
    const colour = patch.colour === undefined ? current.colour : checkColour(patch.colour);
    this.stmts.update.run(name, foldName(name), productivity, colour, id);
    return { id, name, productivity, colour };
  }

  /**
   * Moves every subject of category `fromId` to `toId` (or to none) as the user's own choice, their time
   * following in the rollups, and answers what each subject was before (for an undo). Call inside a write.
   */
  moveSubjects(fromId: number, toId: number | null): MovedSubject[] {
    const moved = this.stmts.subjectsOf.all(fromId) as MovedSubject[];
    for (const s of moved) this.setSubject(s.id, toId, 'user');
    return moved;
  }

  /** Puts subjects back in a category with the source each had (an undo of moveSubjects). */
  restoreSubjects(categoryId: number, subjects: readonly MovedSubject[]): void {
    for (const s of subjects) this.setSubject(s.id, categoryId, s.source);
  }

  /** Deletes the row of a category nothing refers to any more. Call inside a write transaction. */
  deleteRow(id: number): void {
    this.stmts.delete.run(id);
  }

  /** Inserts a category again with its id (an undo); conflict when its name or id has been taken since. */
  reinsert(category: Category): void {
    this.assertFree(category.name, null);
    if (this.byId(category.id)) throw conflict(`category ${category.id} exists already`, 'id');
    const { id, name, productivity, colour } = category;
    this.stmts.insertWithId.run(id, name, foldName(name), productivity, colour);
  }

  /**
   * Lists each built-in category (default-categories.json) once, the first time this app knows of it, so that a
   * fresh install offers them all; one the user deleted or renamed is not brought back. Answers how many were
   * added. `seen` are the folded names already offered, kept by the caller in app_meta.
   */
  seedDefaults(seen: Set<string>): number {
    let added = 0;
    for (const c of DEFAULT_CATEGORY_DB.categories) {
      const key = foldName(c.name);
      if (seen.has(key)) continue;
      seen.add(key);
      if (this.byName(c.name)) continue;
      this.stmts.insert.run(c.name, key, c.productivity, null);
      added++;
    }
    return added;
  }

  /** Assigns a subject (created if new) to a category by name, or to none; applies to all of its time. */
  assign(kind: SubjectKind, name: string, categoryName: string | null): SubjectCategory {
    checkSubjectName(name);
    let category: Category | null = null;
    if (categoryName !== null) {
      category = this.byName(categoryName) ?? null;
      if (category === null) throw unknownCategory(categoryName);
    }
    // The user's choice, "no category" included, wins over the defaults from now on.
    this.setSubject(this.subjects.idFor(kind, name), category?.id ?? null, 'user');
    return {
      kind,
      name,
      category: category?.name ?? null,
      productivity: category?.productivity ?? 'uncategorized',
    };
  }

  /** Forgets the user's choice: the subject goes back to its rule's category, else its default, else none. */
  resetToDefault(kind: SubjectKind, name: string): SubjectCategory {
    checkSubjectName(name);
    const subjectId = this.subjects.idFor(kind, name);
    const { categoryId: id, source } = this.decide(kind, name, () => this.appIds(subjectId, name));
    this.setSubject(subjectId, id, source);
    const category = id === null ? undefined : this.byId(id);
    return {
      kind,
      name,
      category: category?.name ?? null,
      productivity: category?.productivity ?? 'uncategorized',
    };
  }

  /**
   * The id of a subject's default category, as the user keeps it (renamed, recoloured or of another
   * productivity all count); null when the user deleted it. An app whose name is not listed goes by its raw
   * app id; a listed name decides even when its id is listed under another category.
   */
  defaultIdFor(kind: SubjectKind, name: string, appId: AppIdOf = NO_APP_ID): number | null {
    let found = defaultCategoryFor(kind, name);
    if (!found && kind === 'app') {
      const id = appId();
      if (id) found = defaultCategoryFor('app', id);
    }
    if (!found) return null;
    // Built-in categories are listed when the store opens (seedDefaults): one missing now was deleted by the user.
    return this.byName(found.name)?.id ?? null;
  }

  /**
   * The category a subject gets when the user has not chosen one: a rule's, else the default (by name, else
   * by `appId`), else none.
   */
  decide(
    kind: SubjectKind,
    name: string,
    appId: AppIdOf = NO_APP_ID,
  ): { categoryId: number | null; source: CategorySource } {
    if (kind === 'manual') return { categoryId: null, source: null }; // an entry's label is the user's alone
    const ruled = this.rules.categoryFor(kind, name);
    if (ruled !== null) return { categoryId: ruled, source: 'rule' };
    const id = this.defaultIdFor(kind, name, appId);
    return { categoryId: id, source: id === null ? null : 'default' };
  }

  /**
   * Brings every subject the user has not categorized in line with the rules and the defaults, when either
   * changes; their time moves between categories in the rollups. An app neither a rule nor its name decides
   * is looked up by its raw app id (subject-app-ids.ts). Returns how many subjects changed.
   */
  reapply(): number {
    let changed = 0;
    for (const s of this.subjects.notChosenByUser()) {
      if (s.kind === 'manual') continue;
      const { categoryId, source } = this.decide(s.kind, s.name, () => this.appIds(s.id, s.name));
      if (categoryId === s.category_id && source === s.category_source) continue;
      this.setSubject(s.id, categoryId, source);
      changed++;
    }
    return changed;
  }

  private setSubject(subjectId: number, categoryId: number | null, source: CategorySource): void {
    const before = this.subjects.categoryKey(subjectId);
    this.subjects.setCategory(subjectId, categoryId, source);
    this.changeCount++;
    const after = categoryId ?? 0;
    if (before !== after) this.zones.moveSubject(subjectId, before, after);
  }

  /** Throws conflict when another category (not `self`) has that name, ignoring case. */
  private assertFree(name: string, self: number | null): void {
    const taken = this.byName(name);
    if (taken && taken.id !== self) throw conflict(`a category named "${name}" exists already`, 'name');
  }
}

/** What a subject was before moveSubjects moved it. */
export interface MovedSubject {
  id: number;
  kind: SubjectKind;
  source: CategorySource;
}

/** A colour as the store keeps it: '#rrggbb' lower case, or null. */
function checkColour(colour: string | null): string | null {
  if (colour === null) return null;
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) throw invalid('a colour is #rrggbb, e.g. #3b82f6', 'colour');
  return colour.toLowerCase();
}

/** A subject named by a caller (it is created if new) never holds a control character. */
function checkSubjectName(name: string): void {
  if (hasControlCharacter(name)) throw invalid(CONTROL_CHARACTER_MESSAGE, 'name');
}

/** A name the store keeps: trimmed by the API, and never holding a control character. */
function checkName(name: string): void {
  if (name.trim().length === 0) throw invalid('a name is required', 'name');
  if (hasControlCharacter(name)) throw invalid(CONTROL_CHARACTER_MESSAGE, 'name');
}
