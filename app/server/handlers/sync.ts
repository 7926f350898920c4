import type { HandlersOf, syncApi } from '../../shared/api/index.ts';
import { notFound } from '../../core/errors.ts';
import type { SyncService } from '../../sync/service.ts';
import { patchSyncSettings } from '../../sync/settings-patch.ts';
import type { HandlerDeps } from './deps.ts';

export function syncHandlers({ sync, settings }: HandlerDeps): HandlersOf<typeof syncApi> {
  const service = (): SyncService => {
    if (!sync) throw notFound('this server does not sync: it was started without a data folder');
    return sync;
  };
  return {
    getSync: () => service().status(),
    runSync: () => service().start(),
    updateSyncSettings: ({ body }) => {
      const running = service();
      settings.update({ sync: patchSyncSettings(settings.get().sync, body) });
      return running.status();
    },
  };
}
