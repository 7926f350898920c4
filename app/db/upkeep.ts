/**
 * Keeping the rollups up to date, and the reads that need them. Writes only mark slots pending; the slots are
 * brought up to date a moment later in bounded steps, and a zone's summaries are built in steps too, each step
 * its own short transaction, so that neither ever holds the write lock, or the daemon's one thread, for long.
 *
 * A read (a report, goals, suggestions) takes no lock: it reads one snapshot, and only when that snapshot shows
 * work left for a writer in the stretch it reads (pending slots there) does it become a write that does that
 * work first, so a report never sees an event without its rollup:
 *
 * ```
 * writer (other connection):  [BEGIN IMMEDIATE .............. COMMIT]
 * report, nothing pending:         [snapshot read]                      → answers at once
 * report, slots pending in range:  [snapshot: pending → write .........[refresh those + read]
 * ```
 *
 * A zone whose summaries are not complete is built inline by a read when `zoneBuilds` is 'inline' (the CLI: it
 * has nobody else to serve). With 'background' (the daemon, the desktop app) a read starts or continues the
 * build in steps between requests and answers from the 15-minute slots meanwhile, which is exact in any zone
 * and cheap for ranges up to SLOT_ANSWER_MAX_MS; a longer report answers DomainError('not_ready') with the
 * build's progress until the summaries are complete.
 */
import { DomainError, isDomainError } from '../core/errors.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';
import type { Logger } from '../core/logger.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import type { DB } from './open.ts';
import type { SlotRollup } from './rollups.ts';
import { NeedsWrite, type BuildProgress, type ZoneRollups } from './zones.ts';

/** Which zone id a report reads its day, month and year pieces from; null: answer them from the slots. */
export type ZoneResolver = (zone: Zone, range: Stretch) => number | null;

/** A stretch of time [fromMs, toMs). */
export interface Stretch {
  fromMs: number;
  toMs: number;
}

export type ZoneBuilds = 'inline' | 'background';

const isStorageFull = (error: unknown): boolean => isDomainError(error, 'storage_full');

/** Ends a transaction whose work was only read. */
class RolledBack extends Error {}

/** A read found a zone whose summaries are not complete, and must build them before it reads. */
class ZoneNeeded extends NeedsWrite {
  readonly zone: Zone;
  constructor(zone: Zone) {
    super();
    this.zone = zone;
  }
}

/** The longest report answered from the slots while its zone's summaries are being built. */
export const SLOT_ANSWER_MAX_MS = 93 * 86_400_000;
/** How long a background build that failed (a full disk, a locked database) waits before trying again. */
const BUILD_RETRY_MS = 2_000;
/** Slots one background refresh step brings up to date: a week, some tens of milliseconds of work at most. */
const REFRESH_STEP_SLOTS = 7 * 96;

export interface UpkeepOptions {
  now: () => number;
  log: Logger;
  zoneBuilds: ZoneBuilds;
  refreshDelayMs: number;
  /** The store's one write transaction (BEGIN IMMEDIATE, with its rollback handling). */
  write: <T>(work: () => T) => T;
  /** What the store forgets when a transaction that wrote is rolled back (ids of subjects it created). */
  rolledBack: () => void;
}

export class RollupUpkeep {
  private readonly db: DB;
  private readonly slots: SlotRollup;
  private readonly zones: ZoneRollups;
  private readonly options: UpkeepOptions;
  private refreshTimer: NodeJS.Timeout | null = null;
  /** Zones being built in the background, by name. */
  private readonly building = new Set<string>();
  /** Whether the last write of the rollups found the disk full. */
  private diskFull = false;

  constructor(db: DB, slots: SlotRollup, zones: ZoneRollups, options: UpkeepOptions) {
    this.db = db;
    this.slots = slots;
    this.zones = zones;
    this.options = options;
  }

  /** A read of the rollups over `stretch` (see above); `work` gets the zone resolver it must use. */
  read<T>(stretch: Stretch, work: (resolveZone: ZoneResolver) => T): T {
    const nowMs = this.options.now();
    try {
      return this.db.transaction(() => {
        if (this.slots.hasPending(stretch)) throw new NeedsWrite();
        return work(this.resolver('read', nowMs));
      })();
    } catch (error) {
      if (!(error instanceof NeedsWrite)) throw error;
      // Built in steps, each its own transaction, so that another process's writes go on in between.
      if (error instanceof ZoneNeeded) {
        try {
          this.noteDiskFull(() => this.prepareZone(error.zone.name));
        } catch (failure) {
          if (!isStorageFull(failure)) throw failure; // then answered from the slots, below
        }
      }
    }
    try {
      return this.noteDiskFull(() =>
        this.options.write(() => {
          this.slots.refreshPending(stretch);
          return work(this.resolver('write', nowMs));
        }),
      );
    } catch (error) {
      if (!isStorageFull(error)) throw error;
    }
    // The disk is full: refresh and read in a transaction that is rolled back, so the answer is as fresh as
    // ever while nothing needs to reach the disk (the refresh stays pending for when it can be written).
    let answer: { value: T } | null = null;
    try {
      this.db.transaction(() => {
        this.slots.refreshPending(stretch);
        answer = { value: work(this.resolver('write', nowMs)) };
        throw new RolledBack();
      })();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw isDiskFull(error) ? diskFullError() : error;
    } finally {
      this.options.rolledBack();
    }
    return (answer as { value: T } | null)!.value;
  }

