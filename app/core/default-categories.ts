/**
 * The built-in category database (default-categories.data.ts) as lookups: an app by its name, any case; a
 * domain by itself or its nearest listed parent, so that "gist.github.com" is Development through
 * "github.com" while "mail.google.com" keeps its own entry.
 */
import { DEFAULT_CATEGORY_DB, type DefaultCategory } from './default-categories.data.ts';
import type { SubjectKind } from '../shared/report.ts';

export { DEFAULT_CATEGORY_DB, type DefaultCategory };

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
