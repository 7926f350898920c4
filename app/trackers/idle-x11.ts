/**
 * Idle time on X11 from the MIT-SCREEN-SAVER extension, over one persistent connection to $DISPLAY (the pure-JS
 * `x11` client: no xprintidle child process per poll). QueryInfo answers the milliseconds since the last input
 * and whether the screen saver is on; a saver that is on, blanking or not, counts as locked.
 *
 *   connect ──ok──> query, query, ... ──error/end──> down ──backoff elapsed──> connect
 *      └──fail──> down (retry after 1 s, 2 s, 4 s ... 60 s)
 */
import type { ScreenSaverExt, X11Client } from 'x11';
import { createLogger } from '../core/logger.ts';
import type { IdleSource, IdleState } from './idle.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';
import { Backoff } from './backoff.ts';
import { connectX11, terminateX11 } from './x11-connect.ts';

export interface X11IdleOptions {
  log?: TrackerLog;
  /** Defaults to $DISPLAY, read at each connection attempt. */
  display?: string;
  now?: () => number;
  /** Connecting or one query taking longer than this counts as a failure. */
  timeoutMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

interface Connection {
  client: X11Client;
  root: number;
  saver: ScreenSaverExt;
}

const SAVER_ON = 1;
const SAVER_CYCLE = 2;

export class X11IdleSource implements IdleSource {
  private readonly options: X11IdleOptions;
  private readonly now: () => number;
  private readonly failures: FailureLog;
  private conn: Connection | null = null;
  private connecting: Promise<Connection> | null = null;
  private readonly backoff: Backoff;
  private closed = false;

  constructor(options: X11IdleOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.backoff = new Backoff({ now: this.now, minMs: options.retryMinMs, maxMs: options.retryMaxMs });
    this.failures = new FailureLog(options.log ?? createLogger('tracker:idle'), 'X11 idle time');
  }

  async idleState(): Promise<IdleState | null> {
    if (this.closed) return null;
    try {
      const conn = this.conn ?? (await this.reconnect());
      if (!conn) return null;
      const info = await this.query(conn);
      this.backoff.succeeded();
      this.failures.succeeded();
      return { idleMs: info.idle, locked: info.state === SAVER_ON || info.state === SAVER_CYCLE };
    } catch (err) {
      this.drop(this.conn);
      this.backoff.failed();
      this.failures.failed(errorKind(err), `unavailable: ${errorMessage(err)}`);
      return null;
    }
  }

  close(): void {
    this.closed = true;
    this.drop(this.conn);
  }

  /** null while waiting out the backoff. */
  private async reconnect(): Promise<Connection | null> {
    if (!this.backoff.ready) return null;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    const conn = await this.connecting;
    if (this.closed) {
      // close() ran while we were connecting.
      terminateX11(conn.client);
      return null;
    }
    this.conn = conn;
    return conn;
  }

  private drop(conn: Connection | null): void {
    if (!conn) return;
    if (this.conn === conn) this.conn = null;
    terminateX11(conn.client);
  }

  private async connect(): Promise<Connection> {
    const {
      client,
      root,
      ready: saver,
    } = await connectX11({
      display: this.options.display,
      timeoutMs: this.options.timeoutMs ?? 3_000,
      setup: (c) =>
        new Promise<ScreenSaverExt>((resolve, reject) =>
          c.require('screen-saver', (extErr, ext) =>
            extErr ? reject(new Error(`MIT-SCREEN-SAVER: ${extErr.message}`)) : resolve(ext),
          ),
        ),
      onError: (c) => {
        if (this.conn?.client === c) this.drop(this.conn);
      },
    });
    const conn: Connection = { client, root, saver };
    // A dead socket is noticed here, between polls; the next idleState() reconnects.
    client.on('end', () => this.drop(conn));
    return conn;
  }

  private query(conn: Connection): Promise<{ idle: number; state: number }> {
    const timeoutMs = this.options.timeoutMs ?? 3_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`QueryInfo: no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      conn.saver.QueryInfo(conn.root, (err, info) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(info);
        return true; // handled here: keeps the client from also emitting 'error'
      });
    });
  }
}
