/** Encryption at rest of the database: whether it is encrypted and where its key is, and the conversion. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { endpoint } from './endpoint.ts';

export interface EncryptionStatus {
  encrypted: boolean;
  /** Where the key is kept ("the keychain (Secret Service)", "the key file /…"); null for a plain database. */
  key_store: string | null;
  /** Whether this process can convert its database (the daemon and the desktop app can). */
  can_convert: boolean;
}

export interface EncryptionChange extends EncryptionStatus {
  /** Rows of every table, equal before and after (verified). */
  rows: number;
  /** The recovery key, given once, right after encrypting; null after decrypting. */
  recovery_key: string | null;
  /** Backups in `<data>/backups/` rewritten in the new form, and those removed (they could not be read). */
  backups_rewritten: number;
  backups_removed: number;
}

export const encryptionChange = z.strictObject({ encrypted: z.boolean() });

export const encryptionApi = {
  getEncryption: endpoint<EncryptionStatus>()({ ...ROUTES.getEncryption }),
  setEncryption: endpoint<EncryptionChange>()({ ...ROUTES.setEncryption, body: encryptionChange }),
};
