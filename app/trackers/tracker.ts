/**
 * The window poller: one window sample and one idle sample per poll, turned into window and idle events.
 *
 * Heartbeat merging: identical samples extend one event, a change closes it at the poll that saw the change,
 * and a gap between polls (machine asleep, process stalled) closes it at its last sighting instead of bridging.
 *
 *   polls:    A   A   A   B   B   ·   ·   ·   B   B      (· = no poll)
 *   events:  [A..........][B.....]           [B.....
 *
 * Idle trimming: once idle reaches the threshold (or the screen locks) the window event is cut back to the
 * moment input stopped and an idle event starts there; it ends at the moment input returned.
 *
 *   input:    ████████████                        ████████
 *   window:  [code.......)                       [code....
 *   idle:                [away...................)
 *                        ↑ now − idleMs          ↑ now − idleMs, once input is back
 *
 * Open events are re-saved under the same eventId every checkpointMs, so a crash loses at most that much.
 *
 * Pausing: the first poll that finds the tracker paused closes whatever is open at that instant (call tick()
 * when the pause starts to make it exact); nothing is sampled or started while paused, and after the pause
 * nothing is dated back into it.
 *
 *   pause:            [paused.........)
 *   window:  [code....)               [code....
 *   idle:         (input stopped here, but the idle period starts no earlier than the resume)
 */
import { randomUUID } from 'node:crypto';
import type { IdleEvent, WindowEvent } from '../shared/events.ts';
import { createLogger } from '../core/logger.ts';
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

/** An event still being extended, and when it was last handed to the sink. */
interface Open<E extends IdleEvent> {
  event: E;
  savedAtMs: number;
  saved: boolean;
}

export class WindowTracker {
  private readonly windows: WindowSource;
  private readonly idle: IdleSource | null;
  private readonly sink: TrackerSink;
  private readonly log: TrackerLog;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private idleThresholdMs: number;
  private readonly checkpointMs: number;
  private readonly gapMs: number;
  private readonly newId: () => string;
  private readonly isPaused: () => boolean;
  private readonly excludeApp: (app: string) => boolean;
  private readonly windowFailures: FailureLog;
  private readonly idleFailures: FailureLog;
  private readonly sinkFailures: FailureLog;

  private window: Open<WindowEvent> | null = null;
  private away: Open<IdleEvent> | null = null;
  /** Closed events the sink refused, oldest first, each a save to try again. */
  private readonly unsaved: Array<() => void> = [];
  private lastPollMs: number | null = null;
  /** No new event may start before this: the end of the last closed event, or the first poll after a gap. */
  private floorMs = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wasPaused = false;

  constructor(options: WindowTrackerOptions) {
    this.windows = options.windows;
    this.idle = options.idle;
    this.sink = options.sink;
    this.log = options.log ?? createLogger('tracker');
    this.now = options.now ?? Date.now;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.idleThresholdMs = options.idleThresholdMs ?? 3 * 60_000;
    this.checkpointMs = options.checkpointMs ?? 15_000;
    this.gapMs = Math.max(3 * this.pollIntervalMs, 5_000);
    this.newId = options.newId ?? (() => randomUUID());
    this.isPaused = options.isPaused ?? (() => false);
    this.excludeApp = options.excludeApp ?? (() => false);
    this.windowFailures = new FailureLog(this.log, 'window source');
    this.idleFailures = new FailureLog(this.log, 'idle source');
    this.sinkFailures = new FailureLog(this.log, 'saving tracked events');
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
    this.idleThresholdMs = ms;
  }

