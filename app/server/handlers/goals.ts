import type { GoalBody, GoalPatch, goalsApi, HandlersOf } from '../../shared/api/index.ts';
import type { GoalChange, GoalInput } from '../../db/store.ts';
import type { HandlerDeps } from './deps.ts';

function goalInput(body: GoalBody): GoalInput;
function goalInput(body: GoalPatch): GoalChange;
function goalInput(body: GoalPatch): GoalChange {
  return {
    category: body.category,
    direction: body.direction,
    period: body.period,
    targetMs: body.target_ms,
  };
}

export function goalsHandlers({ store }: HandlerDeps): HandlersOf<typeof goalsApi> {
  return {
    listGoals: ({ query }) => store.listGoals(query.tz),
    createGoal: ({ body }) => store.createGoal(goalInput(body)),
    updateGoal: ({ params, body }) => store.updateGoal(params.id, goalInput(body)),
    deleteGoal: ({ params }) => store.deleteGoal(params.id),
  };
}
