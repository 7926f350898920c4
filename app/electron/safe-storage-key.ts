/**
 * The desktop app's key store: the database key encrypted by Electron's safeStorage (the OS keychain's key on
 * macOS and Windows, Secret Service or KWallet on Linux) in a file outside the data folder, under the app-data
 * folder: `<appData>/timeaudit/keys/<folder id>.safestorage`, 0600 in a 0700 folder. Without a working
 * safeStorage (Linux with no keyring gives "basic_text", a fixed key) it stores nothing and says so; the key
 * stores of the daemon (app/db/keys/choose.ts) are then used, as `timeaudit` would.
 */
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { KeyStoreError, parseRecoveryKey, formatRecoveryKey, type KeyStore } from '../db/keys/key-store.ts';
import { folderId } from '../db/keys/folder-id.ts';
import { readKeyFile, removeKeyFile, writeKeyFile } from '../db/keys/key-files.ts';

export class SafeStorageKeyStore implements KeyStore {
  readonly where: string;
  readonly file: string;
  private readonly safeStorage: SafeStorage;

  constructor(dataDir: string, appData: string, safeStorage: SafeStorage) {
    this.file = path.join(appData, 'timeaudit', 'keys', `${folderId(dataDir)}.safestorage`);
    this.where = `the desktop app's safeStorage file ${this.file}`;
    this.safeStorage = safeStorage;
  }

  /** Whether safeStorage encrypts with a secret of the OS (not Chromium's fixed fallback key). */
  get usable(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || this.safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  read(): Buffer | null {
    const sealed = readKeyFile(this.file, this.where);
    if (!sealed) return null;
    if (!this.usable)
      throw new KeyStoreError(`${this.where} cannot be opened: the OS keychain is not available`);
    let text: string;
    try {
      text = this.safeStorage.decryptString(sealed);
    } catch (error) {
      throw new KeyStoreError(`${this.where} cannot be decrypted: ${(error as Error).message}`);
    }
    const key = parseRecoveryKey(text);
    if (!key) throw new KeyStoreError(`${this.where} does not hold a key`);
    return key;
  }

  write(key: Buffer): void {
    if (!this.usable)
      throw new KeyStoreError('safeStorage is not available: the OS keychain does not answer');
    writeKeyFile(this.file, this.safeStorage.encryptString(formatRecoveryKey(key)), this.where);
  }

  remove(): boolean {
    return removeKeyFile(this.file);
  }
}
