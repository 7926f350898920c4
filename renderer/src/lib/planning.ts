/**
 * The dashboard's planning data for one range: goals (for the current day and week), suggestions, the manual
 * entries of the range and the rules. Each is loaded on its own and may fail on its own: a section whose data
 * did not load says so, and the rest of the page works.
 */
import type { GoalProgress, ManualEntry, Rule, Suggestion } from '../../../app/shared/planning.ts';
import { api } from './api.ts';
import { rangeInstants, type DayRange } from './ranges.ts';

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface PlanningData {
  goals: Loaded<GoalProgress[]>;
  suggestions: Loaded<Suggestion[]>;
  entries: Loaded<ManualEntry[]>;
  rules: Loaded<Rule[]>;
}

function settle<T>(promise: Promise<T>): Promise<Loaded<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Never rejects: each part carries its own result or failure. */
export async function loadPlanning(range: DayRange, tz: string): Promise<PlanningData> {
  const { from, to } = rangeInstants(range);
  const [goals, suggestions, entries, rules] = await Promise.all([
    settle(api.listGoals({ query: { tz } })),
    settle(api.listSuggestions({})),
    settle(api.listManualEntries({ query: { from: from.toISOString(), to: to.toISOString() } })),
    settle(api.listRules({})),
  ]);
  return { goals, suggestions, entries, rules };
}

/** The value of a part that loaded, or `fallback`. */
export function valueOr<T>(loaded: Loaded<T>, fallback: T): T {
  return loaded.ok ? loaded.value : fallback;
}
