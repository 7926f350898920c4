/** Goals: at most or at least so much time a day or a week in a category, with their progress now. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { GOAL_DIRECTIONS, GOAL_PERIODS, type Goal, type GoalPeriod, type GoalProgress } from '../planning.ts';
import { categoryName, endpoint, idParams, timeZone, type Deleted } from './endpoint.ts';

const goalShape = {
  category: categoryName,
  direction: z.enum(GOAL_DIRECTIONS),
  period: z.enum(GOAL_PERIODS),
  /** From one minute to the whole period. */
  target_ms: z
    .number()
    .int()
    .min(60_000, 'at least one minute')
    .max(7 * 86_400_000, 'at most a week'),
};

function checkGoalTarget(
  b: { period?: GoalPeriod | undefined; target_ms?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (b.period === 'day' && b.target_ms !== undefined && b.target_ms > 86_400_000)
    ctx.addIssue({ code: 'custom', path: ['target_ms'], message: 'a daily goal is at most 24 hours' });
}

export const goalBody = z.object(goalShape).strict().superRefine(checkGoalTarget);
export type GoalBody = z.infer<typeof goalBody>;

export const goalPatch = z
  .object(goalShape)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .superRefine(checkGoalTarget);
export type GoalPatch = z.infer<typeof goalPatch>;

export const goalsQuery = z.object({ tz: timeZone });

export const goalsApi = {
  listGoals: endpoint<GoalProgress[]>()({ ...ROUTES.listGoals, query: goalsQuery }),
  createGoal: endpoint<Goal>()({ ...ROUTES.createGoal, body: goalBody }),
  updateGoal: endpoint<Goal>()({ ...ROUTES.updateGoal, params: idParams, body: goalPatch }),
  deleteGoal: endpoint<Deleted>()({ ...ROUTES.deleteGoal, params: idParams }),
};
