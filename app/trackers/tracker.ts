/**
 * The window tracker's shell: the poll timer, the window and idle sources, the sink and the retry queue. What
 * each poll means (merging, gaps, idle trimming, checkpoints, pauses) is the pure state machine in
 * app/core/tracking.ts, whose doc comment draws it; this file only feeds it samples and the time.
 *
 * A window source that is told about changes (`onChange`, X11 PropertyNotify) makes the tracker poll at once,
 * so a switch lands at the moment it happened rather than at the next poll.
 */
import { randomUUID } from 'node:crypto';
import type { IdleEvent, WindowEvent } from '../shared/events.ts';
import { createLogger } from '../core/logger.ts';
import { initialTracking, step } from '../core/tracking.ts';
import type { TrackingInput, TrackingSave, TrackingState } from '../core/tracking.ts';
import type { WindowSample, WindowSource } from './active-window.ts';
import type { IdleSource, IdleState } from './idle.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';
import type { TrackerSink } from './sink.ts';

export interface WindowTrackerOptions {
  windows: WindowSource;
  /** null where the platform has no idle source: every poll then counts as active. */
  idle: IdleSource | null;
  sink: TrackerSink;
  log?: TrackerLog;
  now?: () => number;
  pollIntervalMs?: number;
  idleThresholdMs?: number;
  checkpointMs?: number;
  newId?: () => string;
  /** While this answers true nothing is recorded: the tray's, the API's and the extension's shared pause. */
  isPaused?: () => boolean;
  /** Apps never recorded (settings: excludedApps): their time counts as no window at all. */
  excludeApp?: (app: string) => boolean;
}

/** Closed events kept while the sink refuses them: days of ordinary use; past that the oldest are given up. */
const MAX_UNSAVED = 10_000;

/** Polls asked for by change notifications are at least this far apart. */
const CHANGE_GAP_MS = 100;

export class WindowTracker {
  private readonly windows: WindowSource;
  private readonly idle: IdleSource | null;
  private readonly sink: TrackerSink;
  private readonly log: TrackerLog;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private readonly newId: () => string;
  private readonly isPaused: () => boolean;
  private readonly excludeApp: (app: string) => boolean;
  private readonly windowFailures: FailureLog;
  private readonly idleFailures: FailureLog;
  private readonly sinkFailures: FailureLog;

  private state: TrackingState;
  /** Closed events the sink refused, oldest first, each a save to try again. */
  private readonly unsaved: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** The poll a change notification asked for, while it waits out CHANGE_GAP_MS. */
  private changeTimer: NodeJS.Timeout | null = null;
  private lastChangePollMs = -Infinity;
  private unsubscribe: (() => void) | null = null;
  /** The id the next opened event gets; drawn again only once an event took it. */
  private nextId: string | null = null;
  private stopped = false;

  constructor(options: WindowTrackerOptions) {
    this.windows = options.windows;
    this.idle = options.idle;
    this.sink = options.sink;
    this.log = options.log ?? createLogger('tracker');
    this.now = options.now ?? Date.now;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.newId = options.newId ?? (() => randomUUID());
    this.isPaused = options.isPaused ?? (() => false);
    this.excludeApp = options.excludeApp ?? (() => false);
    this.windowFailures = new FailureLog(this.log, 'window source');
    this.idleFailures = new FailureLog(this.log, 'idle source');
    this.sinkFailures = new FailureLog(this.log, 'saving tracked events');
    this.state = initialTracking({
      idleThresholdMs: options.idleThresholdMs ?? 3 * 60_000,
      checkpointMs: options.checkpointMs ?? 15_000,
      gapMs: Math.max(3 * this.pollIntervalMs, 5_000),
    });
  }

  /** What keeps tracking from working right now (the window source, the idle source or saving), or null. */
  problem(): string | null {
    return this.windowFailures.problem ?? this.idleFailures.problem ?? this.sinkFailures.problem;
  }

