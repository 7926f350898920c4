/** Backups of the database kept in the data folder's `backups/`: the list, and one made now. */
import { ROUTES } from '../routes.ts';
import { emptyBody, endpoint } from './endpoint.ts';

export interface BackupInfo {
  /** The file's name in the backups folder, e.g. `timeaudit-2026-11-21.sqlite`. */
  name: string;
  /** Its full path on this machine. */
  path: string;
  bytes: number;
  /** When it was written (ISO-8601 UTC). */
  created: string;
  /** One of the daily backups the daemon keeps for 7 days, rather than one made by hand. */
  daily: boolean;
}

export interface BackupList {
  /** The backups folder, `<data folder>/backups`. */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
}

export const dataBackupApi = {
  listBackups: endpoint<BackupList>()({ ...ROUTES.listBackups }),
  createBackup: endpoint<BackupInfo>()({ ...ROUTES.createBackup, body: emptyBody }),
};
