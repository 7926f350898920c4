import { describe, expect, it } from 'vitest';
import { IDLE_SECONDS, MIN_SESSION_MS, REASONS_CLOSED, STALE_MS } from '../config.ts';
import {
  checkpoint,
  initialTrackerState,
  step,
  type ClosedSession,
  type FocusedTab,
  type TrackerEvent,
  type TrackerState,
} from './session.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const IDLE_MS = IDLE_SECONDS * 1000;
const s = (seconds: number) => seconds * 1000;

const tab = (tabId: number, domain: string | null, extra: Partial<FocusedTab> = {}): FocusedTab => ({
  tabId,
  windowId: 1,
  domain,
  audible: false,
  ...extra,
});

/** The machine with a fake clock: `at(seconds)` sets the time since T0, `send` steps and collects closes. */
function tracker(state: TrackerState = initialTrackerState) {
  let now = T0;
  let ids = 0;
  const closed: ClosedSession[] = [];
  const self = {
    state,
    closed,
    at(seconds: number) {
      now = T0 + s(seconds);
      return self;
    },
    send(event: TrackerEvent): ClosedSession[] {
      const result = step(self.state, event, { nowMs: now, newId: () => `e${++ids}` });
      self.state = result.state;
      closed.push(...result.closed);
      return result.closed;
    },
    /** The minute alarm from now up to `seconds`, as the worker's alarm would. */
    ticksUntil(seconds: number) {
      for (let at = (now - T0) / 1000 + 60; at < seconds; at += 60) self.at(at).send({ type: 'tick' });
      return self;
    },
    /** Focused on `domain` in tab `tabId` at `seconds`. */
    open(seconds: number, tabId: number, domain: string | null) {
      self.at(seconds).send({ type: 'tab_activated', tab: tab(tabId, domain) });
      return self;
    },
  };
  return self;
}

const closedAs = (c: ClosedSession) => ({
  domain: c.domain,
  from: (c.startMs - T0) / 1000,
  to: (c.endMs - T0) / 1000,
  reason: c.reason,
});