  /** Brings every pending slot up to date now, in one transaction; returns the number of slot ranges refreshed. */
  refreshAll(): number {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    return this.options.write(() => this.slots.refreshPending()).refreshed;
  }

  /** Refreshes the pending slots a moment from now, a bounded step at a time, letting other work in between. */
  scheduleRefresh(delayMs = this.options.refreshDelayMs): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      if (!this.db.open) return;
      try {
        const { remaining } = this.options.write(() =>
          this.slots.refreshPending(undefined, REFRESH_STEP_SLOTS),
        );
        if (remaining > 0) this.scheduleRefresh(0);
      } catch (error) {
        // Pending ranges stay in the database; the next write or report tries again.
        this.options.log.warn('could not refresh the rollups yet', { error: (error as Error).message });
      }
    }, delayMs);
    this.refreshTimer.unref();
  }

  /** Builds a zone's summaries now, step by step (each its own transaction); returns whether it had to. */
  prepareZone(tz: string): boolean {
    const zone = zoneFor(tz);
    if (this.zones.complete(zone, this.options.now()) !== null) return false;
    while (!this.options.write(() => this.zones.buildStep(zone, this.options.now())).done);
    return true;
  }

  /** Starts building a zone's summaries in the background, unless they are complete or being built. */
  prepareZoneInBackground(tz: string): void {
    const zone = zoneFor(tz);
    if (this.building.has(zone.name)) return;
    this.building.add(zone.name);
    const started = Date.now();
    let failing = false;
    const step = (): void => {
      if (!this.db.open) return;
      let progress: BuildProgress;
      try {
        // A complete zone is only touched (its last use recorded, for the eviction of the least used).
        progress = this.noteDiskFull(() =>
          this.options.write(() => {
            const p = this.zones.buildStep(zone, this.options.now());
            if (p.done) this.zones.ensure(zone, this.options.now());
            return p;
          }),
        );
      } catch (error) {
        // Said once, not at every try (a full disk may last).
        if (!failing)
          this.options.log.warn(`could not build the reports of ${zone.name} yet; trying again`, {
            error: (error as Error).message,
          });
        failing = true;
        setTimeout(step, BUILD_RETRY_MS).unref();
        return;
      }
      failing = false;
      if (!progress.done) {
        setImmediate(step); // requests that came in meanwhile go first
        return;
      }
      this.building.delete(zone.name);
      this.options.log.info(`the reports of ${zone.name} are ready (${Date.now() - started} ms)`);
    };
    setImmediate(step);
  }

  /** How far the summaries of a zone are built. */
  zoneProgress(tz: string): BuildProgress {
    return this.zones.progress(zoneFor(tz));
  }

  /**
   * Runs a write and notes whether the disk was full: while it is, zones that are not complete are answered
   * from the slots whatever the range (slower, but there to read), since their summaries cannot be written.
   */
  private noteDiskFull<T>(write: () => T): T {
    try {
      const result = write();
      this.diskFull = false;
      return result;
    } catch (error) {
      if (isStorageFull(error)) this.diskFull = true;
      throw error;
    }
  }

  private resolver(access: 'read' | 'write', nowMs: number): ZoneResolver {
    if (this.diskFull) return (zone) => this.zones.complete(zone, nowMs)?.id ?? null;
    if (this.options.zoneBuilds === 'inline')
      return access === 'read'
        ? (zone) => {
            const kept = this.zones.complete(zone, nowMs);
            if (!kept) throw new ZoneNeeded(zone);
            if (kept.touchDue) throw new NeedsWrite(); // recorded by the write that reads instead
            return kept.id;
          }
        : (zone) => this.zones.ensure(zone, nowMs);
    return (zone, range) => {
      const kept = this.zones.complete(zone, nowMs);
      // Outside the transaction: a build or the record of the zone's use, in steps between requests.
      if (!kept || kept.touchDue) setImmediate(() => this.prepareZoneInBackground(zone.name));
      if (kept) return kept.id;
      if (range.toMs - range.fromMs <= SLOT_ANSWER_MAX_MS) return null;
      const progress = this.zones.progress(zone);
      const percent = progress.done ? 100 : Math.floor(progress.fraction * 100);
      throw new DomainError(
        'not_ready',
        `the reports of ${zone.name} are being prepared (${percent}% done); ask again in a few seconds`,
      );
    };
  }
}
