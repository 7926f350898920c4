/** Categories, and which category a subject (an app, a domain, a label of time logged by hand) is in. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { normalizeDomain } from '../events.ts';
import { SUBJECT_KINDS, type Category, type SubjectTotal } from '../report.ts';
import {
  categoryName,
  emptyBody,
  endpoint,
  idParams,
  plainText,
  productivity,
  type Deleted,
} from './endpoint.ts';

export const subjectParams = z
  .object({ kind: z.enum(SUBJECT_KINDS), name: plainText(z.string().min(1).max(256)) })
  .transform((p, ctx) => {
    if (p.kind !== 'domain') return p;
    const domain = normalizeDomain(p.name);
    if (!domain) {
      ctx.addIssue({ code: 'custom', message: `"${p.name}" is not a hostname`, path: ['name'] });
      return z.NEVER;
    }
    return { kind: p.kind, name: domain };
  });

/** '#rrggbb'; null gives the category back its palette colour. */
export const categoryColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb, e.g. #3b82f6')
  .transform((c) => c.toLowerCase());

export const categoryBody = z
  .object({ name: categoryName, productivity, colour: categoryColour.nullable().optional() })
  .strict();
export type CategoryBody = z.infer<typeof categoryBody>;

export const categoryPatch = z
  .object({
    name: categoryName.optional(),
    productivity: productivity.optional(),
    colour: categoryColour.nullable().optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.productivity !== undefined || b.colour !== undefined, {
    message: 'nothing to change',
  });
export type CategoryPatch = z.infer<typeof categoryPatch>;

/** Where a deleted category's subjects, rules, goals and manual entries go: a category by name, or none if absent. */
export const categoryDeleteQuery = z.object({ reassign_to: categoryName.optional() }).strict();

/** What deleting a category did, and the token that undoes it (POST /v1/undo). */
export interface CategoryDeletion extends Deleted {
  category: Category;
  /** null: they now have no category. */
  reassigned_to: string | null;
  /** How many apps, domains and labels of time logged by hand were in it (they are now in reassigned_to). */
  apps: number;
  domains: number;
  labels: number;
  /** The manual entries under those labels. */
  manual_entries: number;
  /** Rules and goals need a category: moved to reassigned_to, or deleted when there is none. */
  rules: { count: number; outcome: 'moved' | 'deleted' };
  goals: { count: number; outcome: 'moved' | 'deleted' };
}

export const subjectCategoryBody = z.object({ category: categoryName.nullable() }).strict();

export interface SubjectCategory {
  kind: SubjectTotal['kind'];
  name: string;
  category: string | null;
  productivity: SubjectTotal['productivity'];
}

export const categoriesApi = {
  listCategories: endpoint<Category[]>()({ ...ROUTES.listCategories }),
  createCategory: endpoint<Category>()({ ...ROUTES.createCategory, body: categoryBody }),
  updateCategory: endpoint<Category>()({ ...ROUTES.updateCategory, params: idParams, body: categoryPatch }),
  deleteCategory: endpoint<CategoryDeletion>()({
    ...ROUTES.deleteCategory,
    params: idParams,
    query: categoryDeleteQuery,
  }),
  setSubjectCategory: endpoint<SubjectCategory>()({
    ...ROUTES.setSubjectCategory,
    params: subjectParams,
    body: subjectCategoryBody,
  }),
  resetSubjectCategory: endpoint<SubjectCategory>()({
    ...ROUTES.resetSubjectCategory,
    params: subjectParams,
    body: emptyBody,
  }),
};
