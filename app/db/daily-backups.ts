/**
 * The backups a running daemon (or the desktop app) keeps in `<data folder>/backups/`: one a day, named for
 * the local date (`timeaudit-2026-11-21.sqlite`), the last 7 days kept. Made at start when today's is missing,
 * then checked every hour rather than timed for midnight, so a laptop that slept through midnight, a clock
 * that moved or a DST day still get theirs within the hour.
 *
 *   day:      15   16   17   18   19   20   21   22
 *   kept:          [16 ........................ 22]   ← 22's made, then 15's deleted
 *
 * Old ones are deleted only once today's exists: while backups fail (a full disk) the last good ones stay.
 * Only files named exactly like a daily backup are ever deleted; those made by hand in the folder stay.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DAY_MS } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { backupDatabase, backupsFolder, prepareBackupsFolder, type BackupFile } from './backup.ts';
import { databasePath } from './open.ts';

export const KEEP_DAYS = 7;
const CHECK_EVERY_MS = 60 * 60_000;
const DAILY = /^timeaudit-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export interface DailyBackupsOptions {
  dataDir: string;
  /** The database to copy; the data folder's own by default. */
  database?: string;
  now?: () => number;
  /** The zone whose dates name the backups; the machine's by default. */
  tz?: string;
  log?: Logger;
  /** The key of an encrypted database, asked before each backup (it changes with `timeaudit encrypt`). */
  key?: () => Buffer | null;
}

export interface ListedBackup extends BackupFile {
  name: string;
  modifiedMs: number;
  daily: boolean;
}

export interface DailyOutcome {
  made: BackupFile | null;
  deleted: string[];
}

export class DailyBackups {
  readonly folder: string;
  private readonly database: string;
  private readonly now: () => number;
  private readonly tz: string;
  private readonly log: Logger;
  private readonly key: () => Buffer | null;
  private timer: NodeJS.Timeout | null = null;
  /** The backup under way: one at a time, and stop() waits for it. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(options: DailyBackupsOptions) {
    this.folder = backupsFolder(options.dataDir);
    this.database = options.database ?? databasePath(options.dataDir);
    this.now = options.now ?? Date.now;
    this.tz = options.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.log = options.log ?? createLogger('backup');
    this.key = options.key ?? (() => null);
  }

  /** Makes today's backup now if it is missing, then checks every hour. */
  start(): void {
    const check = () =>
      void this.tick().catch((error: unknown) =>
        this.log.warn(`the daily backup failed; trying again within the hour: ${String(error)}`),
      );
    check();
    this.timer = setInterval(check, CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** No more checks; resolves once a backup under way has finished. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => {});
  }

  /** Resolves once the backup under way (if any) has finished, however it ended. */
  settled(): Promise<void> {
    return this.running.then(
      () => {},
      () => {},
    );
  }

  /** Makes today's backup if it is missing, then deletes the daily backups older than KEEP_DAYS days. */
  tick(): Promise<DailyOutcome> {
    return this.serially(async () => {
      prepareBackupsFolder(this.folder);
      const today = this.localDay(this.now());
      const file = path.join(this.folder, `timeaudit-${isoDate(today)}.sqlite`);
      let made: BackupFile | null = null;
      if (!existsSync(file)) {
        made = await backupDatabase(this.database, file, this.key());
        this.log.info(`daily backup made: ${file} (${made.bytes} bytes)`);
      }
      const deleted: string[] = [];
      for (const name of readdirSync(this.folder)) {
        const date = DAILY.exec(name)?.[1];
        if (date === undefined || dayOf(date) > today - KEEP_DAYS) continue;
        rmSync(path.join(this.folder, name), { force: true });
        deleted.push(name);
      }
      if (deleted.length > 0) this.log.info(`deleted backups older than ${KEEP_DAYS} days`, { deleted });
      return { made, deleted };
    });
  }

  /** A backup now, beside the daily ones: `timeaudit-2026-11-21-100203.sqlite` (local time), kept until deleted. */
  backupNow(): Promise<BackupFile> {
    return this.serially(async () => {
      prepareBackupsFolder(this.folder);
      const now = this.now();
      const stamp = new Date(now + zoneFor(this.tz).offsetAt(now)).toISOString();
      const base = `timeaudit-${stamp.slice(0, 10)}-${stamp.slice(11, 19).replaceAll(':', '')}`;
      let name = `${base}.sqlite`;
      for (let n = 2; existsSync(path.join(this.folder, name)); n++) name = `${base}-${n}.sqlite`;
      return backupDatabase(this.database, path.join(this.folder, name), this.key());
    });
  }

  /** The backups in the folder, newest first. */
  list(): ListedBackup[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.sqlite'))
      .map((name) => {
        const file = path.join(this.folder, name);
        const stat = statSync(file);
        return { name, path: file, bytes: stat.size, modifiedMs: stat.mtimeMs, daily: DAILY.test(name) };
      })
      .sort((a, b) => b.modifiedMs - a.modifiedMs || b.name.localeCompare(a.name));
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.catch(() => {}).then(work);
    this.running = next;
    return next;
  }

  private localDay(ms: number): number {
    return zoneFor(this.tz).localDay(ms);
  }
}

const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
