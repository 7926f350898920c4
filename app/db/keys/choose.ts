/**
 * Which key store the daemon and the `timeaudit` command use for a data folder. Reading tries, in order:
 * TIMEAUDIT_DB_KEY, the keychain (when a Secret Service or the OS keychain answers), the key file. A new key
 * goes to TIMEAUDIT_KEY_STORE (`keychain` or `file`) when set, else to the keychain when it answers, else to
 * the key file.
 */
import { databaseState, keyOpens } from '../cipher.ts';
import { EnvKeyStore } from './env-key.ts';
import { defaultKeyFile, FileKeyStore } from './file-key.ts';
import { KeychainKeyStore } from './keychain-key.ts';
import { EncryptionKeyError, KeyStoreError, type KeyStore } from './key-store.ts';

export const KEY_STORE_ENV = 'TIMEAUDIT_KEY_STORE';

export interface FoundKey {
  key: Buffer;
  store: KeyStore;
}

export class KeyStores {
  readonly env: EnvKeyStore;
  readonly keychain: KeychainKeyStore;
  readonly file: FileKeyStore;
  private readonly choice: string | undefined;

  constructor(dataDir: string, env: NodeJS.ProcessEnv = process.env) {
    this.env = new EnvKeyStore(env);
    this.keychain = new KeychainKeyStore(dataDir);
    this.file = new FileKeyStore(defaultKeyFile(dataDir, env));
    this.choice = env[KEY_STORE_ENV];
  }

  /** The key, from the first place that holds one; null when none does. `lookedIn` lists where it looked. */
  find(): { found: FoundKey | null; lookedIn: string } {
    const looked: string[] = [];
    for (const store of this.readOrder()) {
      try {
        const key = store.read();
        if (key) return { found: { key, store }, lookedIn: looked.concat(store.where).join(', ') };
        looked.push(store.where);
      } catch (error) {
        if (!(error instanceof KeyStoreError)) throw error;
        // The env variable and the key file are the user's own: a bad one is said, not skipped.
        if (store !== this.keychain) throw error;
        looked.push(`${store.where} (unavailable)`);
      }
    }
    return { found: null, lookedIn: looked.join(', ') };
  }

  /** Where a new key is kept. */
  writable(): KeyStore {
    if (this.env.present) return this.env;
    if (this.choice === 'file') return this.file;
    if (this.choice === 'keychain') return this.keychain;
    if (this.choice !== undefined && this.choice !== '')
      throw new KeyStoreError(`${KEY_STORE_ENV} must be "keychain" or "file", not "${this.choice}"`);
    try {
      this.keychain.read();
      return this.keychain;
    } catch {
      return this.file;
    }
  }

  private readOrder(): KeyStore[] {
    if (this.env.present) return [this.env];
    if (this.choice === 'file') return [this.file];
    if (this.choice === 'keychain') return [this.keychain];
    return [this.keychain, this.file];
  }
}

/**
 * The key that opens the database `file` of `dataDir`, or null when the file is not encrypted. Throws
 * EncryptionKeyError (one line, nothing written) when no key is found or the one found does not open it.
 */
export function unlockDatabase(
  file: string,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): FoundKey | null {
  if (databaseState(file) !== 'encrypted') return null;
  let result;
  try {
    result = new KeyStores(dataDir, env).find();
  } catch (error) {
    if (error instanceof KeyStoreError)
      throw new EncryptionKeyError(`the database is encrypted and its key cannot be read: ${error.message}`);
    throw error;
  }
  if (!result.found) throw EncryptionKeyError.missing(result.lookedIn);
  if (!keyOpens(file, result.found.key)) throw EncryptionKeyError.wrong(result.found.store.where);
  return result.found;
}
