/** The key given in TIMEAUDIT_DB_KEY (its recovery form, or 64 hex digits): read-only, it is the user's to set. */
import { KeyStoreError, parseRecoveryKey, type KeyStore } from './key-store.ts';

export const KEY_ENV = 'TIMEAUDIT_DB_KEY';

export class EnvKeyStore implements KeyStore {
  readonly where = `the environment variable ${KEY_ENV}`;
  private readonly env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.env = env;
  }

  get present(): boolean {
    return (this.env[KEY_ENV] ?? '') !== '';
  }

  read(): Buffer | null {
    const text = this.env[KEY_ENV];
    if (text === undefined || text === '') return null;
    const key = parseRecoveryKey(text);
    if (!key) throw new KeyStoreError(`${KEY_ENV} is not a key: it must be 64 hex digits (dashes allowed)`);
    return key;
  }

  write(): void {
    throw new KeyStoreError(
      `${KEY_ENV} is set: Time Audit does not store keys while it names one; unset it first`,
    );
  }

  remove(): boolean {
    return false;
  }
}
