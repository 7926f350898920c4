/**
 * The changes the dashboard can make: a subject's category (chosen, suggested or reset to its default), a new
 * category, a category's productivity.
 * Each one calls the API, then has everything loaded again (`reload`), so that every view shows the change
 * at once; it resolves, and confirms, once they do. Failures are reported through `notify`, or returned to
 * an inline form.
 */
import { createContext, useContext, useMemo } from 'react';
import type { Suggestion } from '../../../app/shared/planning.ts';
import type { Category, Productivity, SubjectKind } from '../../../app/shared/report.ts';
import { api, describeError } from '../lib/api.ts';
import { NO_CATEGORY } from '../lib/productivity.ts';
import type { Notice } from './useNotices.ts';
import type { PurgeAsk } from './usePurge.ts';

export interface Actions {
  categories: Category[];
  /** The classifier's suggestions for subjects without a category; shown, never applied by themselves. */
  suggestions: Suggestion[];
  /** Resolves to whether it worked. */
  setSubjectCategory(kind: SubjectKind, name: string, category: string | null): Promise<boolean>;
  /** Drops the user's choice: the subject's category comes from the rules or the built-in default again. */
  resetSubjectCategory(kind: SubjectKind, name: string): Promise<boolean>;
  /** Creates a category and gives it to a subject; resolves to an error message, or null. */
  createCategoryFor(
    kind: SubjectKind,
    subject: string,
    name: string,
    productivity: Productivity,
  ): Promise<string | null>;
  /** Creates a category on its own (for a goal, a rule or a logged activity); resolves to an error, or null. */
  createCategory(name: string, productivity: Productivity): Promise<string | null>;
  setCategoryProductivity(category: Category, productivity: Productivity): Promise<boolean>;
  /** Asks to delete recorded data (the dialog confirms it first); absent where the page offers none. */
  purge?: PurgeAsk | undefined;
}

export const ActionsContext = createContext<Actions | null>(null);

export function useActionsContext(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActionsContext outside <ActionsContext>');
  return actions;
}

export function useActions(
  categories: Category[],
  suggestions: Suggestion[],
  reload: () => Promise<void>,
  notify: (kind: Notice['kind'], text: string) => void,
  purge?: PurgeAsk,
): Actions {
  return useMemo<Actions>(
    () => ({
      categories,
      suggestions,
      purge,
      async setSubjectCategory(kind, name, category) {
        try {
          await api.setSubjectCategory({ params: { kind, name }, body: { category } });
          await reload();
          notify('success', `${name} → ${category ?? NO_CATEGORY}`);
          return true;
        } catch (error) {
          notify('error', `Could not change the category of ${name}: ${describeError(error)}`);
          return false;
        }
      },
      async resetSubjectCategory(kind, name) {
        try {
          const reset = await api.resetSubjectCategory({ params: { kind, name }, body: {} });
          await reload();
          notify('success', `${name} → ${reset.category ?? NO_CATEGORY} (default)`);
          return true;
        } catch (error) {
          notify('error', `Could not reset the category of ${name}: ${describeError(error)}`);
          return false;
        }
      },
      async createCategoryFor(kind, subject, name, productivity) {
        try {
          const created = await api.createCategory({ body: { name: name.trim(), productivity } });
          await api.setSubjectCategory({ params: { kind, name: subject }, body: { category: created.name } });
          await reload();
          notify('success', `New category ${created.name}; ${subject} → ${created.name}`);
          return null;
        } catch (error) {
          // The category may exist by now even though assigning it failed.
          void reload();
          return describeError(error);
        }
      },
      async createCategory(name, productivity) {
        try {
          const created = await api.createCategory({ body: { name: name.trim(), productivity } });
          await reload();
          notify('success', `New category ${created.name}`);
          return null;
        } catch (error) {
          return describeError(error);
        }
      },
      async setCategoryProductivity(category, productivity) {
        try {
          await api.updateCategory({ params: { id: category.id }, body: { productivity } });
          await reload();
          notify('success', `${category.name} is now ${productivity}`);
          return true;
        } catch (error) {
          notify('error', `Could not change ${category.name}: ${describeError(error)}`);
          return false;
        }
      },
    }),
    [categories, suggestions, reload, notify, purge],
  );
}