describe('session state machine', () => {
  it('opens a session when a tracked tab gets the focus', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    expect(t.state.session).toEqual({ eventId: 'e1', domain: 'alpha.test', startMs: T0, checkpointMs: T0 });
    expect(t.state.lastDomain).toBe('alpha.test');
  });

  it('tab_switch: another tab on another domain closes the session and opens the next', () => {
    const t = tracker().open(0, 1, 'alpha.test').open(30, 2, 'beta.test');
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 30, reason: 'tab_switch' }]);
    expect(t.state.session).toMatchObject({ domain: 'beta.test', startMs: T0 + s(30), eventId: 'e2' });
  });

  it('tab_switch to a tab of the same domain keeps the session going', () => {
    const t = tracker().open(0, 1, 'alpha.test').open(30, 2, 'alpha.test');
    expect(t.closed).toEqual([]);
    expect(t.state.session).toMatchObject({ eventId: 'e1', startMs: T0, checkpointMs: T0 + s(30) });
  });

  it('tab_switch to a page that is not tracked closes without opening', () => {
    const t = tracker().open(0, 1, 'alpha.test').open(10, 2, null);
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 10, reason: 'tab_switch' }]);
    expect(t.state.session).toBeNull();
    expect(t.state.lastDomain).toBe('alpha.test');
  });

  it('ignores a tab activated in a window that does not have the focus', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(5).send({ type: 'tab_activated', tab: tab(9, 'beta.test', { windowId: 2 }) });
    expect(t.closed).toEqual([]);
    expect(t.state.session?.domain).toBe('alpha.test');
  });

  it('navigation: a URL of another domain in the focused tab closes; the same domain continues', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(10).send({ type: 'navigated', tabId: 1, domain: 'alpha.test' });
    expect(t.closed).toEqual([]);
    t.at(20).send({ type: 'navigated', tabId: 1, domain: 'beta.test' });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 20, reason: 'navigation' }]);
    expect(t.state.session?.domain).toBe('beta.test');
  });

  it('navigation in a background tab changes nothing', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(10).send({ type: 'navigated', tabId: 2, domain: 'beta.test' });
    expect(t.closed).toEqual([]);
    expect(t.state.session?.domain).toBe('alpha.test');
  });

  it('window_blur: another app gets the focus; focus coming back opens a new session', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(40).send({ type: 'window_blurred' });
    expect(t.closed.map(closedAs)).toEqual([
      { domain: 'alpha.test', from: 0, to: 40, reason: 'window_blur' },
    ]);
    expect(t.state.session).toBeNull();
    expect(t.state.focus?.domain).toBe('alpha.test'); // the popup still knows the site
    t.at(100).send({ type: 'window_focused', tab: tab(1, 'alpha.test') });
    expect(t.state.session).toMatchObject({ domain: 'alpha.test', startMs: T0 + s(100), eventId: 'e2' });
  });

  it('window_blur also from a sync that finds no focused window', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(60).send({ type: 'sync', windowFocused: false, tab: tab(1, 'alpha.test') });
    expect(t.closed.map((c) => c.reason)).toEqual(['window_blur']);
  });

  it('idle: the session ends when input stopped, the detection interval before chrome.idle says so', () => {
    const t = tracker().open(0, 1, 'alpha.test').ticksUntil(600);
    t.at(600).send({ type: 'idle', state: 'idle', idleMs: IDLE_MS });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 420, reason: 'idle' }]);
    t.ticksUntil(900).at(900).send({ type: 'idle', state: 'active', idleMs: IDLE_MS });
    expect(t.state.session).toMatchObject({ domain: 'alpha.test', startMs: T0 + s(900) });
  });

  it('idle never ends a session before it started (an empty one is dropped)', () => {
    const t = tracker().open(0, 1, 'alpha.test').ticksUntil(100).open(100, 2, 'beta.test');
    t.at(200).send({ type: 'idle', state: 'idle', idleMs: IDLE_MS });
    expect(t.closed.map(closedAs)).toEqual([
      { domain: 'alpha.test', from: 0, to: 100, reason: 'tab_switch' },
    ]);
    expect(t.state.session).toBeNull();
  });

  it('idle keeps an audible tab going (video, call) until the sound stops', () => {
    const t = tracker();
    t.at(0).send({ type: 'tab_activated', tab: tab(1, 'video.test', { audible: true }) });
    t.ticksUntil(600).at(600).send({ type: 'idle', state: 'idle', idleMs: IDLE_MS });
    expect(t.closed).toEqual([]);
    t.ticksUntil(1200).at(1200).send({ type: 'audible', tabId: 1, audible: false });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'video.test', from: 0, to: 1200, reason: 'idle' }]);
  });

  it('idle: a tab that starts playing while idle is tracked again', () => {
    const t = tracker().open(0, 1, 'video.test');
    t.at(300).send({ type: 'idle', state: 'idle', idleMs: IDLE_MS });
    t.at(400).send({ type: 'audible', tabId: 1, audible: true });
    expect(t.state.session).toMatchObject({ domain: 'video.test', startMs: T0 + s(400) });
  });

  it('locked: ends the session at once, even an audible one', () => {
    const t = tracker();
    t.at(0).send({ type: 'tab_activated', tab: tab(1, 'video.test', { audible: true }) });
    t.ticksUntil(500).at(500).send({ type: 'idle', state: 'locked', idleMs: IDLE_MS });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'video.test', from: 0, to: 500, reason: 'locked' }]);
    expect(t.state.session).toBeNull();
  });

  it('browser_close: the focused window is removed', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(5).send({ type: 'window_closed', windowId: 7 }); // another window
    expect(t.closed).toEqual([]);
    t.at(50).send({ type: 'window_closed', windowId: 1 });
    expect(t.closed.map(closedAs)).toEqual([
      { domain: 'alpha.test', from: 0, to: 50, reason: 'browser_close' },
    ]);
    expect(t.state.focus).toBeNull();
  });

  it('browser_close: a session left when the browser quit ends at its last checkpoint on start-up', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(60).send({ type: 'tick' });
    t.at(90).send({ type: 'startup' });
    expect(t.closed.map(closedAs)).toEqual([
      { domain: 'alpha.test', from: 0, to: 60, reason: 'browser_close' },
    ]);
    expect(t.state.session).toBeNull();
    t.at(91).send({ type: 'sync', windowFocused: true, tab: tab(40, 'beta.test') });
    expect(t.state.session).toMatchObject({ domain: 'beta.test', startMs: T0 + s(91) });
  });

  it('suspend: a stale checkpoint (the worker was gone) closes at that checkpoint', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(60).send({ type: 'tick' });
    t.at(60 + STALE_MS / 1000 + 1).send({ type: 'tick' });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 60, reason: 'suspend' }]);
    // The facts still say alpha is focused: a new session starts now.
    expect(t.state.session).toMatchObject({
      domain: 'alpha.test',
      startMs: T0 + s(60 + STALE_MS / 1000 + 1),
    });
  });

  it('suspend comes first when the waking event also closes the session', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(60).send({ type: 'tick' });
    t.at(1000).send({ type: 'tab_activated', tab: tab(2, 'beta.test') });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 60, reason: 'suspend' }]);
    expect(t.state.session).toMatchObject({ domain: 'beta.test', startMs: T0 + s(1000) });
  });

  it('a worker stopped and woken within the stale limit loses nothing', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.state = checkpoint(t.state, T0 + s(30)); // runtime.onSuspend
    t.at(30 + STALE_MS / 1000 - 1).send({ type: 'tick' });
    t.at(200).send({ type: 'tab_activated', tab: tab(2, 'beta.test') });
    expect(t.closed.map(closedAs)).toEqual([
      { domain: 'alpha.test', from: 0, to: 200, reason: 'tab_switch' },
    ]);
  });

  it('paused: closes the session; nothing is tracked until the pause ends', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(100).send({ type: 'pause', untilMs: T0 + s(1000) });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 100, reason: 'paused' }]);
    t.open(200, 2, 'beta.test');
    expect(t.state.session).toBeNull();
    t.at(999).send({ type: 'tick' });
    expect(t.state.session).toBeNull();
    t.at(1000).send({ type: 'tick' });
    expect(t.state.pausedUntilMs).toBeNull();
    expect(t.state.session).toMatchObject({ domain: 'beta.test', startMs: T0 + s(1000) });
  });

  it('resume ends a pause early', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(10).send({ type: 'pause', untilMs: T0 + s(3600) });
    t.at(20).send({ type: 'resume' });
    expect(t.state).toMatchObject({
      pausedUntilMs: null,
      session: { domain: 'alpha.test', startMs: T0 + s(20) },
    });
  });

  it('tab_closed: the focused tab is closed; the tab Chrome activates next starts a session', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(5).send({ type: 'tab_closed', tabId: 3 }); // a background tab
    expect(t.closed).toEqual([]);
    t.at(70).send({ type: 'tab_closed', tabId: 1 });
    expect(t.closed.map(closedAs)).toEqual([{ domain: 'alpha.test', from: 0, to: 70, reason: 'tab_closed' }]);
    t.open(70, 2, 'beta.test');
    expect(t.state.session?.domain).toBe('beta.test');
  });

  it('every reason_closed is produced by some event', () => {
    const seen = new Set<string>();
    const run = (events: Array<[number, TrackerEvent]>) => {
      const m = tracker();
      for (const [at, e] of events) m.at(at).send(e);
      for (const c of m.closed) seen.add(c.reason);
    };
    const alpha = (at: number): [number, TrackerEvent] => [
      at,
      { type: 'tab_activated', tab: tab(1, 'a.test') },
    ];
    run([alpha(0), [10, { type: 'tab_activated', tab: tab(2, 'b.test') }]]);
    run([alpha(0), [10, { type: 'navigated', tabId: 1, domain: 'b.test' }]]);
    run([alpha(0), [10, { type: 'window_blurred' }]]);
    run([
      alpha(0),
      [60, { type: 'tick' }],
      [120, { type: 'tick' }],
      [200, { type: 'idle', state: 'idle', idleMs: IDLE_MS }],
    ]);
    run([alpha(0), [10, { type: 'idle', state: 'locked', idleMs: IDLE_MS }]]);
    run([alpha(0), [10, { type: 'window_closed', windowId: 1 }]]);
    run([alpha(0), [60, { type: 'tick' }], [1000, { type: 'tick' }]]);
    run([alpha(0), [10, { type: 'pause', untilMs: T0 + s(100) }]]);
    run([alpha(0), [10, { type: 'tab_closed', tabId: 1 }]]);
    expect([...seen].sort()).toEqual([...REASONS_CLOSED].sort());
  });

  it('drops sessions shorter than a second (passing through a tab)', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(MIN_SESSION_MS / 1000 - 0.5).send({ type: 'tab_activated', tab: tab(2, 'beta.test') });
    expect(t.closed).toEqual([]);
    expect(t.state.session?.domain).toBe('beta.test');
  });

  it('moves the checkpoint forward on each tick', () => {
    const t = tracker().open(0, 1, 'alpha.test');
    t.at(60).send({ type: 'tick' });
    t.at(120).send({ type: 'tick' });
    expect(t.state.session).toMatchObject({ startMs: T0, checkpointMs: T0 + s(120) });
  });

  it('sync adopts what Chrome reports: focus, idle state', () => {
    const t = tracker();
    t.at(0).send({ type: 'sync', windowFocused: true, tab: tab(5, 'alpha.test'), idle: 'locked' });
    expect(t.state.session).toBeNull();
    t.at(10).send({ type: 'sync', windowFocused: true, tab: tab(5, 'alpha.test'), idle: 'active' });
    expect(t.state.session).toMatchObject({ domain: 'alpha.test', startMs: T0 + s(10) });
  });
});
