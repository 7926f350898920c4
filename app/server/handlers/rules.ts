import type { HandlersOf, rulesApi } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

// A rule's wire fields are its domain fields (field, match, pattern, category, position): no renaming.
export function rulesHandlers({ store }: HandlerDeps): HandlersOf<typeof rulesApi> {
  return {
    listRules: () => store.listRules(),
    createRule: ({ body }) => store.createRule(body),
    updateRule: ({ params, body }) => store.updateRule(params.id, body),
    deleteRule: ({ params }) => store.deleteRule(params.id),
    previewRule: ({ body }) =>
      store.previewRule(
        {
          field: body.field,
          match: body.match,
          pattern: body.pattern,
          position: body.position,
          ruleId: body.rule_id,
        },
        { fromMs: Date.parse(body.from), toMs: Date.parse(body.to), tz: body.tz },
      ),
    listSuggestions: () => store.suggestions(),
  };
}
