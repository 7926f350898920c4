/**
 * Deleting what the user made (a category, a rule, a goal, a manual entry) so that it can be undone for a while:
 * each delete keeps the rows it removed or changed, and an undo puts exactly those back, ids and rule order
 * included. The undo tokens live in memory (a restart forgets them); the dashboard offers them for a few seconds.
 *
 * Deleting a category moves what referred to it to the category the user picks, or to none:
 * ```
 *                    reassigned to "Work"            reassigned to none
 * subjects           → Work (the user's choice)      → no category (the user's choice)
 * manual entries     their labels → Work             their labels → no category
 * rules              → Work                          deleted
 * goals              → Work                          deleted
 * ```
 */
import { randomBytes } from 'node:crypto';
import { conflict, invalid, notFound } from '../core/errors.ts';
import type { Category } from '../shared/report.ts';
import type { CategoryDeletion } from '../shared/api/index.ts';
import type { Categories, MovedSubject } from './categories.ts';
import type { DB } from './open.ts';

/** How long a delete can be undone (the dashboard offers it for ~8 s; the rest is slack for a slow click). */
export const UNDO_TTL_MS = 10 * 60_000;
const MAX_UNDOS = 200;

interface RuleRow {
  id: number;
  position: number;
  field: string;
  match: string;
  pattern: string;
  category_id: number;
}

interface GoalRow {
  id: number;
  category_id: number;
  direction: string;
  period: string;
  target_ms: number;
  created_ms: number;
}

/** The undo tokens of the deletes of the last minutes. */
export class UndoLog {
  private readonly entries = new Map<string, { expiresMs: number; restore: () => void }>();

  add(restore: () => void, nowMs: number): string {
    for (const [token, entry] of this.entries) if (entry.expiresMs <= nowMs) this.entries.delete(token);
    while (this.entries.size >= MAX_UNDOS) this.entries.delete(this.entries.keys().next().value as string);
    const token = randomBytes(12).toString('base64url');
    this.entries.set(token, { expiresMs: nowMs + UNDO_TTL_MS, restore });
    return token;
  }

  /** Runs the undo of a token once (inside the caller's transaction); not_found when unknown or expired. */
  run(token: string, nowMs: number): void {
    const entry = this.entries.get(token);
    if (!entry || entry.expiresMs <= nowMs)
      throw notFound('nothing to undo: it was undone already or is too old', 'token');
    entry.restore(); // throws (a conflict) without consuming the token, so the user may try again
    this.entries.delete(token);
  }
}

/** The rows of rules and goals, kept and put back as they were. */
export class PlanRows {
  private readonly stmts;

  constructor(db: DB) {
    this.stmts = {
      rule: db.prepare(`SELECT id, position, field, match, pattern, category_id FROM rules WHERE id = ?`),
      rulesOf: db.prepare(
        `SELECT id, position, field, match, pattern, category_id FROM rules WHERE category_id = ? ORDER BY position`,
      ),
      ruleExists: db.prepare(`SELECT 1 FROM rules WHERE id = ?`).pluck(),
      ruleCount: db.prepare(`SELECT count(*) FROM rules`).pluck(),
      shiftRules: db.prepare(`UPDATE rules SET position = position + 1 WHERE position >= ?`),
      insertRule: db.prepare(
        `INSERT INTO rules (id, position, field, match, pattern, category_id)
         VALUES (@id, @position, @field, @match, @pattern, @category_id)`,
      ),
      moveRules: db.prepare(`UPDATE rules SET category_id = ? WHERE category_id = ?`),
      setRuleCategory: db.prepare(`UPDATE rules SET category_id = ? WHERE id = ?`),
      goal: db.prepare(
        `SELECT id, category_id, direction, period, target_ms, created_ms FROM goals WHERE id = ?`,
      ),
      goalsOf: db.prepare(
        `SELECT id, category_id, direction, period, target_ms, created_ms FROM goals WHERE category_id = ? ORDER BY id`,
      ),
      goalExists: db.prepare(`SELECT 1 FROM goals WHERE id = ?`).pluck(),
      insertGoal: db.prepare(
        `INSERT INTO goals (id, category_id, direction, period, target_ms, created_ms)
         VALUES (@id, @category_id, @direction, @period, @target_ms, @created_ms)`,
      ),
      moveGoals: db.prepare(`UPDATE goals SET category_id = ? WHERE category_id = ?`),
      setGoalCategory: db.prepare(`UPDATE goals SET category_id = ? WHERE id = ?`),
      deleteGoals: db.prepare(`DELETE FROM goals WHERE category_id = ?`),
      entriesOf: db
        .prepare(
          `SELECT count(*) FROM manual_entries m JOIN subjects s ON s.id = m.subject_id WHERE s.category_id = ?`,
        )
        .pluck(),
    };
  }

