/**
 * Running retention (retention.ts) on a data folder: the store in steps, yielding between them so that a
 * daemon keeps answering, then the file scrubbed once, then the same cutoffs applied to every copy of the
 * database in the folder (the backups; see purge-copies.ts), so that what retention removes is gone from
 * them too. RetentionJob runs it at start, each new local day (checked hourly, like the daily backups) and
 * when the settings change.
 */
import path from 'node:path';
import { createLogger, type Logger } from '../core/logger.ts';
import { databaseCopies, type CopyPurged } from './purge-copies.ts';
import { databaseState } from './cipher.ts';
import { retentionCutoffs, type RetentionCutoffs, type RetentionPolicy } from './retention.ts';
import { Store, type Scrubbed } from './store.ts';
import { zoneFor } from '../core/zone.ts';

export interface RetentionRun {
  cutoffs: RetentionCutoffs;
  /** Rows deleted (events and entries) and titles blanked in the database. */
  deleted: number;
  blanked: number;
  steps: number;
  scrubbed: Scrubbed | null;
  copies: CopyPurged[];
}

export interface RunOptions {
  nowMs: number;
  tz: string;
  log?: Logger;
  /** Awaited between steps (the daemon lets requests in); none by default. */
  between?: () => Promise<void>;
  /** Told after each step. */
  onStep?: (run: Pick<RetentionRun, 'deleted' | 'blanked' | 'steps'>) => void;
}

/** All of retention's steps on one store; returns the counts. */
async function retainAll(
  store: Store,
  cutoffs: RetentionCutoffs,
  options: Pick<RunOptions, 'between' | 'onStep'>,
): Promise<Pick<RetentionRun, 'deleted' | 'blanked' | 'steps'>> {
  const total = { deleted: 0, blanked: 0, steps: 0 };
  for (;;) {
    const step = store.retentionStep(cutoffs);
    total.deleted += step.deleted;
    total.blanked += step.blanked;
    total.steps++;
    options.onStep?.(total);
    if (step.done) return total;
    await options.between?.();
  }
}

/** Applies the policy to the store and to the copies in its data folder. Throws DomainError (storage_full). */
export async function runRetention(
  store: Store,
  policy: RetentionPolicy,
  options: RunOptions,
): Promise<RetentionRun> {
  const log = options.log ?? createLogger('retention');
  const cutoffs = retentionCutoffs(policy, options.nowMs, options.tz);
  const none: RetentionRun = { cutoffs, deleted: 0, blanked: 0, steps: 0, scrubbed: null, copies: [] };
  if (cutoffs.eventsBeforeMs === null && cutoffs.titlesBeforeMs === null) return none;
  const done = await retainAll(store, cutoffs, options);
  const scrubbed = done.deleted + done.blanked > 0 ? store.scrub() : null;
  const copies = store.file === ':memory:' ? [] : retainCopies(store.file, store.key, cutoffs, log);
  const run = { cutoffs, ...done, scrubbed, copies };
  if (done.deleted + done.blanked > 0 || copies.some((c) => !c.purged))
    log.info('retention applied', {
      eventsBefore: iso(cutoffs.eventsBeforeMs),
      titlesBefore: iso(cutoffs.titlesBeforeMs),
      deleted: done.deleted,
      blanked: done.blanked,
      steps: done.steps,
      copies: copies.map((c) => (c.purged ? c.file : `${c.file} (failed: ${c.error})`)),
    });
  return run;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The same cutoffs on each copy of the database; a copy that cannot be opened is reported, never skipped. */
function retainCopies(
  databaseFile: string,
  key: Buffer | null,
  cutoffs: RetentionCutoffs,
  log: Logger,
): CopyPurged[] {
  const dataDir = path.dirname(databaseFile);
  // An encrypted database's backups are encrypted with its key (purge-copies.ts).
  return databaseCopies(databaseFile, key).map((file): CopyPurged => {
    const name = path.relative(dataDir, file);
    try {
      const copy = Store.open({ file, log, key: databaseState(file) === 'encrypted' ? key : null });
      try {
        let step = copy.retentionStep(cutoffs);
        let changed = step.deleted + step.blanked;
        while (!step.done) {
          step = copy.retentionStep(cutoffs);
          changed += step.deleted + step.blanked;
        }
        const scrubbed = changed > 0 ? copy.scrub() : { vacuumed: false, complete: true };
        return { file: name, purged: true, scrubbed };
      } finally {
        copy.close();
      }
    } catch (error) {
      log.warn(`could not apply retention to the copy ${name}; it may still hold what retention removed`, {
        error: (error as Error).message,
      });
      return { file: name, purged: false, error: (error as Error).message };
    }
  });
}

const HOUR_MS = 60 * 60_000;

/** Whether a change of the settings changes what retention keeps (then it runs at once). */
export const retentionChanged = (next: RetentionPolicy, previous: RetentionPolicy): boolean =>
  next.keepTitlesDays !== previous.keepTitlesDays || next.keepEventsDays !== previous.keepEventsDays;

export interface RetentionJobOptions {
  store: Store;
  /** The policy saved now (read at each run). */
  policy: () => RetentionPolicy;
  tz: string;
  now?: () => number;
  log?: Logger;
  /** Awaited before each run: the daily backup under way, so that the run reaches today's copy too. */
  waitFor?: () => Promise<unknown>;
}

/** Retention at start, on each new local day (checked hourly) and on demand; one run at a time. */
export class RetentionJob {
  private readonly options: RetentionJobOptions;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private lastDay: number | null = null;
  private stopped = false;

  constructor(options: RetentionJobOptions) {
    this.options = options;
    this.log = options.log ?? createLogger('retention');
  }

  start(): void {
    const check = () => {
      const today = zoneFor(this.options.tz).localDay(this.now());
      if (today !== this.lastDay) void this.runNow().catch(() => {});
    };
    check();
    this.timer = setInterval(check, HOUR_MS);
    this.timer.unref();
  }

  /** A run now (after the one under way); failures are logged and rethrown. */
  runNow(): Promise<RetentionRun | null> {
    const next = this.running
      .catch(() => {})
      .then(async () => {
        await this.options.waitFor?.();
        if (this.stopped) return null;
        const nowMs = this.now();
        try {
          const run = await runRetention(this.options.store, this.options.policy(), {
            nowMs,
            tz: this.options.tz,
            log: this.log,
            between: async () => {
              await new Promise((resolve) => setTimeout(resolve, 20));
              // Stopping (the app quits): the steps done are committed, the rest waits for the next start.
              if (this.stopped) throw new Error('stopped');
            },
          });
          this.lastDay = zoneFor(this.options.tz).localDay(nowMs);
          return run;
        } catch (error) {
          if (this.stopped) return null;
          this.log.warn(`retention failed; trying again within the hour: ${String(error)}`);
          throw error;
        }
      });
    this.running = next;
    return next;
  }

  /** No more runs; resolves once a run under way has finished its step. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => {});
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
