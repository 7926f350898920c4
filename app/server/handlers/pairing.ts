import type { HandlersOf, pairingApi } from '../../shared/api/index.ts';
import { APP_VERSION } from '../../shared/version.ts';
import type { HandlerDeps } from './deps.ts';

export function pairingHandlers({ store, idleSeconds }: HandlerDeps): HandlersOf<typeof pairingApi> {
  return {
    health: () => ({ ok: true, version: APP_VERSION, schema_version: store.schemaVersion() }),
    pairing: () => ({ user_id: store.userId(), version: APP_VERSION, idle_seconds: idleSeconds() }),
  };
}
