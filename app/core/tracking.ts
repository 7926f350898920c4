/**
 * The window tracker as a pure state machine. The shell (app/trackers/tracker.ts) owns the timers, the window
 * and idle sources and the sink; it calls `step` with what it saw and the time, and hands the returned saves to
 * the sink. No clock, no I/O and no randomness in here (new event ids come in with the input).
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
 * Checkpoints: an open event is re-saved under the same eventId every checkpointMs, so a crash loses at most
 * that much.
 *
 *   polls:    ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ✗ (crash)
 *   saves:   [.........]c[.........]c
 *   kept:    [.....................]   lost: < checkpointMs
 *
 * Pausing: the first poll that finds the tracker paused closes whatever is open at that instant; nothing is
 * sampled or started while paused, and after the pause nothing is dated back into it.
 *
 *   pause:            [paused.........)
 *   window:  [code....)               [code....
 *   idle:         (input stopped here, but the idle period starts no earlier than the resume)
 */
import type { IdleEvent, WindowEvent } from '../shared/events.ts';

/** What a window source saw in front. */
export interface WindowSample {
  /** The app's display name ("IntelliJ IDEA") where its identity is known, else its raw id. */
  app: string;
  title: string;
  /** The raw id the desktop gave (X11 WM_CLASS, Wayland app_id), when it differs from `app`. */
  appId?: string;
}

/**
 * How long the user has been away from the keyboard and mouse: `idleMs` is the time since the last input,
 * `locked` is true while a lock screen or screen saver is up. Lock screens never count as activity.
 */
export interface IdleState {
  idleMs: number;
  locked: boolean;
}

export interface TrackingConfig {
  idleThresholdMs: number;
  checkpointMs: number;
  /** Polls further apart than this (or a clock that went back) are not bridged. */
  gapMs: number;
}

/** An event still being extended, and when it was last saved. */
export interface OpenEvent<E extends IdleEvent> {
  event: E;
  savedAtMs: number;
  saved: boolean;
}

export interface TrackingState {
  config: TrackingConfig;
  window: OpenEvent<WindowEvent> | null;
  away: OpenEvent<IdleEvent> | null;
  lastPollMs: number | null;
  /** No new event may start before this: the end of the last closed event, or the first poll after a gap. */
  floorMs: number;
  wasPaused: boolean;
}

/**
 * What happened at `now`: a poll with its samples (null: the source could not tell; `newId` names the event
 * it may open), a poll that found tracking paused, a cut (end what is open, as before a purge), or the stop.
 */
export type TrackingInput =
  | { kind: 'poll'; window: WindowSample | null; idle: IdleState | null; newId: string }
  | { kind: 'paused' }
  | { kind: 'cut' }
  | { kind: 'stop' };

/** A version of an event to save: it replaces any earlier save of the same eventId. */
export type TrackingSave =
  | { kind: 'window'; event: WindowEvent; closed: boolean }
  | { kind: 'idle'; event: IdleEvent; closed: boolean };

export interface StepResult {
  state: TrackingState;
  saves: TrackingSave[];
  /** Debug notes for the log: what the step decided and why. */
  notes: string[];
}

export function initialTracking(config: TrackingConfig): TrackingState {
  return { config, window: null, away: null, lastPollMs: null, floorMs: -Infinity, wasPaused: false };
}

/** The next state after `input` at `now`, and the saves it asks for. */
export function step(state: TrackingState, input: TrackingInput, now: number): StepResult {
  const m = new Machine(state);
  m.apply(input, now);
  return { state: m.state(), saves: m.saves, notes: m.notes };
}

/** The step's working copy: mutable inside one step, never shared with the caller. */
class Machine {
  readonly saves: TrackingSave[] = [];
  readonly notes: string[] = [];
  private readonly config: TrackingConfig;
  private window: OpenEvent<WindowEvent> | null;
  private away: OpenEvent<IdleEvent> | null;
  private lastPollMs: number | null;
  private floorMs: number;
  private wasPaused: boolean;

  constructor(s: TrackingState) {
    this.config = s.config;
    this.window = s.window && { ...s.window, event: { ...s.window.event } };
    this.away = s.away && { ...s.away, event: { ...s.away.event } };
    this.lastPollMs = s.lastPollMs;
    this.floorMs = s.floorMs;
    this.wasPaused = s.wasPaused;
  }

  state(): TrackingState {
    const { config, window, away, lastPollMs, floorMs, wasPaused } = this;
    return { config, window, away, lastPollMs, floorMs, wasPaused };
  }

  apply(input: TrackingInput, t: number): void {
    switch (input.kind) {
      case 'poll':
        return this.poll(input.window, input.idle, input.newId, t);
      case 'paused':
        return this.paused(t);
      case 'cut':
        this.closeWindow(t);
        this.closeAway(t);
        this.floorMs = Math.max(this.floorMs, t);
        return;
      case 'stop':
        return this.closeAll(t);
    }
  }

