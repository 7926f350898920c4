/**
 * Which key the desktop app uses: its safeStorage file first, then the daemon's stores (TIMEAUDIT_DB_KEY, the
 * keychain, the key file), so that a folder encrypted with `timeaudit encrypt` opens in the app too. A new key
 * goes to safeStorage when it works, else where `timeaudit` would put it.
 */
import { safeStorage } from 'electron';
import { keyOpens, databaseState } from '../db/cipher.ts';
import { KeyStores, type FoundKey } from '../db/keys/choose.ts';
import { EncryptionKeyError, KeyStoreError, type KeyStore } from '../db/keys/key-store.ts';
import { SafeStorageKeyStore } from './safe-storage-key.ts';

export class DesktopKeys {
  private readonly safe: SafeStorageKeyStore;
  private readonly stores: KeyStores;

  constructor(dataDir: string, appData: string) {
    this.safe = new SafeStorageKeyStore(dataDir, appData, safeStorage);
    this.stores = new KeyStores(dataDir);
  }

  find(): FoundKey | null {
    try {
      const key = this.safe.read();
      if (key) return { key, store: this.safe };
    } catch (error) {
      if (!(error instanceof KeyStoreError)) throw error;
    }
    return this.stores.find().found;
  }

  writable(): KeyStore {
    return this.safe.usable ? this.safe : this.stores.writable();
  }

  /** The key that opens `file`, null when it is plain; EncryptionKeyError (one line) when none does. */
  unlock(file: string): FoundKey | null {
    if (databaseState(file) !== 'encrypted') return null;
    const found = this.find();
    if (!found) throw EncryptionKeyError.missing(`${this.safe.where}, ${this.stores.find().lookedIn}`);
    if (!keyOpens(file, found.key)) throw EncryptionKeyError.wrong(found.store.where);
    return found;
  }
}
