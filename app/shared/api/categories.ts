/** Categories, and which category a subject (an app, a domain, a label of time logged by hand) is in. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { normalizeDomain } from '../events.ts';
import { SUBJECT_KINDS, type Category, type SubjectTotal } from '../report.ts';
import { categoryName, emptyBody, endpoint, idParams, plainText, productivity } from './endpoint.ts';

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

export const categoryBody = z.object({ name: categoryName, productivity }).strict();
export type CategoryBody = z.infer<typeof categoryBody>;

export const categoryPatch = z
  .object({ name: categoryName.optional(), productivity: productivity.optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.productivity !== undefined, { message: 'nothing to change' });
export type CategoryPatch = z.infer<typeof categoryPatch>;

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
