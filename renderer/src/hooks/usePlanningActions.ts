/**
 * The changes the planning sections make: goals, rules and manual entries. Like useActions, each one calls
 * the API and then has everything loaded again (`reload`), so that the report, the timeline and the lists all
 * show the change at once. A form's call resolves to its failure (to show next to the form, which keeps what
 * was typed) or null; the one-click changes (delete, move) report failures through `notify`.
 */
import { useMemo } from 'react';
import type {
  Deleted,
  GoalBody,
  GoalPatch,
  ManualEntryBody,
  ManualEntryPatch,
  RuleBody,
} from '../../../app/shared/api/index.ts';
import type { Goal, ManualEntry, Rule } from '../../../app/shared/planning.ts';
import { ApiError, api, describeError } from '../lib/api.ts';
import { describeGoal } from '../lib/goals.ts';
import { FIELD_KINDS } from '../lib/rules.ts';
import type { Notice, NoticeAction } from './useNotices.ts';

/** Why a form's call failed: a sentence, and the field it is about when the API names one. */
export interface Failure {
  message: string;
  field?: string | undefined;
}

export interface PlanningActions {
  createGoal(body: GoalBody): Promise<Failure | null>;
  updateGoal(goal: Goal, patch: GoalPatch): Promise<Failure | null>;
  deleteGoal(goal: Goal): Promise<boolean>;
  createRule(body: RuleBody): Promise<Failure | null>;
  /** Moves a rule to `position` (where its neighbour is), the others making room. */
  moveRule(rule: Rule, position: number): Promise<boolean>;
  deleteRule(rule: Rule): Promise<boolean>;
  createEntry(body: ManualEntryBody): Promise<Failure | null>;
  updateEntry(entry: ManualEntry, patch: ManualEntryPatch): Promise<Failure | null>;
  deleteEntry(entry: ManualEntry): Promise<boolean>;
}

export function failureOf(error: unknown): Failure {
  return { message: describeError(error), field: error instanceof ApiError ? error.field : undefined };
}

const ruleText = (rule: Pick<Rule, 'field' | 'pattern'>) =>
  `${FIELD_KINDS[rule.field]} rule “${rule.pattern}”`;

export function usePlanningActions(
  reload: () => Promise<void>,
  notify: (kind: Notice['kind'], text: string, action?: NoticeAction) => void,
): PlanningActions {
  return useMemo<PlanningActions>(() => {
    /** A form's call: reload and confirm on success, the failure back to the form otherwise. */
    const submit = async (call: () => Promise<unknown>, done: string): Promise<Failure | null> => {
      try {
        await call();
      } catch (error) {
        return failureOf(error);
      }
      await reload();
      notify('success', done);
      return null;
    };
    /** A one-click change: reload and confirm, or say what failed. */
    const change = async (call: () => Promise<unknown>, done: string, failed: string): Promise<boolean> => {
      try {
        await call();
      } catch (error) {
        notify('error', `${failed}: ${describeError(error)}`);
        return false;
      }
      await reload();
      notify('success', done);
      return true;
    };
    /** A delete, at once, with "Deleted … Undo" for a few seconds; undo puts back exactly what went. */
    const remove = (call: () => Promise<Deleted>, done: string, failed: string): Promise<boolean> =>
      deleteWithUndo(call, done, failed, reload, notify);
    return {
      updateGoal: (goal, patch) =>
        submit(
          () => api.updateGoal({ params: { id: goal.id }, body: patch }),
          `Goal saved: ${describeGoal({ ...goal, ...patch }).toLowerCase()} in ${patch.category ?? goal.category}`,
        ),
      createGoal: (body) =>
        submit(
          () => api.createGoal({ body }),
          `New goal: ${describeGoal(body).toLowerCase()} in ${body.category}`,
        ),
      deleteGoal: (goal) =>
        remove(
          () => api.deleteGoal({ params: { id: goal.id } }),
          `Goal deleted: ${describeGoal(goal).toLowerCase()} in ${goal.category}`,
          'Could not delete the goal',
        ),
      createRule: (body) =>
        submit(() => api.createRule({ body }), `New ${ruleText(body)} → ${body.category}`),
      moveRule: (rule, position) =>
        change(
          () => api.updateRule({ params: { id: rule.id }, body: { position } }),
          `Moved the ${ruleText(rule)}`,
          `Could not move the ${ruleText(rule)}`,
        ),
      deleteRule: (rule) =>
        remove(
          () => api.deleteRule({ params: { id: rule.id } }),
          `Deleted the ${ruleText(rule)}`,
          `Could not delete the ${ruleText(rule)}`,
        ),
      createEntry: (body) => submit(() => api.createManualEntry({ body }), `Logged ${body.label.trim()}`),
      updateEntry: (entry, patch) =>
        submit(
          () => api.updateManualEntry({ params: { id: entry.id }, body: patch }),
          `Saved ${patch.label?.trim() ?? entry.label}`,
        ),
      deleteEntry: (entry) =>
        remove(
          () => api.deleteManualEntry({ params: { id: entry.id } }),
          `Deleted ${entry.label}`,
          `Could not delete ${entry.label}`,
        ),
    };
  }, [reload, notify]);
}

/**
 * Deletes at once and offers "Undo" in the message for a few seconds (POST /v1/undo with the token the delete
 * answered), so that no delete needs a confirmation first. Shared by the planning sections and the categories.
 */
export async function deleteWithUndo<D extends Deleted>(
  call: () => Promise<D>,
  done: string | ((deleted: D) => string),
  failed: string,
  reload: () => Promise<void>,
  notify: (kind: Notice['kind'], text: string, action?: NoticeAction) => void,
): Promise<boolean> {
  let deleted: D;
  try {
    deleted = await call();
  } catch (error) {
    notify('error', `${failed}: ${describeError(error)}`);
    return false;
  }
  await reload();
  const token = deleted.undo;
  const undo = async () => {
    try {
      await api.undoDelete({ body: { token: token ?? '' } });
    } catch (error) {
      notify('error', `Could not undo: ${describeError(error)}`);
      return;
    }
    await reload();
    notify('success', 'Restored');
  };
  const text = typeof done === 'string' ? done : done(deleted);
  notify('success', text, token ? { label: 'Undo', run: () => void undo() } : undefined);
  return true;
}
