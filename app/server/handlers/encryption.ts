import type { encryptionApi, HandlersOf } from '../../shared/api/index.ts';
import { notFound } from '../../core/errors.ts';
import { databaseState } from '../../db/cipher.ts';
import type { HandlerDeps } from './deps.ts';

export function encryptionHandlers({ encryption, store }: HandlerDeps): HandlersOf<typeof encryptionApi> {
  return {
    getEncryption: () =>
      encryption?.status() ?? {
        encrypted: databaseState(store.file) === 'encrypted',
        key_store: null,
        can_convert: false,
      },
    setEncryption: ({ body }) => {
      if (!encryption)
        throw notFound('this server cannot convert its database: it was started without a data folder');
      return encryption.convert(body.encrypted);
    },
  };
}
