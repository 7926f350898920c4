/**
 * One data folder, one writer: the daemon, the desktop app, or a `timeaudit` command that writes while neither
 * runs. Two daemons on one folder would each apply only the rules and exclusions made through themselves.
 *
 * The lock is SQLite's own exclusive lock on a small file, `timeaudit.lock`, held by an open connection for as
 * long as the holder lives. The OS drops it when the process ends, however it ends (kill -9, a crash, a power
 * cut), so a lock is never stale and no pid check is needed that a recycled pid could fool; it works alike on
 * Linux and macOS (fcntl locks) and Windows (LockFileEx). Who holds it (pid, command, where its API listens,
 * since when) is in `timeaudit.lock.json` beside it, written by the holder once it has the lock; the file a
 * killed process leaves behind names a pid that is gone, is not believed, and is overwritten by the next holder.
 *
 *   daemon A:  [lock ........................ kill -9)
 *   daemon B:       ✗ busy: "already running (pid A, url, since)"
 *   daemon C:                                          [lock ......   (A's lock went with A)
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'timeaudit.lock';
export const HOLDER_FILE = 'timeaudit.lock.json';

/** What takes the lock: a daemon (`serve`, the desktop app) for its life, or a writing command for its run. */
export type LockCommand =
  | 'serve'
  | 'desktop'
  | 'log'
  | 'demo'
  | 'purge'
  | 'restore'
  | 'import'
  | 'retention'
  | 'sync'
  | 'encrypt'
  | 'goals'
  | 'rules';
const DAEMONS: readonly LockCommand[] = ['serve', 'desktop'];

export interface LockHolder {
  pid: number;
  command: LockCommand;
  /** Where its API listens; null while a daemon starts, and for a command. */
  url: string | null;
  sinceMs: number;
}

/** How long to wait for a holder to say who it is (it writes its file right after taking the lock). */
const UNKNOWN_HOLDER_GRACE_MS = 2_000;
const RETRY_MS = 50;

/** The data folder is taken by another process; `holder` says which, when it could be told. */
export class DataFolderBusyError extends Error {
  readonly holder: LockHolder | null;

  constructor(holder: LockHolder | null) {
    super(busyMessage(holder));
    this.name = 'DataFolderBusyError';
    this.holder = holder;
  }
}

export const isDaemon = (holder: LockHolder | null): boolean =>
  holder !== null && DAEMONS.includes(holder.command);

export class DataFolderLock {
  private readonly db: Database.Database;
  private readonly holderFile: string;
  private holder: LockHolder;

  private constructor(db: Database.Database, holderFile: string, holder: LockHolder) {
    this.db = db;
    this.holderFile = holderFile;
    this.holder = holder;
    this.write();
  }

  /**
   * Takes the data folder's lock. While another process holds it, waits (up to `waitMs`) as long as
   * `keepWaiting(holder)` says so; otherwise throws DataFolderBusyError naming the holder.
   */
  static acquire(
    dataDir: string,
    command: LockCommand,
    options: { waitMs?: number; keepWaiting?: (holder: LockHolder | null) => boolean } = {},
  ): DataFolderLock {
    const started = Date.now();
    const keepWaiting = options.keepWaiting ?? (() => false);
    for (;;) {
      const db = tryLock(path.join(dataDir, LOCK_FILE));
      if (db)
        return new DataFolderLock(db, path.join(dataDir, HOLDER_FILE), {
          pid: process.pid,
          command,
          url: null,
          sinceMs: Date.now(),
        });
      const holder = readHolder(dataDir);
      const waited = Date.now() - started;
      const unknown = holder === null && waited < UNKNOWN_HOLDER_GRACE_MS;
      if (!unknown && !(keepWaiting(holder) && waited < (options.waitMs ?? 0)))
        throw new DataFolderBusyError(holder);
      sleep(RETRY_MS);
    }
  }

  /** Tells the other processes where this holder's API listens. */
  listening(url: string): void {
    this.holder = { ...this.holder, url };
    this.write();
  }

  /** Lets the next process take the folder. */
  release(): void {
    if (!this.db.open) return;
    rmSync(this.holderFile, { force: true });
    this.db.close();
  }

  private write(): void {
    const temp = `${this.holderFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify(this.holder)}\n`, { mode: 0o600 });
      renameSync(temp, this.holderFile);
    } catch (error) {
      // On a full disk the lock still holds; others only cannot be told who holds it.
      rmSync(temp, { force: true });
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
}

/** Who holds the data folder's lock, as it wrote it; null when that is unknown or the process is gone. */
export function readHolder(dataDir: string): LockHolder | null {
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(holder.pid) || typeof holder.command !== 'string') return null;
  return alive(holder.pid) ? holder : null;
}

/** An open connection holding the file's exclusive lock, or null when another process holds it. */
function tryLock(file: string): Database.Database | null {
  closeSync(openSync(file, 'a', 0o600));
  // No busy timeout: a held lock answers SQLITE_BUSY at once.
  const db = new Database(file, { timeout: 0 });
  try {
    // In exclusive locking mode the lock taken by the first write is kept until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "10:02" today, "2026-11-21 10:02" before, on this machine's clock. */
function since(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.toDateString() === new Date().toDateString() ? time : `${date} ${time}`;
}

function busyMessage(holder: LockHolder | null): string {
  const advice = 'stop it first or use another --data-dir';
  if (holder === null) return `Time Audit is already running on this data folder; ${advice}`;
  const when = `since ${since(holder.sinceMs)}`;
  if (isDaemon(holder)) {
    const where = holder.url ?? 'starting';
    const what = holder.command === 'desktop' ? 'The Time Audit desktop app' : 'Time Audit';
    return `${what} is already running on this data folder (pid ${holder.pid}, ${where}, ${when}); ${advice}`;
  }
  return (
    `\`timeaudit ${holder.command}\` is writing to this data folder (pid ${holder.pid}, ${when}); ` +
    'wait for it to finish or use another --data-dir'
  );
}
