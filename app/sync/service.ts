/**
 * Team sync inside the daemon or the desktop app: a run on the settings' interval while enabled, a run now on
 * request (one at a time: asking while one runs joins it), and the state the dashboard and the tray show.
 * A run reads a local day at a time and yields between days, so the API keeps answering while it goes on.
 */
import type { Store } from '../db/store.ts';
import type { Logger } from '../core/logger.ts';
import type { SyncSettings } from '../shared/sync-settings.ts';
import type { SyncSettingsView, SyncStatus } from '../shared/api/sync.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
import { runSync, type SyncProgress } from './run.ts';
import { SyncStateFile, type SyncOutcome } from './state.ts';
import { manifestUrl, syncTarget } from './target.ts';

export interface SyncServiceOptions {
  store: Store;
  dataDir: string;
  tz: string;
  settings: () => SyncSettings;
  log: Logger;
  retry?: RetryPolicy;
}

/** After a failed run the store is tried again sooner than the interval, but not more often than this. */
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

/** When the schedule runs next: the interval after the last run, or sooner after a failure. */
export function nextSyncMs(settings: SyncSettings, last: SyncOutcome | null): number {
  if (!last) return 0;
  const interval = settings.intervalMinutes * 60_000;
  return Date.parse(last.at) + (last.ok ? interval : Math.min(interval, RETRY_AFTER_FAILURE_MS));
}

export function syncSettingsView(s: SyncSettings): SyncSettingsView {
  return {
    enabled: s.enabled,
    endpoint: s.endpoint,
    region: s.region,
    bucket: s.bucket,
    prefix: s.prefix,
    profile: s.profile,
    display_name: s.displayName,
    include_titles: s.includeTitles,
    interval_minutes: s.intervalMinutes,
  };
}

export class SyncService {
  private readonly options: SyncServiceOptions;
  private readonly state: SyncStateFile;
  private running: Promise<SyncOutcome> | null = null;
  private progress: SyncProgress | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly listeners: ((status: SyncStatus) => void)[] = [];

  constructor(options: SyncServiceOptions) {
    this.options = options;
    this.state = new SyncStateFile(options.dataDir);
  }

  status(): SyncStatus {
    const settings = this.options.settings();
    const state = this.state.load();
    const userId = this.options.store.userId();
    return {
      user_id: userId,
      settings: syncSettingsView(settings),
      running: this.progress ? { ...this.progress } : null,
      last: state.last,
      last_success: state.lastSuccess,
      days_synced: Object.keys(state.manifest?.days ?? {}).length,
      manifest: manifestUrl(settings, userId),
    };
  }

  /** Starts a run unless one runs; answers at once. Throws DomainError('invalid') without a bucket. */
  start(): SyncStatus {
    void this.run().catch(() => {}); // its outcome is in the status and the log
    return this.status();
  }

  /** A run, or the one already going on. */
  run(): Promise<SyncOutcome> {
    if (this.running) return this.running;
    const settings = this.options.settings();
    const target = syncTarget(settings);
    this.progress = { total: 0, checked: 0, uploaded: 0, deleted: 0 };
    const log = this.options.log;
    this.running = runSync({
      store: this.options.store,
      objects: target.objects,
      target: target.id,
      prefix: target.prefix,
      tz: this.options.tz,
      titles: settings.includeTitles,
      displayName: settings.displayName,
      state: this.state,
      retry: this.options.retry ?? DEFAULT_RETRY,
      onProgress: (p) => {
        this.progress = p;
        this.changed();
      },
      onRetry: (error, attempt, delayMs) =>
        log.warn(`sync: ${(error as Error).message}; try ${attempt + 1} in ${delayMs} ms`),
    })
      .then((outcome) => {
        log.info(
          `sync: ${outcome.checked} days checked, ${outcome.uploaded} uploaded, ${outcome.deleted} deleted`,
        );
        return outcome;
      })
      .catch((error: unknown) => {
        log.warn((error as Error).message);
        throw error;
      })
      .finally(() => {
        target.objects.close();
        this.running = null;
        this.progress = null;
        this.changed();
      });
    this.changed();
    return this.running;
  }

  /** Runs on the settings' interval while enabled (checked again at each turn). */
  startSchedule(): void {
    const turn = () => {
      if (this.stopped) return;
      const settings = this.options.settings();
      if (settings.enabled && settings.bucket && Date.now() >= nextSyncMs(settings, this.state.load().last))
        void this.run().catch(() => {});
      this.timer = setTimeout(turn, 60_000);
      this.timer.unref();
    };
    // A minute after start: the daemon's own start-up work goes first.
    this.timer = setTimeout(turn, 60_000);
    this.timer.unref();
  }

  /** Stops the schedule; waits for a run going on. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }

  /** Told whenever a run starts, progresses or ends (the tray). */
  onChange(listener: (status: SyncStatus) => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    if (this.listeners.length === 0) return;
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