  /** Ends what is open at `t`, or at its last sighting after a gap. */
  private closeAll(t: number): void {
    const gap = this.isGap(t);
    this.closeWindow(gap ? (this.window?.event.endMs ?? t) : t);
    this.closeAway(gap ? (this.away?.event.endMs ?? t) : t);
  }

  private paused(t: number): void {
    if (!this.wasPaused) this.notes.push('paused');
    this.closeAll(t);
    this.wasPaused = true;
    this.lastPollMs = t;
  }

  private poll(win: WindowSample | null, idle: IdleState | null, newId: string, t: number): void {
    if (this.wasPaused) {
      // Tracking restarts now: an idle counter or window from before the pause does not date back into it.
      this.wasPaused = false;
      this.floorMs = Math.max(this.floorMs, t);
      this.notes.push('resumed');
    }
    if (this.isGap(t)) {
      this.notes.push('gap between polls, not bridging it');
      this.closeWindow(this.window?.event.endMs ?? t);
      this.closeAway(this.away?.event.endMs ?? t);
      this.floorMs = t;
    } else if (this.lastPollMs === null) {
      // Nothing is known from before the first poll: an idle counter at 5 min does not date an event back.
      this.floorMs = t;
    }
    this.lastPollMs = t;

    if (idle && (idle.idleMs >= this.config.idleThresholdMs || idle.locked)) {
      this.stillAway(t, idle, newId);
      return;
    }
    const resumeMs = this.away ? this.comeBack(t, idle) : t;
    this.trackWindow(win, t, resumeMs, newId);
  }

  /** A clock that jumped back counts as a gap too: nothing measured across it can be trusted. */
  private isGap(t: number): boolean {
    if (this.lastPollMs === null) return false;
    const dt = t - this.lastPollMs;
    return dt > this.config.gapMs || dt < 0;
  }

  private stillAway(t: number, idle: IdleState, newId: string): void {
    if (this.away) {
      this.away.event.endMs = t;
      this.checkpoint('idle', this.away, t);
      return;
    }
    // Input stopped idleMs ago. A lock with recent input (someone pressed Super+L) is away from now on.
    const inputStopped = idle.idleMs >= this.config.idleThresholdMs ? t - idle.idleMs : t;
    const start = Math.min(t, Math.max(inputStopped, this.floorMs, this.window?.event.startMs ?? -Infinity));
    this.closeWindow(start);
    this.away = open({ eventId: newId, startMs: start, endMs: t });
    // Dated back by more than a checkpoint interval already: saved at once, or a crash would lose it all.
    this.checkpoint('idle', this.away, t);
    this.notes.push(idle.locked ? 'away (locked)' : 'away');
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
    this.notes.push('back');
    return back;
  }

  private trackWindow(win: WindowSample | null, t: number, resumeMs: number, newId: string): void {
    const current = this.window;
    if (current && win && sameWindow(current.event, win)) {
      current.event.endMs = t;
      this.checkpoint('window', current, t);
      return;
    }
    this.closeWindow(t);
    if (!win) return;
    const start = Math.min(t, Math.max(resumeMs, this.floorMs));
    const event: WindowEvent = { eventId: newId, app: win.app, title: win.title, startMs: start, endMs: t };
    if (win.appId !== undefined) event.appId = win.appId;
    this.window = open(event);
    this.checkpoint('window', this.window, t);
  }

  private checkpoint(kind: 'window' | 'idle', o: OpenEvent<IdleEvent>, t: number): void {
    if (t - o.savedAtMs < this.config.checkpointMs) return;
    o.savedAtMs = t;
    o.saved = true;
    this.save(kind, o.event, false);
  }

  private closeWindow(endMs: number): void {
    const o = this.window;
    this.window = null;
    if (o) this.close('window', o, endMs);
  }

  private closeAway(endMs: number): void {
    const o = this.away;
    this.away = null;
    if (o) this.close('idle', o, endMs);
  }

  private close(kind: 'window' | 'idle', o: OpenEvent<IdleEvent>, endMs: number): void {
    o.event.endMs = Math.max(o.event.startMs, endMs);
    this.floorMs = Math.max(this.floorMs, o.event.endMs);
    // An empty event nobody has seen is noise; one that was checkpointed must be replaced by its final form.
    if (o.event.endMs > o.event.startMs || o.saved) this.save(kind, o.event, true);
  }

  private save(kind: 'window' | 'idle', event: IdleEvent, closed: boolean): void {
    // A copy: the open event keeps changing in later steps' copies, a save never does.
    if (kind === 'window') this.saves.push({ kind, event: { ...(event as WindowEvent) }, closed });
    else this.saves.push({ kind, event: { ...event }, closed });
  }
}

function sameWindow(e: WindowEvent, w: WindowSample): boolean {
  return e.app === w.app && e.title === w.title && e.appId === w.appId;
}

function open<E extends IdleEvent>(event: E): OpenEvent<E> {
  return { event, savedAtMs: event.startMs, saved: false };
}
