/**
 * What each source of events is doing, as GET /v1/status reports it. Whoever starts the trackers (the daemon,
 * the desktop app) registers each one with a function that says how it is now; the server adds the browser
 * extension, stamped when it posts, and the pause, which holds every tracker that runs:
 *
 *   registered:  windows → tracking (x11)      pause on  →  windows paused
 *                idle    → off "no display"    pause on  →  idle    off "no display"   (off stays off)
 */
import type { PortSource, SourceState, SourceStatus } from '../shared/api/index.ts';

/** How a tracker the app runs is doing; the pause is applied by the board. */
export interface TrackerReport {
  state: Extract<SourceState, 'tracking' | 'off' | 'failing'>;
  reason: string | null;
  via: string | null;
}

interface Registered {
  label: string;
  read: () => TrackerReport;
}

export class StatusBoard {
  private readonly trackers = new Map<string, Registered>();
  private browserSeenMs: number | null = null;
  /** Where the API's port came from; the port itself is the one bound. */
  portSource: PortSource = 'default';

  /** Adds or replaces a tracker under `id` (`windows`, `idle`, or a source of its own). */
  setTracker(id: string, label: string, read: () => TrackerReport): void {
    this.trackers.set(id, { label, read });
  }

  /** A source that is fixed for the app's life: "off, because …". */
  setOff(id: string, label: string, reason: string): void {
    this.setTracker(id, label, () => ({ state: 'off', reason, via: null }));
  }

  /** The browser extension posted events (accepted or not: it is alive and paired). */
  browserPosted(atMs: number): void {
    this.browserSeenMs = atMs;
  }

  sources(paused: boolean): SourceStatus[] {
    const out: SourceStatus[] = [];
    for (const [id, { label, read }] of this.trackers) {
      const report = read();
      const state = paused && report.state === 'tracking' ? 'paused' : report.state;
      out.push({ id, label, state, reason: report.reason, via: report.via, last_seen: null });
    }
    const seen = this.browserSeenMs;
    out.push({
      id: 'browser',
      label: 'Browser extension',
      state: seen === null ? 'unseen' : 'seen',
      reason: seen === null ? 'no events from the browser extension since Time Audit started' : null,
      via: null,
      last_seen: seen === null ? null : new Date(seen).toISOString(),
    });
    return out;
  }
}

/**
 * The window tracker and its idle source on the board: tracking, or failing with the tracker's last problem
 * (a window source that keeps failing, an idle source that cannot be read, saving that fails). `via` names how
 * each is read here; a null idle source is reported off.
 */
export function reportTracker(
  status: StatusBoard,
  tracker: { problem(): string | null },
  via: { windows: string; idle: string | null },
): void {
  status.setTracker('windows', 'Active window', () => {
    const problem = tracker.problem();
    return { state: problem ? 'failing' : 'tracking', reason: problem, via: via.windows };
  });
  const idleVia = via.idle;
  if (idleVia === null) status.setOff('idle', 'Idle time', 'no idle source on this platform');
  else status.setTracker('idle', 'Idle time', () => ({ state: 'tracking', reason: null, via: idleVia }));
}
