import type { BackupInfo, dataBackupApi, HandlersOf } from '../../shared/api/index.ts';
import { notFound } from '../../core/errors.ts';
import type { DailyBackups, ListedBackup } from '../../db/daily-backups.ts';
import type { HandlerDeps } from './deps.ts';

const toInfo = (b: ListedBackup): BackupInfo => ({
  name: b.name,
  path: b.path,
  bytes: b.bytes,
  created: new Date(b.modifiedMs).toISOString(),
  daily: b.daily,
});

export function dataBackupHandlers({ backups }: HandlerDeps): HandlersOf<typeof dataBackupApi> {
  const available = (): DailyBackups => {
    if (!backups) throw notFound('this server keeps no backups: it was started without a data folder');
    return backups;
  };
  return {
    listBackups: () => {
      const service = available();
      return { folder: service.folder, backups: service.list().map(toInfo) };
    },
    createBackup: async () => {
      const service = available();
      const made = await service.backupNow();
      const listed = service.list().find((b) => b.path === made.path);
      if (!listed) throw notFound(`the backup ${made.path} disappeared as soon as it was made`);
      return toInfo(listed);
    },
  };
}
