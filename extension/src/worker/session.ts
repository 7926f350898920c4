/**
 * The tracker as a pure state machine: one browsing session per focused domain. The worker turns Chrome's
 * events into `TrackerEvent`s and calls `step` with the time; `step` answers the next state and the sessions
 * that closed. No chrome API and no clock in here, so every transition is tested with a fake clock.
 *
 * The facts the state keeps (which tab is focused and on what domain, window focus, idle, pause) decide the
 * one domain that should be tracked; after each event the open session is reconciled with it, and closed with
 * the reason of the event that changed it:
 *
 *   focus:     [alpha tab..........][beta tab.....]  other app  [beta...]   locked
 *   session:   [alpha..............][beta.........]             [beta...]
 *   closed:                 tab_switch         window_blur               locked
 *
 * A session lives in chrome.storage with a checkpoint, the last instant it was known to be going (every event
 * and the minute alarm move it). When the worker wakes and the checkpoint is older than `STALE_MS`, the
 * worker was not running (browser killed, machine asleep): the session is closed at its checkpoint as
 * `suspend`, so at most a minute is counted that might not have happened.
 *
 *   checkpoints:  c    c    c    c              (nothing: worker gone)        wake
 *   session:     [........................]c                                  [new...
 *                                           └ closed here, reason suspend
 */
import { MIN_SESSION_MS, STALE_MS, type ReasonClosed } from '../config.ts';

export type IdleState = 'active' | 'idle' | 'locked';

/** The active tab of a window. `domain` is null for pages that are never tracked (see domain.ts). */
export interface FocusedTab {
  tabId: number;
  windowId: number;
  domain: string | null;
  audible: boolean;
}

export interface OpenSession {
  eventId: string;
  domain: string;
  startMs: number;
  /** The last instant the tracker knew the session was still going. */
  checkpointMs: number;
}

export interface ClosedSession {
  eventId: string;
  domain: string;
  startMs: number;
  endMs: number;
  reason: ReasonClosed;
}

export interface TrackerState {
  session: OpenSession | null;
  /** The active tab of the focused window as last seen; kept while paused, idle or blurred. */
  focus: FocusedTab | null;
  windowFocused: boolean;
  idle: IdleState;
  pausedUntilMs: number | null;
  /** The domain of the latest session: what the popup shows when it is opened in a tab of its own. */
  lastDomain: string | null;
}

export type TrackerEvent =
  /** A tab became the active one of its window (tabs.onActivated). */
  | { type: 'tab_activated'; tab: FocusedTab }
  /** Another browser window got the focus (windows.onFocusChanged with an id). */
  | { type: 'window_focused'; tab: FocusedTab | null }
  /** No browser window has the focus any more (another app, all minimised). */
  | { type: 'window_blurred' }
  /** A tab committed a new URL. */
  | { type: 'navigated'; tabId: number; domain: string | null }
  | { type: 'audible'; tabId: number; audible: boolean }
  | { type: 'tab_closed'; tabId: number }
  | { type: 'window_closed'; windowId: number }
  /** chrome.idle's state; `idleMs` is its detection interval, the time without input before "idle". */
  | { type: 'idle'; state: IdleState; idleMs: number }
  | { type: 'pause'; untilMs: number }
  | { type: 'resume' }
  /** The minute alarm (and any wake-up): checkpoint, and the end of a pause. */
  | { type: 'tick' }
  /** What Chrome says is focused now, asked for after install, start-up and on each tick. */
  | { type: 'sync'; windowFocused: boolean; tab: FocusedTab | null; idle?: IdleState }
  /** The browser started: a session left from before ended when the browser closed. */
  | { type: 'startup' };

export interface StepContext {
  nowMs: number;
  newId: () => string;
}

export interface StepResult {
  state: TrackerState;
  closed: ClosedSession[];
}

export const initialTrackerState: TrackerState = {
  session: null,
  focus: null,
  windowFocused: true,
  idle: 'active',
  pausedUntilMs: null,
  lastDomain: null,
};

/** The domain that should have a session open, or null when nothing is tracked. */
export function wantedDomain(state: TrackerState, nowMs: number): string | null {
  if (state.pausedUntilMs !== null && nowMs < state.pausedUntilMs) return null;
  if (!state.windowFocused || state.focus === null) return null;
  if (state.idle === 'locked') return null;
  // Nobody touches the keyboard while watching a video or in a call: a tab playing sound stays active.
  if (state.idle === 'idle' && !state.focus.audible) return null;
  return state.focus.domain;
}

/** How an event changes the facts, the reason a session closes because of it, and when it ends. */
interface Change {
  state: TrackerState;
  reason: ReasonClosed;
  endMs?: number;
}

