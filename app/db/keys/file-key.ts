/**
 * A key file outside the data folder, for a headless server without a keychain: by default
 * `$XDG_CONFIG_HOME/timeaudit/keys/<folder id>.key` (the folder id is a hash of the data folder's path, so two
 * folders have two keys), or TIMEAUDIT_KEY_FILE. The file is 0600 in a 0700 folder and holds the key's
 * recovery form on one line. It is written through a temporary file and a rename: never half a key.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRecoveryKey, KeyStoreError, parseRecoveryKey, type KeyStore } from './key-store.ts';
import { folderId } from './folder-id.ts';

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
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new KeyStoreError(`cannot read ${this.where}: ${(error as Error).message}`);
    }
    const key = parseRecoveryKey(text.trim());
    if (!key) throw new KeyStoreError(`${this.where} does not hold a key (64 hex digits)`);
    return key;
  }

  write(key: Buffer): void {
    const dir = path.dirname(this.file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, `${formatRecoveryKey(key)}\n`, { mode: 0o600, flag: 'wx' });
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
