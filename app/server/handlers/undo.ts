import type { HandlersOf, undoApi } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

export function undoHandlers({ store }: HandlerDeps): HandlersOf<typeof undoApi> {
  return {
    undoDelete: ({ body }) => store.undo(body.token),
  };
}
