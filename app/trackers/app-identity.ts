/**
 * The desktop entries installed on this machine, read from the folders the freedesktop.org specs name (the
 * user's own first, then the system's, Flatpak's and Snap's exports), kept as an AppIdentityIndex
 * (app/core/app-identity.ts). Read in the background at start; read again when one of the folders changes
 * (an app installed or removed) and on a slow timer in case a change went unnoticed.
 */
import { watch, type Dirent, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppIdentityIndex, parseDesktopEntry } from '../core/app-identity.ts';
import type { DesktopEntry, Identity } from '../core/app-identity.ts';
import { createLogger } from '../core/logger.ts';
import { errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';

/** The folders holding desktop entries, in order of precedence. */
export function desktopEntryDirs(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string[] {
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  const dirs = [
    path.join(dataHome, 'applications'),
    path.join(dataHome, 'flatpak', 'exports', 'share', 'applications'),
    ...dataDirs.map((d) => path.join(d, 'applications')),
    '/var/lib/flatpak/exports/share/applications',
    '/var/lib/snapd/desktop/applications',
  ];
  return [...new Set(dirs.map((d) => path.resolve(d)))];
}

export interface DesktopAppsOptions {
  dirs?: string[];
  log?: TrackerLog;
  /** Read everything again this often even without a change seen (default 10 min). */
  reloadMs?: number;
}

export class DesktopApps {
  private readonly dirs: string[];
  private readonly log: TrackerLog;
  private index = new AppIdentityIndex([]);
  private readonly watchers: FSWatcher[] = [];
  private readonly timer: NodeJS.Timeout;
  private reloadSoon: NodeJS.Timeout | null = null;
  private loading: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(options: DesktopAppsOptions = {}) {
    this.dirs = options.dirs ?? desktopEntryDirs();
    this.log = options.log ?? createLogger('tracker:apps');
    this.timer = setInterval(() => void this.reload(), options.reloadMs ?? 10 * 60_000);
    this.timer.unref();
    for (const dir of this.dirs) {
      try {
        const watcher = watch(dir, () => this.changed());
        watcher.on('error', () => {}); // the folder went away: the slow timer still reloads
        watcher.unref();
        this.watchers.push(watcher);
      } catch {
        // Not there (no Flatpak, no Snap): nothing to watch.
      }
    }
    void this.reload();
  }

  /** Resolves once the entries present now have been read. */
  ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** How many desktop entries are known. */
  get size(): number {
    return this.index.size;
  }

  identify(ids: readonly string[]): Identity | null {
    return this.index.identify(ids);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    if (this.reloadSoon) clearTimeout(this.reloadSoon);
    for (const w of this.watchers) w.close();
  }

  /** Several files change at once when a package installs: one reload a little after the last. */
  private changed(): void {
    if (this.closed) return;
    if (this.reloadSoon) clearTimeout(this.reloadSoon);
    this.reloadSoon = setTimeout(() => void this.reload(), 300);
    this.reloadSoon.unref();
  }

  private reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.read()
      .then((entries) => {
        this.index = new AppIdentityIndex(entries);
        this.log.debug('desktop entries read', { entries: this.index.size });
      })
      .catch((err: unknown) => this.log.warn('reading desktop entries failed', { error: errorMessage(err) }))
      .finally(() => {
        this.loading = null;
        if (this.again && !this.closed) {
          this.again = false;
          void this.reload();
        }
      });
    return this.loading;
  }

  private async read(): Promise<DesktopEntry[]> {
    const entries: DesktopEntry[] = [];
    for (const dir of this.dirs) await readDir(dir, '', entries, 0);
    return entries;
  }
}

/** The entries of one folder; a file in a subfolder has the id "sub-name" (kde4/okular.desktop: kde4-okular). */
async function readDir(dir: string, prefix: string, out: DesktopEntry[], depth: number): Promise<void> {
  let names: Dirent[];
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // missing or unreadable: nothing from here
  }
  names.sort((a, b) => a.name.localeCompare(b.name));
  for (const d of names) {
    const full = path.join(dir, d.name);
    if (d.isDirectory() && depth < 2) await readDir(full, `${prefix}${d.name}-`, out, depth + 1);
    else if (d.name.endsWith('.desktop')) {
      const text = await readFile(full, 'utf8').catch(() => null);
      const entry = text === null ? null : parseDesktopEntry(prefix + d.name.slice(0, -8), text);
      if (entry) out.push(entry);
    }
  }
}
