import type { HandlersOf, rulesApi } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

// A rule's wire fields are its domain fields (field, match, pattern, category, position): no renaming.
export function rulesHandlers({ store }: HandlerDeps): HandlersOf<typeof rulesApi> {
  return {
    listRules: () => store.listRules(),
    createRule: ({ body }) => store.createRule(body),
    updateRule: ({ params, body }) => store.updateRule(params.id, body),
    deleteRule: ({ params }) => store.deleteRule(params.id),
    listSuggestions: () => store.suggestions(),
  };
}
