import type { HandlersOf, statusApi } from '../../shared/api/index.ts';
import type { HandlerDeps } from './deps.ts';
import { toPauseStatus } from './pause.ts';

export function statusHandlers({ status, pause, port, settings }: HandlerDeps): HandlersOf<typeof statusApi> {
  return {
    status: () => {
      const state = pause.state();
      return {
        pause: toPauseStatus(state),
        sources: status.sources(state.paused),
        api: { port: port(), port_source: status.portSource, saved_port: settings.get().port },
      };
    },
  };
}
