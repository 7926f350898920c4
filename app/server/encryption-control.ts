/**
 * What the API needs to report and change the database's encryption. The daemon (app/cli/serve-encryption.ts)
 * and the desktop app give one: they hold the data folder's lock and the store, and convert under both.
 */
import type { EncryptionChange, EncryptionStatus } from '../shared/api/index.ts';

export interface EncryptionControl {
  status(): EncryptionStatus;
  /** Encrypts (true) or decrypts (false) the database; the API answers 503 "preparing" meanwhile. */
  convert(encrypted: boolean): Promise<EncryptionChange>;
}
