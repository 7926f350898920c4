/** The key of the data folder's database for a `timeaudit` command or the daemon: null when it is plain. */
import { unlockDatabase } from '../db/keys/choose.ts';
import { databasePath } from '../db/open.ts';

export const databaseKey = (dataDir: string): Buffer | null =>
  unlockDatabase(databasePath(dataDir), dataDir)?.key ?? null;
