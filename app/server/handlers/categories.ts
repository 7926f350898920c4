import type { categoriesApi, HandlersOf } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

export function categoriesHandlers({ store }: HandlerDeps): HandlersOf<typeof categoriesApi> {
  return {
    listCategories: () => store.listCategories(),
    createCategory: ({ body }) => store.createCategory(body.name, body.productivity, body.colour ?? null),
    updateCategory: ({ params, body }) => store.updateCategory(params.id, body),
    deleteCategory: ({ params, query }) => store.deleteCategory(params.id, query.reassign_to ?? null),
    setSubjectCategory: ({ params, body }) =>
      store.setSubjectCategory(params.kind, params.name, body.category),
    resetSubjectCategory: ({ params }) => store.resetSubjectCategory(params.kind, params.name),
  };
}