  /**
   * A new away threshold (the user changed it in the settings), used from the next poll on. An idle period
   * already open goes on until input returns; a lower threshold can start one at the next poll.
   */
  setIdleThresholdMs(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0)
      throw new RangeError(`the away threshold must be positive, not ${ms}`);
    this.state = { ...this.state, config: { ...this.state.config, idleThresholdMs: ms } };
  }

  /**
   * Ends the open events now; the next poll starts new ones, under new ids. A purge calls this before it
   * deletes: the next checkpoint of an event opened before it would save the event's whole span again.
   */
  cut(): void {
    this.advance({ kind: 'cut' }, this.now());
  }

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.pollIntervalMs);
    this.unsubscribe = this.windows.onChange?.(() => this.changed()) ?? null;
    void this.tick();
  }

  /** Stops polling and saves the open event, ended now (or at its last sighting after a gap). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = null;
    await this.running;
    this.advance({ kind: 'stop' }, this.now());
  }

  /** One poll. Never rejects; returns at once while the previous poll is still waiting for its samples. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.log.debug('previous poll still running, skipping this one');
      return;
    }
    this.running = this.poll()
      .catch((err: unknown) => this.log.error('poll failed', { error: errorMessage(err) }))
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  /**
   * The window source says the focus or the title changed: poll now, but no more than once per
   * CHANGE_GAP_MS, so that a terminal rewriting its title many times a second does not write as often.
   */
  private changed(): void {
    if (this.stopped || this.changeTimer) return;
    const wait = Math.max(0, this.lastChangePollMs + CHANGE_GAP_MS - Date.now());
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.lastChangePollMs = Date.now();
      // A poll still running may have read the window before the change: poll again once it ends.
      void (this.running ?? Promise.resolve()).then(() => this.tick());
    }, wait);
  }

  private async poll(): Promise<void> {
    if (this.isPaused()) {
      this.advance({ kind: 'paused' }, this.now());
      return;
    }
    const t = this.now();
    const [window, idle] = await Promise.all([this.sampleWindow(), this.sampleIdle()]);
    if (this.stopped) return; // stop() ends everything at its own instant
    // Paused while the samples were on their way: they describe a time that is no longer recorded.
    if (this.isPaused()) {
      this.advance({ kind: 'paused' }, this.now());
      return;
    }
    this.nextId ??= this.newId();
    const newId = this.nextId;
    this.advance({ kind: 'poll', window, idle, newId }, t);
    if (this.state.window?.event.eventId === newId || this.state.away?.event.eventId === newId)
      this.nextId = null;
  }

  /** One step of the state machine, its saves handed to the sink. */
  private advance(input: TrackingInput, t: number): void {
    const { state, saves, notes } = step(this.state, input, t);
    this.state = state;
    for (const note of notes) this.log.debug(note, { atMs: t });
    for (const s of saves) this.saveOne(s);
  }

  private saveOne(s: TrackingSave): void {
    if (s.kind === 'window') this.save((e: WindowEvent) => this.sink.saveWindow(e), s.event, s.closed);
    else this.save((e: IdleEvent) => this.sink.saveIdle(e), s.event, s.closed);
  }

  /**
   * Saves the event (a copy of its own: the state machine never changes it again). A closed event the sink
   * refuses (a full disk, say) is kept and saved again, before anything newer, once the sink takes events
   * again; an open event needs no keeping, its next save carries all of it.
   */
  private save<E extends IdleEvent>(save: (e: E) => void, copy: E, closed: boolean): void {
    this.saveUnsaved();
    try {
      save(copy);
      this.sinkFailures.succeeded();
    } catch (err) {
      this.sinkFailures.failed(errorKind(err), errorMessage(err), { eventId: copy.eventId });
      if (closed) this.keepUnsaved(() => save(copy), copy.eventId);
    }
  }

  private keepUnsaved(retry: () => void, eventId: string): void {
    this.unsaved.push(retry);
    if (this.unsaved.length <= MAX_UNSAVED) return;
    this.unsaved.shift();
    this.log.error(`more than ${MAX_UNSAVED} events could not be saved: the oldest is given up`, { eventId });
  }

  private saveUnsaved(): void {
    while (this.unsaved.length > 0) {
      try {
        (this.unsaved[0] as () => void)();
      } catch {
        return; // still refused: kept for the next try
      }
      this.unsaved.shift();
      if (this.unsaved.length === 0) this.log.info('the events kept while saving failed are saved');
    }
  }

  private async sampleWindow(): Promise<WindowSample | null> {
    try {
      const sample = await this.windows.sample();
      this.windowFailures.succeeded();
      return sample && this.excludeApp(sample.app) ? null : sample;
    } catch (err) {
      this.windowFailures.failed(errorKind(err), errorMessage(err));
      return null;
    }
  }

  private async sampleIdle(): Promise<IdleState | null> {
    if (!this.idle) return null;
    try {
      const state = await this.idle.idleState();
      this.idleFailures.succeeded();
      return state;
    } catch (err) {
      this.idleFailures.failed(errorKind(err), errorMessage(err));
      return null;
    }
  }
}
