/**
 * The synthetic data's categories in a benchmark's store: those a new store does not list already (it starts
 * with the built-in ones, some of them by the same names, which keep their productivity), and the subjects
 * mapped to them.
 */
import { DEFAULT_CATEGORY_MAP, SYNTHETIC_CATEGORIES } from '../app/demo/synthetic.ts';
import type { Store } from '../app/db/store.ts';

export function addSyntheticCategories(store: Store): void {
  const existing = new Set(store.listCategories().map((c) => c.name));
  for (const c of SYNTHETIC_CATEGORIES)
    if (!existing.has(c.name)) store.createCategory(c.name, c.productivity);
  for (const s of DEFAULT_CATEGORY_MAP) store.setSubjectCategory(s.kind, s.name, s.category);
}
