/**
 * The files a key store keeps a key in (the daemon's key file, the desktop app's safeStorage file): read as
 * they are, written owner-only (0600 in a 0700 folder) through a temporary file and a rename, so that a file
 * never holds half a key.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KeyStoreError } from './key-store.ts';

/** The file's bytes, or null when there is none; `where` names it in the error. */
export function readKeyFile(file: string, where: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KeyStoreError(`cannot read ${where}: ${(error as Error).message}`);
  }
}

export function writeKeyFile(file: string, contents: string | Buffer, where: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, contents, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new KeyStoreError(`cannot write ${where}: ${(error as Error).message}`);
  }
}

/** Whether there was a file to remove. */
export function removeKeyFile(file: string): boolean {
  try {
    rmSync(file);
    return true;
  } catch {
    return false;
  }
}
