/**
 * The desktop app's key store: the database key encrypted by Electron's safeStorage (the OS keychain's key on
 * macOS and Windows, Secret Service or KWallet on Linux) in a file outside the data folder, under the app-data
 * folder: `<appData>/timeaudit/keys/<folder id>.safestorage`, 0600 in a 0700 folder. Without a working
 * safeStorage (Linux with no keyring gives "basic_text", a fixed key) it stores nothing and says so; the key
 * stores of the daemon (app/db/keys/choose.ts) are then used, as `timeaudit` would.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { KeyStoreError, parseRecoveryKey, formatRecoveryKey, type KeyStore } from '../db/keys/key-store.ts';
import { folderId } from '../db/keys/folder-id.ts';

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
    let sealed: Buffer;
    try {
      sealed = readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new KeyStoreError(`cannot read ${this.where}: ${(error as Error).message}`);
    }
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
    const dir = path.dirname(this.file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, this.safeStorage.encryptString(formatRecoveryKey(key)), {
        mode: 0o600,
        flag: 'wx',
      });
      renameSync(temp, this.file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw new KeyStoreError(`cannot write ${this.where}: ${(error as Error).message}`);
    }
  }

  remove(): boolean {
    try {
      rmSync(this.file);
      return true;
    } catch {
      return false;
    }
  }
}
