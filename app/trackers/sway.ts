/**
 * The focused window under sway (and other compositors speaking its IPC) through $SWAYSOCK: one persistent
 * socket, no subprocess. `window` and `workspace` events mark the last answer stale; the next sample reads the
 * tree once (GET_TREE) and answers from that until the next event, with a re-read every `refreshMs` in case an
 * event was missed. Native Wayland windows are named by their app_id, XWayland ones by their WM_CLASS.
 *
 *   connect + subscribe ──ok──> sample: cached? ─yes─> answer
 *        │                              └─no──> GET_TREE ──> focused container ──> cache
 *        └──fail / socket ends──> down (retry after 1 s, 2 s, 4 s ... 60 s)
 */
import { createLogger } from '../core/logger.ts';
import type { WindowSample, WindowSource } from './active-window.ts';
import { Backoff } from './backoff.ts';
import { ChangeListeners } from './change-listeners.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';
import { IPC, connectIpc, type IpcConnection } from './sway-ipc.ts';
import { windowSample } from './window-sample.ts';

export interface SwaySourceOptions {
  log?: TrackerLog;
  /** Defaults to $SWAYSOCK, read at each connection attempt. */
  socketPath?: string;
  now?: () => number;
  /** Connecting or one request taking longer than this counts as a failure. */
  timeoutMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
  /** The tree is read again after this long even without an event. */
  refreshMs?: number;
}

interface Cached {
  sample: WindowSample | null;
  atMs: number;
}

export class SwayWindowSource implements WindowSource {
  private readonly options: SwaySourceOptions;
  private readonly now: () => number;
  private readonly failures: FailureLog;
  private readonly backoff: Backoff;
  private readonly listeners: ChangeListeners;
  private conn: IpcConnection | null = null;
  private connecting: Promise<IpcConnection> | null = null;
  private cached: Cached | null = null;
  private generation = 0;
  private closed = false;

  constructor(options: SwaySourceOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.failures = new FailureLog(options.log ?? createLogger('tracker:sway'), 'sway window');
    this.backoff = new Backoff({ now: this.now, minMs: options.retryMinMs, maxMs: options.retryMaxMs });
    this.listeners = new ChangeListeners((err) =>
      this.failures.failed('listener', `change listener failed: ${errorMessage(err)}`),
    );
  }

  async sample(): Promise<WindowSample | null> {
    if (this.closed) return null;
    try {
      const conn = this.conn ?? (await this.reconnect());
      if (!conn) return null;
      const cached = this.cached;
      if (cached && this.now() - cached.atMs < (this.options.refreshMs ?? 30_000)) return cached.sample;
      const generation = this.generation;
      const tree = await conn.request(IPC.GET_TREE);
      const sample = focusedWindow(tree);
      // An event that arrived while the tree was on its way may describe a later focus: read again next time.
      if (generation === this.generation) this.cached = { sample, atMs: this.now() };
      this.backoff.succeeded();
      this.failures.succeeded();
      return sample;
    } catch (err) {
      this.drop();
      this.backoff.failed();
      this.failures.failed(errorKind(err), `unavailable: ${errorMessage(err)}`);
      return null;
    }
  }

  /** Called after each focus, title or workspace change (sample again to see it); returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  close(): void {
    this.closed = true;
    this.drop();
  }

  /** null while waiting out the backoff. */
  private async reconnect(): Promise<IpcConnection | null> {
    if (!this.backoff.ready) return null;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    const conn = await this.connecting;
    if (this.closed) {
      conn.close();
      return null;
    }
    this.conn = conn;
    return conn;
  }

  private drop(): void {
    const conn = this.conn;
    this.conn = null;
    this.cached = null;
    conn?.close();
  }

  private async connect(): Promise<IpcConnection> {
    const path = this.options.socketPath ?? process.env.SWAYSOCK;
    if (!path) throw Object.assign(new Error('SWAYSOCK is not set'), { code: 'NO_SWAYSOCK' });
    let conn: IpcConnection | null = null;
    conn = await connectIpc(
      path,
      {
        onEvent: () => this.changed(),
        onClose: () => {
          if (this.conn === conn) this.drop();
        },
      },
      this.options.timeoutMs ?? 3_000,
    );
    try {
      const answer = await conn.request(IPC.SUBSCRIBE, JSON.stringify(['window', 'workspace']));
      if (!isObject(answer) || answer.success !== true)
        throw new Error(`sway refused the subscription: ${JSON.stringify(answer).slice(0, 200)}`);
    } catch (err) {
      conn.close();
      throw err;
    }
    return conn;
  }

  private changed(): void {
    this.generation++;
    this.cached = null;
    this.listeners.notify();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The focused window in a GET_TREE answer, or null when the focus is on an empty workspace (or nothing).
 * sway marks exactly one node focused; a window is a node with an app_id or X11 window properties.
 */
export function focusedWindow(tree: unknown): WindowSample | null {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    if (node.focused === true) return windowOf(node);
    for (const key of ['nodes', 'floating_nodes'] as const) {
      const children = node[key];
      if (Array.isArray(children)) stack.push(...(children as unknown[]));
    }
  }
  return null;
}

function windowOf(node: Record<string, unknown>): WindowSample | null {
  const props = isObject(node.window_properties) ? node.window_properties : {};
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const app = text(node.app_id) || text(props.class) || text(props.instance);
  if (!app && node.pid === undefined) return null; // a workspace or an output, not a window
  return windowSample(app, text(node.name));
}
