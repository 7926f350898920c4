/**
 * Where a database's key is kept. The key is 256 random bits, never typed by the user; each place keeps it
 * for one data folder:
 *
 *   env       TIMEAUDIT_DB_KEY (a server that injects its secrets; never written by Time Audit)
 *   keychain  the OS keychain: Secret Service (GNOME Keyring, KWallet), macOS Keychain, Windows Credential Manager
 *   file      a key file outside the data folder (0600, in a 0700 folder), for a headless machine without one
 *
 * The desktop app keeps it with Electron's safeStorage instead (app/electron/safe-storage-key.ts).
 */
import { randomBytes } from 'node:crypto';
import { KEY_BYTES } from '../cipher.ts';

export interface KeyStore {
  /** How the user is told where the key is: "the keychain (Secret Service)", "the key file /…/x.key". */
  readonly where: string;
  /** The key, or null when this place holds none. Throws KeyStoreError when the place cannot be read. */
  read(): Buffer | null;
  write(key: Buffer): void;
  /** Forgets the key; false when there was none. */
  remove(): boolean;
}

/** A place for keys that cannot be used here (no Secret Service answers, the keychain is locked, a bad file). */
export class KeyStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

/**
 * The database is encrypted and cannot be opened: no key was found, or the one found does not open it. A
 * machine problem (exit code 1), said in one line; the file is not touched.
 */
export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }

  static wrong(where: string): EncryptionKeyError {
    return new EncryptionKeyError(
      `the database is encrypted and the key in ${where} does not open it; restore it with \`timeaudit key import\``,
    );
  }

  static missing(lookedIn: string): EncryptionKeyError {
    return new EncryptionKeyError(
      `the database is encrypted and no key for it was found (looked in ${lookedIn}); ` +
        'restore it with `timeaudit key import`',
    );
  }
}

export const newKey = (): Buffer => randomBytes(KEY_BYTES);

/** The recovery form of a key: 64 hex digits in groups of 4, easy to copy and to read back over the phone. */
export function formatRecoveryKey(key: Buffer): string {
  return (key.toString('hex').match(/.{4}/g) ?? []).join('-');
}

/** Reads a key back from its recovery form (any spacing, dashes or case); null when it is not one. */
export function parseRecoveryKey(text: string): Buffer | null {
  const hex = text.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length !== KEY_BYTES * 2) return null;
  return Buffer.from(hex, 'hex');
}
