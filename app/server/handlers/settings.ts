import type { HandlersOf, settingsApi } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';

export function settingsHandlers({ settings }: HandlerDeps): HandlersOf<typeof settingsApi> {
  return {
    getSettings: () => settings.view(),
    updateSettings: ({ body }) => settings.updateView(body),
  };
}
