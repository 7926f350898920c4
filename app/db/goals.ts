/**
 * The user's goals (table `goals`) and their progress. A goal's time done is its category's time in the
 * current local day or week up to now, read through the report machinery (reports.ts) so that it is exactly
 * what a report over the same stretch says: same overlap resolution, same rollups, today's categories.
 *
 * ```
 * week (Mon 00:00 local) ............................. now ....... next Mon 00:00
 *                        [ report over [start, now) ]     → done_ms of the goal's category
 * ```
 */
import type { Deleted } from '../shared/api/index.ts';
import { invalid, notFound, unknownCategory } from '../core/errors.ts';
import type { Goal, GoalDirection, GoalPeriod, GoalProgress } from '../shared/planning.ts';
import type { Productivity } from '../shared/report.ts';
import { goalProgress, periodAt, type PeriodBounds } from '../core/goals.ts';
import { DAY_MS } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';
import type { DB } from './open.ts';
import type { Reports } from './report.ts';
import type { ZoneResolver } from './upkeep.ts';
import { foldName } from '../shared/names.ts';

interface GoalRow {
  id: number;
  direction: GoalDirection;
  period: GoalPeriod;
  target_ms: number;
  category: string;
  productivity: Productivity;
}

const rowToGoal = (r: GoalRow): Goal => ({
  id: r.id,
  category: r.category,
  productivity: r.productivity,
  direction: r.direction,
  period: r.period,
  target_ms: r.target_ms,
});

/** A goal as the store takes it. */
export interface GoalInput {
  category: string;
  direction: GoalDirection;
  period: GoalPeriod;
  targetMs: number;
}
export type GoalChange = Partial<GoalInput>;

const SELECT = `SELECT g.id, g.direction, g.period, g.target_ms, c.name AS category, c.productivity
  FROM goals g JOIN categories c ON c.id = g.category_id`;

export class Goals {
  private readonly reports: Reports;
  private readonly stmts;

  constructor(db: DB, reports: Reports) {
    this.reports = reports;
    this.stmts = {
      all: db.prepare(`${SELECT} ORDER BY g.id`),
      byId: db.prepare(`${SELECT} WHERE g.id = ?`),
      categoryId: db.prepare(`SELECT id FROM categories WHERE name_key = ?`).pluck(),
      insert: db.prepare(
        `INSERT INTO goals (category_id, direction, period, target_ms, created_ms) VALUES (?, ?, ?, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE goals SET category_id = ?, direction = ?, period = ?, target_ms = ? WHERE id = ?`,
      ),
      delete: db.prepare(`DELETE FROM goals WHERE id = ?`),
    };
  }

  list(): Goal[] {
    return (this.stmts.all.all() as GoalRow[]).map(rowToGoal);
  }

  /** Call inside a write transaction. Throws DomainError('unknown_category'). */
  create(input: GoalInput, nowMs: number): Goal {
    const categoryId = this.categoryId(input.category);
    const id = Number(
      this.stmts.insert.run(categoryId, input.direction, input.period, input.targetMs, nowMs).lastInsertRowid,
    );
    return this.get(id);
  }

  /** Call inside a write transaction. Throws DomainError: not_found, unknown_category, invalid. */
  update(id: number, change: GoalChange): Goal {
    const current = this.get(id);
    const next = {
      category: change.category ?? current.category,
      direction: change.direction ?? current.direction,
      period: change.period ?? current.period,
      targetMs: change.targetMs ?? current.target_ms,
    };
    // The API checks a change on its own; a new period with the old target (or the reverse) is checked here.
    if (next.period === 'day' && next.targetMs > DAY_MS)
      throw invalid('a daily goal is at most 24 hours', 'targetMs');
    const categoryId = this.categoryId(next.category);
    this.stmts.update.run(categoryId, next.direction, next.period, next.targetMs, id);
    return this.get(id);
  }

  /** Call inside a write transaction. Throws DomainError('not_found'). */
  delete(id: number): Deleted {
    if (this.stmts.delete.run(id).changes === 0) throw noGoal(id);
    return { id, deleted: true };
  }

  /**
   * Every goal with its progress in the day or week of `tz` that holds `nowMs`. Reads the rollups (call inside
   * the store's transaction, after refreshing them; `resolveZone` as in Reports.build). Throws
   * DomainError('invalid') for an unknown zone.
   */
  progress(tz: string, nowMs: number, resolveZone: ZoneResolver): GoalProgress[] {
    const zone = zoneFor(tz);
    const goals = this.list();
    // One report per kind of period, whatever the number of goals.
    const byPeriod = new Map<GoalPeriod, { bounds: PeriodBounds; ms: Map<string, number> }>();
    const periodOf = (period: GoalPeriod) => {
      let found = byPeriod.get(period);
      if (!found) {
        const bounds = periodAt(period, nowMs, zone);
        const report = this.reports.build(
          { fromMs: bounds.startMs, toMs: Math.min(bounds.endMs, nowMs), tz: zone.name },
          nowMs,
          resolveZone,
        );
        const ms = new Map(report.categories.flatMap((c) => (c.name === null ? [] : [[c.name, c.ms]])));
        byPeriod.set(period, (found = { bounds, ms }));
      }
      return found;
    };
    return goals.map((goal) => {
      const { bounds, ms } = periodOf(goal.period);
      return goalProgress(goal, bounds, ms.get(goal.category) ?? 0);
    });
  }

  private get(id: number): Goal {
    const row = this.stmts.byId.get(id) as GoalRow | undefined;
    if (!row) throw noGoal(id);
    return rowToGoal(row);
  }

  private categoryId(name: string): number {
    const id = this.stmts.categoryId.get(foldName(name)) as number | undefined;
    if (id === undefined) throw unknownCategory(name);
    return id;
  }
}

const noGoal = (id: number) => notFound(`no goal with id ${id}`, 'id');
