/**
 * Idle time on Wayland from the compositor's idle notifications, over one persistent Wayland connection (a
 * small client of our own, app/trackers/wayland-wire.ts: no subprocess, no native module). It binds wl_seat and
 * `ext_idle_notifier_v1` (sway ≥ 1.8, Hyprland, KWin, niri ...), or the older `org_kde_kwin_idle` (sway 1.7,
 * KWin), and asks to hear once `notifyAfterMs` pass without input. The compositor answers `idled` then and
 * `resumed` at the next input, so:
 *
 *   input:   ─┤ last input                          ├─ input again
 *   events:   ├── notifyAfterMs ──┤ idled            ├ resumed
 *   idleMs:   0  0  0  0  0  0  0  5 s  6 s  7 s ...  0
 *
 * A short notifyAfterMs (5 s) keeps every away threshold the user may pick exact to within it. Lock screens
 * are not reported by these protocols: `locked` stays false.
 */
import type net from 'node:net';
import { createLogger } from '../core/logger.ts';
import { Backoff } from './backoff.ts';
import type { IdleSource, IdleState } from './idle.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';
import {
  ArgReader,
  DISPLAY_ID,
  MessageReader,
  connectSocket,
  encodeMessage,
  str,
  u32,
  waylandSocketPath,
} from './wayland-wire.ts';

export interface WaylandIdleOptions {
  log?: TrackerLog;
  /** Defaults to $XDG_RUNTIME_DIR/$WAYLAND_DISPLAY, read at each connection attempt. */
  socketPath?: string;
  now?: () => number;
  notifyAfterMs?: number;
  timeoutMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

/** Which idle protocol the compositor offered. */
export type IdleProtocol = 'ext_idle_notifier_v1' | 'org_kde_kwin_idle';

interface Session {
  socket: net.Socket;
  protocol: IdleProtocol;
}

// Object ids this client creates, in order.
const REGISTRY = 2;
const GLOBALS_DONE = 3;
const SEAT = 4;
const NOTIFIER = 5;
const NOTIFICATION = 6;
const BOUND = 7;

export class WaylandIdleSource implements IdleSource {
  private readonly options: WaylandIdleOptions;
  private readonly now: () => number;
  private readonly failures: FailureLog;
  private readonly backoff: Backoff;
  private session: Session | null = null;
  private connecting: Promise<Session> | null = null;
  private idledAtMs: number | null = null;
  private closed = false;

  constructor(options: WaylandIdleOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.failures = new FailureLog(options.log ?? createLogger('tracker:idle'), 'Wayland idle time');
    this.backoff = new Backoff({ now: this.now, minMs: options.retryMinMs, maxMs: options.retryMaxMs });
  }

  /** The protocol in use once connected, else null. */
  get protocol(): IdleProtocol | null {
    return this.session?.protocol ?? null;
  }

  async idleState(): Promise<IdleState | null> {
    if (this.closed) return null;
    try {
      if (!this.session) {
        if (!this.backoff.ready) return null;
        this.connecting ??= this.connect().finally(() => {
          this.connecting = null;
        });
        const session = await this.connecting;
        if (this.closed) {
          session.socket.destroy();
          return null;
        }
        this.session = session;
        this.backoff.succeeded();
      }
      this.failures.succeeded();
      const idledAt = this.idledAtMs;
      const notifyAfterMs = this.options.notifyAfterMs ?? 5_000;
      return { idleMs: idledAt === null ? 0 : notifyAfterMs + this.now() - idledAt, locked: false };
    } catch (err) {
      if (err instanceof UnsupportedError) this.backoff.failedForGood();
      else this.backoff.failed();
      this.failures.failed(errorKind(err), `unavailable: ${errorMessage(err)}`);
      return null;
    }
  }

  close(): void {
    this.closed = true;
    this.drop();
  }

  private drop(): void {
    this.session?.socket.destroy();
    this.session = null;
    this.idledAtMs = null;
  }

  private async connect(): Promise<Session> {
    const socketPath = this.options.socketPath ?? waylandSocketPath();
    if (!socketPath)
      throw Object.assign(new Error('WAYLAND_DISPLAY or XDG_RUNTIME_DIR is not set'), { code: 'NO_WAYLAND' });
    const timeoutMs = this.options.timeoutMs ?? 3_000;
    const socket = await connectSocket(socketPath, timeoutMs);
    const send = (id: number, opcode: number, ...args: Buffer[]) =>
      socket.write(encodeMessage(id, opcode, args));
    const globals = new Map<string, number>();
    const reader = new MessageReader();

    return new Promise<Session>((resolve, reject) => {
      let session: Session | null = null;
      const fail = (err: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        if (!session) reject(err);
        else if (this.session === session) {
          this.drop();
          this.backoff.failed();
          this.failures.failed(errorKind(err), `unavailable: ${errorMessage(err)}`);
        }
      };
      const timer = setTimeout(
        () => fail(new Error(`the compositor did not finish the handshake within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const bind = (name: string, id: number): void => {
        send(REGISTRY, 0, u32(globals.get(name) as number), str(name), u32(1), u32(id));
      };
      const onMessage = (objectId: number, opcode: number, args: ArgReader): void => {
        if (objectId === DISPLAY_ID && opcode === 0) {
          args.u32();
          const code = args.u32();
          fail(new Error(`Wayland protocol error ${code}: ${args.str()}`));
        } else if (objectId === REGISTRY && opcode === 0) {
          const name = args.u32();
          globals.set(args.str(), name);
        } else if (objectId === GLOBALS_DONE && opcode === 0) {
          const protocol = (['ext_idle_notifier_v1', 'org_kde_kwin_idle'] as const).find((p) =>
            globals.has(p),
          );
          if (!protocol || !globals.has('wl_seat')) {
            fail(new UnsupportedError());
            return;
          }
          bind('wl_seat', SEAT);
          bind(protocol, NOTIFIER);
          const after = u32(this.options.notifyAfterMs ?? 5_000);
          if (protocol === 'ext_idle_notifier_v1') send(NOTIFIER, 1, u32(NOTIFICATION), after, u32(SEAT));
          else send(NOTIFIER, 0, u32(NOTIFICATION), u32(SEAT), after);
          send(DISPLAY_ID, 0, u32(BOUND)); // answered once the requests above are processed
          session = { socket, protocol };
        } else if (objectId === BOUND && opcode === 0 && session) {
          clearTimeout(timer);
          resolve(session);
        } else if (objectId === NOTIFICATION) {
          // idled / idle (0), resumed (1), in both protocols.
          this.idledAtMs = opcode === 0 ? this.now() : null;
        }
      };
      socket.on('data', (chunk: Buffer) => {
        try {
          for (const m of reader.push(chunk)) onMessage(m.objectId, m.opcode, new ArgReader(m.body));
        } catch (err) {
          fail(err instanceof Error ? err : new Error(String(err)));
        }
      });
      socket.on('error', (err) => fail(err));
      socket.on('close', () => fail(new Error('the compositor closed the Wayland connection')));
      send(DISPLAY_ID, 1, u32(REGISTRY)); // wl_display.get_registry
      send(DISPLAY_ID, 0, u32(GLOBALS_DONE)); // wl_display.sync: done after every global is announced
    });
  }
}

class UnsupportedError extends Error {
  readonly code = 'IDLE_PROTOCOL_MISSING';
  constructor() {
    super('the compositor offers neither ext-idle-notify-v1 nor org_kde_kwin_idle (idle time is unknown)');
  }
}
