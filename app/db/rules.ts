/**
 * The user's category rules (table `rules`), kept in order: positions are always 0..n-1, and inserting or
 * moving a rule shifts the ones after it. The compiled matchers (core/rules.ts) are built on first use and
 * dropped whenever the rules may have changed; they also say which subject window time belongs to (title
 * rules), for the event reads of events.ts.
 *
 * ```
 * before:  0 A  1 B  2 C        move C to 0:  0 C  1 A  2 B        delete A:  0 C  1 B
 * ```
 */
import { invalid, notFound, unknownCategory } from '../core/errors.ts';
import type { Rule, RuleField, RuleMatch } from '../shared/planning.ts';
import type { Productivity, SubjectKind } from '../shared/report.ts';
import { compileRules, ruleProblem, type RuleMatcher, type WindowSubjects } from '../core/rules.ts';
import type { DB } from './open.ts';
import type { Logger } from '../core/logger.ts';
import { foldName } from '../shared/names.ts';

interface RuleRow {
  id: number;
  position: number;
  field: RuleField;
  match: RuleMatch;
  pattern: string;
  category_id: number;
  category: string;
  productivity: Productivity;
}

const rowToRule = (r: RuleRow): Rule => ({
  id: r.id,
  position: r.position,
  field: r.field,
  match: r.match,
  pattern: r.pattern,
  category: r.category,
  productivity: r.productivity,
});

/** A rule as the store takes it. */
export interface RuleInput {
  field: RuleField;
  match: RuleMatch;
  pattern: string;
  category: string;
  /** Where to insert it; at the end when left out. */
  position?: number | undefined;
}
export type RuleChange = Partial<RuleInput>;

const SELECT = `SELECT r.id, r.position, r.field, r.match, r.pattern, r.category_id, c.name AS category,
  c.productivity FROM rules r JOIN categories c ON c.id = r.category_id`;

export class Rules {
  private readonly stmts;
  private readonly log: Logger | undefined;
  /** The unusable rules already logged (id and pattern), so that each is said once, not at every compile. */
  private readonly warned = new Set<string>();
  private matcher: RuleMatcher<RuleRow> | null = null;

  /** `log` hears of stored rules that cannot be used (a regex RE2 cannot compile), once each. */
  constructor(db: DB, log?: Logger) {
    this.log = log;
    this.stmts = {
      all: db.prepare(`${SELECT} ORDER BY r.position, r.id`),
      byId: db.prepare(`${SELECT} WHERE r.id = ?`),
      count: db.prepare(`SELECT count(*) FROM rules`).pluck(),
      categoryId: db.prepare(`SELECT id FROM categories WHERE name_key = ?`).pluck(),
      insert: db.prepare(
        `INSERT INTO rules (position, field, match, pattern, category_id) VALUES (?, ?, ?, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE rules SET position = ?, field = ?, match = ?, pattern = ?, category_id = ? WHERE id = ?`,
      ),
      delete: db.prepare(`DELETE FROM rules WHERE id = ?`),
      shift: db.prepare(`UPDATE rules SET position = position + ? WHERE position >= ? AND position <= ?`),
    };
  }

  list(): Rule[] {
    return (this.stmts.all.all() as RuleRow[]).map(rowToRule);
  }

  /** Adds a rule at `position` (at the end when left out or past it). Call inside a write transaction. */
  create(input: RuleInput): Rule {
    this.check(input);
    const categoryId = this.categoryId(input.category);
    const count = this.stmts.count.get() as number;
    const position = Math.min(input.position ?? count, count);
    this.stmts.shift.run(1, position, count);
    const id = Number(
      this.stmts.insert.run(position, input.field, input.match, input.pattern, categoryId).lastInsertRowid,
    );
    this.forget();
    return rowToRule(this.stmts.byId.get(id) as RuleRow);
  }

  /** Changes any of a rule's fields; a new position moves it there. Call inside a write transaction. */
  update(id: number, change: RuleChange): Rule {
    const current = this.row(id);
    const next = {
      field: change.field ?? current.field,
      match: change.match ?? current.match,
      pattern: change.pattern ?? current.pattern,
    };
    this.check(next);
    const categoryId = change.category === undefined ? current.category_id : this.categoryId(change.category);
    const last = (this.stmts.count.get() as number) - 1;
    const position = Math.min(change.position ?? current.position, last);
    if (position < current.position) this.stmts.shift.run(1, position, current.position - 1);
    if (position > current.position) this.stmts.shift.run(-1, current.position + 1, position);
    this.stmts.update.run(position, next.field, next.match, next.pattern, categoryId, id);
    this.forget();
    return rowToRule(this.stmts.byId.get(id) as RuleRow);
  }

  /** Removes a rule and closes the gap it leaves. Call inside a write transaction. */
  delete(id: number): void {
    const current = this.row(id);
    this.stmts.delete.run(id);
    this.stmts.shift.run(-1, current.position + 1, Number.MAX_SAFE_INTEGER);
    this.forget();
  }

  /** The category id of the first rule that matches the subject, or null. */
  categoryFor(kind: SubjectKind, name: string): number | null {
    return this.compiled().firstMatch(kind, name)?.category_id ?? null;
  }

  /** The pattern of the title rule whose subject this name is ("Code — jira" → "jira"), else null. */
  titlePatternOf(name: string): string | null {
    const rule = this.compiled().firstMatch('app', name);
    return rule?.field === 'title' ? rule.pattern : null;
  }

  /**
   * Which subject window time belongs to under the current rules (compiled once, each distinct title matched
   * once). The object stays as it is when the rules change: ask again for the new one.
   */
  windowSubjects(): WindowSubjects & { readonly titleKey: string } {
    return this.compiled();
  }

  /**
   * Drops the compiled rules, to be built again from the table on next use: after a change, and after a
   * transaction that changed rules ended either way (a rolled-back change must not stay compiled).
   */
  forget(): void {
    this.matcher = null;
  }

  private compiled(): RuleMatcher<RuleRow> {
    this.matcher ??= compileRules(this.stmts.all.all() as RuleRow[], {
      onUnusable: (rule, problem) => {
        const key = `${rule.id}\u0000${rule.pattern}`;
        if (this.warned.has(key)) return;
        this.warned.add(key);
        this.log?.warn(`rule ${rule.id} matches nothing until its pattern is changed: ${problem}`, {
          rule: rule.id,
          pattern: rule.pattern,
        });
      },
    });
    return this.matcher;
  }

  private row(id: number): RuleRow {
    const row = this.stmts.byId.get(id) as RuleRow | undefined;
    if (!row) throw notFound(`no rule with id ${id}`, 'id');
    return row;
  }

  /** A field and match that go together, and a regex that compiles (a change may touch only one of them). */
  private check(rule: { field: RuleField; match: RuleMatch; pattern: string }): void {
    const problem = ruleProblem(rule);
    if (problem) throw invalid(problem.message, problem.field);
  }

  private categoryId(name: string): number {
    const id = this.stmts.categoryId.get(foldName(name)) as number | undefined;
    if (id === undefined) {
      throw unknownCategory(name);
    }
    return id;
  }
}
