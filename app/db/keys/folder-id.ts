/** A short name for a data folder, the same for the same folder however it was spelled: its real path hashed. */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';

export function folderId(dataDir: string): string {
  let real = path.resolve(dataDir);
  try {
    real = realpathSync(real);
  } catch {
    // Not created yet: its resolved path names it.
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 16);
}
