/**
 * A key file outside the data folder, for a headless server without a keychain: by default
 * `$XDG_CONFIG_HOME/timeaudit/keys/<folder id>.key` (the folder id is a hash of the data folder's path, so two
 * folders have two keys), or TIMEAUDIT_KEY_FILE. The file is 0600 in a 0700 folder and holds the key's
 * recovery form on one line. It is written through a temporary file and a rename: never half a key.
 */
import os from 'node:os';
import path from 'node:path';
import { formatRecoveryKey, KeyStoreError, parseRecoveryKey, type KeyStore } from './key-store.ts';
import { folderId } from './folder-id.ts';
import { readKeyFile, removeKeyFile, writeKeyFile } from './key-files.ts';

export const KEY_FILE_ENV = 'TIMEAUDIT_KEY_FILE';

export function defaultKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env[KEY_FILE_ENV]) return path.resolve(env[KEY_FILE_ENV]);
  const config =
    process.platform === 'win32'
      ? (env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
      : env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'timeaudit', 'keys', `${folderId(dataDir)}.key`);
}

export class FileKeyStore implements KeyStore {
  readonly file: string;
  readonly where: string;

  constructor(file: string) {
    this.file = path.resolve(file);
    this.where = `the key file ${this.file}`;
  }

  read(): Buffer | null {
    const bytes = readKeyFile(this.file, this.where);
    if (!bytes) return null;
    const key = parseRecoveryKey(bytes.toString('utf8').trim());
    if (!key) throw new KeyStoreError(`${this.where} does not hold a key (64 hex digits)`);
    return key;
  }

  write(key: Buffer): void {
    writeKeyFile(this.file, `${formatRecoveryKey(key)}\n`, this.where);
  }

  remove(): boolean {
    return removeKeyFile(this.file);
  }
}
