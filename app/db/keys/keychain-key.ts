/**
 * The OS keychain through @napi-rs/keyring: Secret Service on Linux (GNOME Keyring, KWallet), the Keychain on
 * macOS, Credential Manager on Windows. One entry per data folder: service "Time Audit", account
 * "database key <folder id> (<folder>)". On Linux the entry is pinned to Secret Service: the library's fallback,
 * the kernel keyring, forgets everything at reboot, which for a database key means losing the data.
 */
import { createRequire } from 'node:module';
import type * as Keyring from '@napi-rs/keyring';
import type { Entry } from '@napi-rs/keyring';
import { formatRecoveryKey, KeyStoreError, parseRecoveryKey, type KeyStore } from './key-store.ts';
import { folderId } from './folder-id.ts';

export const KEYCHAIN_SERVICE = 'Time Audit';

const KEYCHAIN_NAME =
  process.platform === 'darwin'
    ? 'the macOS Keychain'
    : process.platform === 'win32'
      ? 'the Windows Credential Manager'
      : 'the keychain (Secret Service)';

export class KeychainKeyStore implements KeyStore {
  readonly where = KEYCHAIN_NAME;
  readonly account: string;

  constructor(dataDir: string) {
    this.account = `database key ${folderId(dataDir)} (${dataDir})`;
  }

  /** Made for each use: without a Secret Service even making one throws, and that is said as "unavailable". */
  private get entry(): Entry {
    const { Entry: KeychainEntry } = loadKeyring();
    return new KeychainEntry(
      KEYCHAIN_SERVICE,
      this.account,
      process.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined,
    );
  }

  read(): Buffer | null {
    let text: string | null;
    try {
      text = this.entry.getPassword();
    } catch (error) {
      throw unavailable(error);
    }
    if (text === null) return null;
    const key = parseRecoveryKey(text);
    if (!key) throw new KeyStoreError(`the entry "${this.account}" in ${this.where} does not hold a key`);
    return key;
  }

  write(key: Buffer): void {
    try {
      this.entry.setPassword(formatRecoveryKey(key));
    } catch (error) {
      throw unavailable(error);
    }
  }

  remove(): boolean {
    try {
      return this.entry.deletePassword();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function unavailable(error: unknown): KeyStoreError {
  const detail = (error as Error).message.split('\n')[0];
  return new KeyStoreError(`${KEYCHAIN_NAME} cannot be used (absent or locked): ${detail}`);
}

/**
 * The native keychain module, loaded when a key is first looked up there (a daemon on a plain database never
 * needs it). Synchronous, like the rest of the key stores; the package is CommonJS.
 */
function loadKeyring(): typeof Keyring {
  return createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;
}