  /**
   * Ends the open events now; the next poll starts new ones, under new ids. A purge calls this before it
   * deletes: the next checkpoint of an event opened before it would save the event's whole span again.
   */
  cut(): void {
    const t = this.now();
    this.closeWindow(t);
    this.closeAway(t);
    this.floorMs = Math.max(this.floorMs, t);
  }

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.pollIntervalMs);
    void this.tick();
  }

  /** Stops polling and saves the open event, ended now (or at its last sighting after a gap). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    const t = this.now();
    const gap = this.isGap(t);
    this.closeWindow(gap ? (this.window?.event.endMs ?? t) : t);
    this.closeAway(gap ? (this.away?.event.endMs ?? t) : t);
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

  private async poll(): Promise<void> {
    if (this.isPaused()) {
      this.pausedPoll(this.now());
      return;
    }
    const t = this.now();
    const [win, idle] = await Promise.all([this.sampleWindow(), this.sampleIdle()]);
    if (this.stopped) return; // stop() ends everything at its own instant
    // Paused while the samples were on their way: they describe a time that is no longer recorded.
    if (this.isPaused()) {
      this.pausedPoll(this.now());
      return;
    }

    if (this.wasPaused) {
      // Tracking restarts now: an idle counter or window from before the pause does not date back into it.
      this.wasPaused = false;
      this.floorMs = Math.max(this.floorMs, t);
      this.log.debug('resumed', { atMs: t });
    }

    if (this.isGap(t)) {
      this.log.debug('gap between polls, not bridging it', { lastPollMs: this.lastPollMs, nowMs: t });
      this.closeWindow(this.window?.event.endMs ?? t);
      this.closeAway(this.away?.event.endMs ?? t);
      this.floorMs = t;
    } else if (this.lastPollMs === null) {
      // Nothing is known from before the first poll: an idle counter at 5 min does not date an event back.
      this.floorMs = t;
    }
    this.lastPollMs = t;

    if (idle && (idle.idleMs >= this.idleThresholdMs || idle.locked)) {
      this.stillAway(t, idle);
      return;
    }
    const resumeMs = this.away ? this.comeBack(t, idle) : t;
    this.trackWindow(win, t, resumeMs);
  }

  /** Ends what is open at the moment the pause was seen (at its last sighting after a gap). */
  private pausedPoll(t: number): void {
    if (!this.wasPaused) this.log.debug('paused', { atMs: t });
    const gap = this.isGap(t);
    this.closeWindow(gap ? (this.window?.event.endMs ?? t) : t);
    this.closeAway(gap ? (this.away?.event.endMs ?? t) : t);
    this.wasPaused = true;
    this.lastPollMs = t;
  }

  /** A clock that jumped back counts as a gap too: nothing measured across it can be trusted. */
  private isGap(t: number): boolean {
    if (this.lastPollMs === null) return false;
    const dt = t - this.lastPollMs;
    return dt > this.gapMs || dt < 0;
  }

  private stillAway(t: number, idle: IdleState): void {
    if (this.away) {
      this.away.event.endMs = t;
      this.checkpoint(this.away, t, (e) => this.sink.saveIdle(e));
      return;
    }
    // Input stopped idleMs ago. A lock with recent input (someone pressed Super+L) is away from now on.
    const inputStopped = idle.idleMs >= this.idleThresholdMs ? t - idle.idleMs : t;
    const start = Math.min(t, Math.max(inputStopped, this.floorMs, this.window?.event.startMs ?? -Infinity));
    this.closeWindow(start);
    this.away = this.open({ eventId: this.newId(), startMs: start, endMs: t });
    this.log.debug('away', { sinceMs: start, locked: idle.locked });
  }

  /** Ends the idle period and returns the instant window tracking resumes from. */
  private comeBack(t: number, idle: IdleState | null): number {
    const away = this.away;
    if (!away) return t;
    if (!idle) {
      // The idle source failed while away: end at the last poll that saw the user away rather than guess.
      this.closeAway(away.event.endMs);
      return t;
    }
    // Input returned idleMs ago, but not before the last poll that still saw the user away or locked: typing a
    // password into the lock screen is not activity.
    const back = Math.min(t, Math.max(t - idle.idleMs, away.event.endMs));
    this.closeAway(back);
    this.log.debug('back', { atMs: back });
    return back;
  }

  private trackWindow(win: WindowSample | null, t: number, resumeMs: number): void {
    const current = this.window;
    if (current && win && current.event.app === win.app && current.event.title === win.title) {
      current.event.endMs = t;
      this.checkpoint(current, t, (e) => this.sink.saveWindow(e));
      return;
    }
    this.closeWindow(t);
    if (!win) return;
    const start = Math.min(t, Math.max(resumeMs, this.floorMs));
    this.window = this.open({
      eventId: this.newId(),
      app: win.app,
      title: win.title,
      startMs: start,
      endMs: t,
    });
  }

  private open<E extends IdleEvent>(event: E): Open<E> {
    return { event, savedAtMs: event.startMs, saved: false };
  }

  private checkpoint<E extends IdleEvent>(open: Open<E>, t: number, save: (e: E) => void): void {
    if (t - open.savedAtMs < this.checkpointMs) return;
    open.savedAtMs = t;
    open.saved = true;
    this.save(save, open.event);
  }

  private closeWindow(endMs: number): void {
    const open = this.window;
    this.window = null;
    if (open) this.close(open, endMs, (e) => this.sink.saveWindow(e));
  }

  private closeAway(endMs: number): void {
    const open = this.away;
    this.away = null;
    if (open) this.close(open, endMs, (e) => this.sink.saveIdle(e));
  }

  private close<E extends IdleEvent>(open: Open<E>, endMs: number, save: (e: E) => void): void {
    open.event.endMs = Math.max(open.event.startMs, endMs);
    this.floorMs = Math.max(this.floorMs, open.event.endMs);
    // An empty event nobody has seen is noise; one that was checkpointed must be replaced by its final form.
    if (open.event.endMs > open.event.startMs || open.saved) this.save(save, open.event, true);
  }

  /**
   * Saves a copy of the event (the open event keeps changing after this). A closed event the sink refuses (a
   * full disk, say) is kept and saved again, before anything newer, once the sink takes events again; an open
   * event needs no keeping, its next save carries all of it.
   */
  private save<E extends IdleEvent>(save: (e: E) => void, event: E, closed = false): void {
    const copy = { ...event };
    this.saveUnsaved();
    try {
      save(copy);
      this.sinkFailures.succeeded();
    } catch (err) {
      this.sinkFailures.failed(errorKind(err), errorMessage(err), { eventId: event.eventId });
      if (closed) this.keepUnsaved(() => save(copy), event.eventId);
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
