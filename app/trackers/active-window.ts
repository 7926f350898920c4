/**
 * What every window source answers (WindowSource), and the get-windows source: a native helper on macOS and
 * Windows; on Linux it runs xprop and xwininfo against $DISPLAY, so Linux uses window-x11.ts instead unless
 * told otherwise (desktop-sources.ts chooses). A sample never throws; failures become null and one log line per
 * kind.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Result } from 'get-windows';
import { createLogger } from '../core/logger.ts';
import type { WindowSample } from '../core/tracking.ts';
import { withoutControlCharacters } from '../shared/names.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';

export type { WindowSample };

export interface WindowSource {
  /** null when no window is focused or the window cannot be read; never rejects. */
  sample(): Promise<WindowSample | null>;
  /**
   * Optional hint from sources that are told about changes (X11 PropertyNotify, a compositor's IPC events):
   * the listener runs when the focus or the focused window's title changed, and the tracker samples at once
   * instead of waiting for its next poll. Returns the unsubscribe function.
   */
  onChange?(listener: () => void): () => void;
  /** Releases the source's connection, where it holds one. */
  close?(): void;
}

/** Why nothing could be read, when that is known. */
export interface Diagnosis {
  kind: string;
  message: string;
}

export interface GetWindowsSourceOptions {
  log?: TrackerLog;
  /** Stands in for get-windows' activeWindow in tests. */
  activeWindow?: () => Promise<Result | undefined>;
  /** A wedged X server must not stall tracking: a sample slower than this counts as failed. */
  timeoutMs?: number;
  /** Explains an empty result; the default checks the Linux prerequisites. */
  diagnose?: () => Diagnosis | null;
}

// The wire schema's limits (app/shared/events.ts): longer values would be rejected on ingest.
const MAX_APP = 256;
const MAX_TITLE = 2048;

export class GetWindowsSource implements WindowSource {
  private readonly read: () => Promise<Result | undefined>;
  private readonly timeoutMs: number;
  private readonly diagnose: () => Diagnosis | null;
  private readonly failures: FailureLog;
  private inflight: Promise<Result | undefined> | null = null;

  constructor(options: GetWindowsSourceOptions = {}) {
    // get-windows (and its native helpers) is loaded by the first sample: only macOS, Windows and the
    // TIMEAUDIT_WINDOW_SOURCE=get-windows fallback use it.
    this.read = options.activeWindow ?? (async () => (await import('get-windows')).activeWindow());
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.diagnose = options.diagnose ?? (process.platform === 'linux' ? diagnoseLinux : () => null);
    this.failures = new FailureLog(options.log ?? createLogger('tracker:window'), 'active window');
  }

  async sample(): Promise<WindowSample | null> {
    try {
      const win = await withTimeout(this.query(), this.timeoutMs);
      if (!win) {
        // get-windows on Linux turns every failure (no display, no xprop, window closed mid-call) into
        // undefined, the same answer as "nothing focused"; the diagnosis tells the lasting causes apart.
        const why = this.diagnose();
        if (why) {
          this.failures.failed(why.kind, why.message);
          return null;
        }
        this.failures.succeeded();
        return null;
      }
      this.failures.succeeded();
      return toSample(win);
    } catch (err) {
      this.failures.failed(errorKind(err), errorMessage(err));
      return null;
    }
  }

  // One read at a time: after a timeout the next sample waits for the hung read instead of starting another
  // xprop, so a stuck X server cannot pile up child processes.
  private query(): Promise<Result | undefined> {
    this.inflight ??= Promise.resolve()
      .then(() => this.read())
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }
}

function toSample(win: Result): WindowSample {
  // Despite its types, get-windows returns a null title on Linux for a window without a name. Control
  // characters become spaces, as on ingest (app/shared/events.ts): a terminal's title is set by what runs in it.
  const title = withoutControlCharacters(typeof win.title === 'string' ? win.title : '');
  const owner = win.owner as Partial<Result['owner']> | undefined;
  const app =
    [owner?.name ?? '', owner?.path ? path.basename(owner.path) : '']
      .map((name) => withoutControlCharacters(name).trim())
      .find(Boolean) ?? 'unknown';
  return { app: app.slice(0, MAX_APP), title: title.slice(0, MAX_TITLE) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The lasting reasons get-windows finds nothing on Linux. */
export function diagnoseLinux(env: NodeJS.ProcessEnv = process.env): Diagnosis | null {
  if (!env.DISPLAY) {
    const wayland = env.WAYLAND_DISPLAY ? ' (a Wayland session without XWayland?)' : '';
    return { kind: 'no-display', message: `DISPLAY is not set, so no X11 window can be read${wayland}` };
  }
  for (const tool of ['xprop', 'xwininfo']) {
    if (!onPath(tool, env.PATH ?? '')) {
      return {
        kind: `${tool}-missing`,
        message: `${tool} is not installed (Debian/Ubuntu: apt install x11-utils)`,
      };
    }
  }
  return null;
}

function onPath(command: string, searchPath: string): boolean {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
