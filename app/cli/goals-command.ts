/**
 * `timeaudit goals`: list the goals with their progress, add, edit and delete them, as the dashboard's Goals
 * card does (through the daemon when it runs: app/cli/write-through.ts).
 */
import { goalBody, goalPatch, type GoalBody, type GoalPatch } from '../shared/api/index.ts';
import { parseDuration } from '../shared/duration-input.ts';
import { formatDuration } from '../shared/format.ts';
import type { Goal, GoalProgress, GoalState } from '../shared/planning.ts';
import type { GoalChange } from '../db/store.ts';
import { table } from './report-table.ts';
import { CommandArgumentError, checked, parseId, withStore, writeThrough } from './write-through.ts';

export interface GoalsListOptions {
  dataDir: string;
  tz?: string | undefined;
  json?: boolean | undefined;
}

export interface GoalFields {
  category?: string | undefined;
  atMost?: string | undefined;
  atLeast?: string | undefined;
  target?: string | undefined;
  per?: string | undefined;
}

interface WriteOptions {
  dataDir: string;
  json?: boolean | undefined;
}

const OPTION_NAMES = {
  target_ms: '--at-most/--at-least',
  period: '--per',
  direction: '--at-most/--at-least',
};

const STATES: Record<GoalState, string> = {
  under: 'under the limit',
  over: 'over the limit',
  met: 'met',
  short: 'not yet',
};

const target = (text: string, option: string): number => {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0)
    throw new CommandArgumentError(`${option} "${text}" is not a duration: use 45m, 1h, 1.5h or 1h30m`);
  return ms;
};

/** The body the options describe; `partial` for an edit (only what is given). */
function goalFields(opts: GoalFields): Partial<GoalBody> {
  if (opts.atMost !== undefined && opts.atLeast !== undefined)
    throw new CommandArgumentError('give --at-most or --at-least, not both');
  const body: Partial<GoalBody> = {};
  if (opts.category !== undefined) body.category = opts.category;
  if (opts.atMost !== undefined) {
    body.direction = 'at_most';
    body.target_ms = target(opts.atMost, '--at-most');
  }
  if (opts.atLeast !== undefined) {
    body.direction = 'at_least';
    body.target_ms = target(opts.atLeast, '--at-least');
  }
  if (opts.target !== undefined) {
    if (body.target_ms !== undefined)
      throw new CommandArgumentError('give --target or --at-most/--at-least, not both');
    body.target_ms = target(opts.target, '--target');
  }
  if (opts.per !== undefined) body.period = opts.per as GoalBody['period'];
  return body;
}

const change = (body: GoalPatch): GoalChange => ({
  category: body.category,
  direction: body.direction,
  period: body.period,
  targetMs: body.target_ms,
});

/** "at most 2h a day in Social", "at least 10h a week in Deep work". */
export function describeGoal(goal: Goal): string {
  const direction = goal.direction === 'at_most' ? 'at most' : 'at least';
  return `#${goal.id} ${direction} ${formatDuration(goal.target_ms)} a ${goal.period} in ${goal.category}`;
}

/** `timeaudit goals [list]`. */
export function goalsListCommand(opts: GoalsListOptions): void {
  const tz = opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const goals = withStore(opts.dataDir, (store) => store.listGoals(tz));
  if (opts.json) console.log(JSON.stringify(goals, null, 2));
  else
    console.log(goals.length === 0 ? 'No goals yet: add one with `timeaudit goals add`.' : goalsTable(goals));
}

export function goalsTable(goals: GoalProgress[]): string {
  return table(
    ['id', 'category', 'goal', 'period', 'done', 'state'],
    goals.map((g) => [
      String(g.id),
      g.category,
      `${g.direction === 'at_most' ? 'at most' : 'at least'} ${formatDuration(g.target_ms)}`,
      `a ${g.period}`,
      formatDuration(g.done_ms),
      STATES[g.state],
    ]),
    [0, 4],
  );
}

/** `timeaudit goals add CATEGORY (--at-most D | --at-least D) [--per day|week]`. */
export async function goalsAddCommand(category: string, opts: GoalFields & WriteOptions): Promise<void> {
  const fields = goalFields({ ...opts, category });
  if (fields.direction === undefined)
    throw new CommandArgumentError('give --at-most DURATION or --at-least DURATION');
  const body = checked(goalBody, { period: 'day', ...fields }, OPTION_NAMES);
  const goal = await writeThrough(
    opts.dataDir,
    'goals',
    (store) =>
      store.createGoal({
        category: body.category,
        direction: body.direction,
        period: body.period,
        targetMs: body.target_ms,
      }),
    (api) => api.createGoal({ body }),
  );
  print(opts, goal, `Added goal ${describeGoal(goal)}`);
}

/** `timeaudit goals edit ID [--category C] [--at-most D | --at-least D | --target D] [--per day|week]`. */
export async function goalsEditCommand(idText: string, opts: GoalFields & WriteOptions): Promise<void> {
  const id = parseId(idText, 'goal');
  const fields = goalFields(opts);
  if (Object.keys(fields).length === 0)
    throw new CommandArgumentError(
      'nothing to change: give --category, --at-most, --at-least, --target or --per',
    );
  const body = checked(goalPatch, fields, OPTION_NAMES);
  const goal = await writeThrough(
    opts.dataDir,
    'goals',
    (store) => store.updateGoal(id, change(body)),
    (api) => api.updateGoal({ params: { id }, body }),
  );
  print(opts, goal, `Updated goal ${describeGoal(goal)}`);
}

/** `timeaudit goals delete ID`. */
export async function goalsDeleteCommand(idText: string, opts: WriteOptions): Promise<void> {
  const id = parseId(idText, 'goal');
  const goal = withStore(opts.dataDir, (store) => store.listGoals('UTC').find((g) => g.id === id));
  const deleted = await writeThrough(
    opts.dataDir,
    'goals',
    (store) => store.deleteGoal(id),
    (api) => api.deleteGoal({ params: { id } }),
  );
  print(opts, deleted, `Deleted goal ${goal ? describeGoal(goal) : `#${id}`}`);
}

function print(opts: WriteOptions, value: unknown, text: string): void {
  console.log(opts.json ? JSON.stringify(value, null, 2) : text);
}
