/**
 * The built-in category database (default-categories.json, versioned data) as lookups: an app by its name, any
 * case; a domain by itself or its nearest listed parent, so that "gist.github.com" is Development through
 * "github.com" while "mail.google.com" keeps its own entry. The file is checked when it loads: a bad entry is a
 * bug of the release, reported at once rather than as a subject silently left without its category.
 */
import { z } from 'zod';
import data from './default-categories.json' with { type: 'json' };
import { PRODUCTIVITIES, type SubjectKind } from '../shared/report.ts';

const defaultCategory = z.object({ name: z.string().min(1), productivity: z.enum(PRODUCTIVITIES) }).strict();
const defaultSubject = z
  .object({ kind: z.enum(['app', 'domain']), name: z.string().min(1), category: z.string().min(1) })
  .strict();
const categoryDatabase = z
  .object({
    about: z.array(z.string()),
    version: z.number().int().positive(),
    categories: z.array(defaultCategory),
    subjects: z.array(defaultSubject),
  })
  .strict()
  .superRefine((db, ctx) => {
    const names = new Set(db.categories.map((c) => c.name));
    db.subjects.forEach((s, i) => {
      if (!names.has(s.category))
        ctx.addIssue({ code: 'custom', path: ['subjects', i], message: `no category "${s.category}"` });
    });
  });

export type DefaultCategory = z.infer<typeof defaultCategory>;
export type DefaultSubject = z.infer<typeof defaultSubject>;

export const DEFAULT_CATEGORY_DB = categoryDatabase.parse(data);

const categories = new Map(DEFAULT_CATEGORY_DB.categories.map((c) => [c.name, c]));
const bySubject = new Map(
  DEFAULT_CATEGORY_DB.subjects.map((s) => [
    `${s.kind}\u0000${s.name.toLowerCase()}`,
    categories.get(s.category),
  ]),
);

export function defaultCategoryFor(kind: SubjectKind, name: string): DefaultCategory | null {
  if (kind === 'app') return bySubject.get(`app\u0000${name.trim().toLowerCase()}`) ?? null;
  const labels = name.toLowerCase().split('.');
  for (let i = 0; i < Math.max(1, labels.length - 1); i++) {
    const found = bySubject.get(`domain\u0000${labels.slice(i).join('.')}`);
    if (found) return found;
  }
  return null;
}