function apply(state: TrackerState, event: TrackerEvent, nowMs: number): Change {
  switch (event.type) {
    case 'tab_activated': {
      // A tab activated in a window that is not the focused one (a tab closed in a background window) moves
      // nothing the user looks at.
      if (state.focus !== null && event.tab.windowId !== state.focus.windowId) {
        return { state, reason: 'tab_switch' };
      }
      return { state: { ...state, focus: event.tab }, reason: 'tab_switch' };
    }
    case 'window_focused':
      return { state: { ...state, windowFocused: true, focus: event.tab }, reason: 'tab_switch' };
    case 'window_blurred':
      return { state: { ...state, windowFocused: false }, reason: 'window_blur' };
    case 'navigated': {
      if (state.focus?.tabId !== event.tabId) return { state, reason: 'navigation' };
      return { state: { ...state, focus: { ...state.focus, domain: event.domain } }, reason: 'navigation' };
    }
    case 'audible': {
      // Sound stopping while idle ends the session now: the user was watching until then.
      if (state.focus?.tabId !== event.tabId) return { state, reason: 'idle' };
      return { state: { ...state, focus: { ...state.focus, audible: event.audible } }, reason: 'idle' };
    }
    case 'tab_closed':
      if (state.focus?.tabId !== event.tabId) return { state, reason: 'tab_closed' };
      return { state: { ...state, focus: null }, reason: 'tab_closed' };
    case 'window_closed':
      if (state.focus?.windowId !== event.windowId) return { state, reason: 'browser_close' };
      return { state: { ...state, focus: null }, reason: 'browser_close' };
    case 'idle': {
      const next = { ...state, idle: event.state };
      if (event.state === 'locked') return { state: next, reason: 'locked' };
      // "idle" arrives after `idleMs` without input: the user left when the input stopped, like the app's
      // own tracker counts it.
      return { state: next, reason: 'idle', endMs: nowMs - event.idleMs };
    }
    case 'pause':
      return { state: { ...state, pausedUntilMs: event.untilMs }, reason: 'paused' };
    case 'resume':
      return { state: { ...state, pausedUntilMs: null }, reason: 'paused' };
    case 'tick': {
      const expired = state.pausedUntilMs !== null && nowMs >= state.pausedUntilMs;
      return { state: expired ? { ...state, pausedUntilMs: null } : state, reason: 'tab_switch' };
    }
    case 'sync':
      return {
        state: {
          ...state,
          windowFocused: event.windowFocused,
          focus: event.tab,
          idle: event.idle ?? state.idle,
        },
        reason: event.windowFocused ? 'tab_switch' : 'window_blur',
      };
    case 'startup':
      // Tab and window ids do not survive a restart; the worker syncs the new ones right after.
      return {
        state: { ...state, focus: null, idle: 'active', windowFocused: true },
        reason: 'browser_close',
      };
  }
}

function close(session: OpenSession, reason: ReasonClosed, endMs: number): ClosedSession[] {
  const end = Math.max(session.startMs, endMs);
  if (end - session.startMs < MIN_SESSION_MS) return [];
  return [{ eventId: session.eventId, domain: session.domain, startMs: session.startMs, endMs: end, reason }];
}

/** One transition: the next state and the sessions closed by it (oldest first). */
export function step(state: TrackerState, event: TrackerEvent, ctx: StepContext): StepResult {
  const { nowMs } = ctx;
  const closed: ClosedSession[] = [];
  let session = state.session;

  // A session left from before the browser started ended when it closed; one whose checkpoint is old was not
  // followed because the worker (or the machine) was gone. Either ends at its last checkpoint.
  if (session !== null && (event.type === 'startup' || nowMs - session.checkpointMs > STALE_MS)) {
    closed.push(
      ...close(session, event.type === 'startup' ? 'browser_close' : 'suspend', session.checkpointMs),
    );
    session = null;
  }

  const change = apply({ ...state, session }, event, nowMs);
  const next = change.state;
  const wanted = wantedDomain(next, nowMs);
  if (session !== null && session.domain !== wanted) {
    closed.push(...close(session, change.reason, Math.min(change.endMs ?? nowMs, nowMs)));
    session = null;
  }
  if (session === null && wanted !== null) {
    session = { eventId: ctx.newId(), domain: wanted, startMs: nowMs, checkpointMs: nowMs };
  } else if (session !== null) {
    session = { ...session, checkpointMs: Math.max(session.checkpointMs, nowMs) };
  }
  return {
    state: { ...next, session, lastDomain: session?.domain ?? next.lastDomain },
    closed,
  };
}

/** Saves the time so far without closing: what runtime.onSuspend does before the worker is stopped. */
export function checkpoint(state: TrackerState, nowMs: number): TrackerState {
  if (state.session === null || nowMs - state.session.checkpointMs > STALE_MS) return state;
  return {
    ...state,
    session: { ...state.session, checkpointMs: Math.max(state.session.checkpointMs, nowMs) },
  };
}