  rule(id: number): RuleRow {
    const row = this.stmts.rule.get(id) as RuleRow | undefined;
    if (!row) throw notFound(`no rule with id ${id}`, 'id');
    return row;
  }

  /** Puts a deleted rule back at its place in the order, with its id. */
  restoreRule(row: RuleRow): void {
    if (this.stmts.ruleExists.get(row.id) === 1) throw conflict(`rule ${row.id} exists already`, 'id');
    const position = Math.min(row.position, this.stmts.ruleCount.get() as number);
    this.stmts.shiftRules.run(position);
    this.stmts.insertRule.run({ ...row, position });
  }

  goal(id: number): GoalRow {
    const row = this.stmts.goal.get(id) as GoalRow | undefined;
    if (!row) throw notFound(`no goal with id ${id}`, 'id');
    return row;
  }

  restoreGoal(row: GoalRow): void {
    if (this.stmts.goalExists.get(row.id) === 1) throw conflict(`goal ${row.id} exists already`, 'id');
    this.stmts.insertGoal.run(row);
  }

  /**
   * Deletes a category (see the table above) and answers what moved, with the function that undoes it. Call
   * inside a write that also recategorizes (a rule may have gone); `deleteRule` deletes one rule, order kept.
   */
  deleteCategory(
    categories: Categories,
    id: number,
    targetName: string | null,
    deleteRule: (id: number) => void,
  ): { summary: Omit<CategoryDeletion, 'undo'>; restore: () => void } {
    const category = categories.byId(id);
    if (!category) throw notFound(`no category with id ${id}`, 'id');
    let target: Category | null = null;
    if (targetName !== null) {
      target = categories.byName(targetName) ?? null;
      if (!target) throw notFound(`no category named "${targetName}"`, 'reassign_to');
      if (target.id === id) throw invalid('a category cannot be reassigned to itself', 'reassign_to');
    }
    const rules = this.stmts.rulesOf.all(id) as RuleRow[];
    const goals = this.stmts.goalsOf.all(id) as GoalRow[];
    const manualEntries = this.stmts.entriesOf.get(id) as number;
    const subjects: MovedSubject[] = categories.moveSubjects(id, target?.id ?? null);
    if (target) {
      this.stmts.moveRules.run(target.id, id);
      this.stmts.moveGoals.run(target.id, id);
    } else {
      // Highest position first, so that each one's position is still its own when it goes.
      for (const r of [...rules].reverse()) deleteRule(r.id);
      this.stmts.deleteGoals.run(id);
    }
    categories.deleteRow(id);
    const restore = () => {
      categories.reinsert(category);
      categories.restoreSubjects(id, subjects);
      if (target) {
        for (const r of rules) this.stmts.setRuleCategory.run(id, r.id);
        for (const g of goals) this.stmts.setGoalCategory.run(id, g.id);
      } else {
        for (const r of rules) this.restoreRule(r);
        for (const g of goals) this.restoreGoal(g);
      }
    };
    const counted = (kind: MovedSubject['kind']) => subjects.filter((s) => s.kind === kind).length;
    return {
      summary: {
        id,
        deleted: true,
        category,
        reassigned_to: target?.name ?? null,
        apps: counted('app'),
        domains: counted('domain'),
        labels: counted('manual'),
        manual_entries: manualEntries,
        rules: { count: rules.length, outcome: target ? 'moved' : 'deleted' },
        goals: { count: goals.length, outcome: target ? 'moved' : 'deleted' },
      },
      restore,
    };
  }
}
