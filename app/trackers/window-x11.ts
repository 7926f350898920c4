/**
 * The focused window on X11 over one persistent connection to $DISPLAY (the pure-JS `x11` client): no xprop or
 * xwininfo child process per poll. A read is five pipelined requests: `_NET_ACTIVE_WINDOW` on the root, then the
 * window's `WM_CLASS`, `_NET_WM_NAME` (UTF8_STRING), `WM_NAME` and `_NET_WM_PID`.
 *
 * PropertyNotify on the root (the active window changed) and on the focused window (its title changed) marks
 * the last answer stale and tells the onChange listeners at once; between events a sample answers from that
 * last read, which is refreshed anyway every `safetyPollMs` in case an event was missed.
 *
 *   events:   focus→B        title→"x"
 *   reads:    ●───cached────●────cached────●(safety poll)──
 *
 * A window that vanishes mid-query (BadWindow) samples as null; a lost X server is reconnected with backoff.
 */
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import type { X11Client, X11Event, X11Property } from 'x11';
import type { Identity } from '../core/app-identity.ts';
import { createLogger } from '../core/logger.ts';
import { withoutControlCharacters } from '../shared/names.ts';
import type { WindowSample, WindowSource } from './active-window.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import { Backoff } from './backoff.ts';
import { ChangeListeners } from './change-listeners.ts';
import { connectX11, terminateX11 } from './x11-connect.ts';
import type { TrackerLog } from './log.ts';

export interface X11WindowOptions {
  log?: TrackerLog;
  /** Defaults to $DISPLAY, read at each connection attempt. */
  display?: string;
  now?: () => number;
  /** Connecting or one read taking longer than this counts as a failure. */
  timeoutMs?: number;
  /** The longest an answer is reused without a PropertyNotify saying it changed. */
  safetyPollMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Turns a raw WM_CLASS into a display name (app identity; closed with the source); the class otherwise. */
  identity?: { identify(ids: readonly string[]): Identity | null; close?(): void };
}

const ATOM_NAMES = ['_NET_ACTIVE_WINDOW', '_NET_WM_NAME', '_NET_WM_PID', 'UTF8_STRING'] as const;
type Atoms = Record<(typeof ATOM_NAMES)[number], number>;

// Predefined atoms of the core protocol.
const XA = { CARDINAL: 6, STRING: 31, WINDOW: 33, WM_NAME: 39, WM_CLASS: 67, ANY: 0 };
const PROPERTY_CHANGE = 0x00400000;
const BAD_WINDOW = 3;
const PROPERTY_NOTIFY = 28;

// The wire schema's limits (app/shared/events.ts).
const MAX_APP = 256;
const MAX_TITLE = 2048;

interface Connection {
  client: X11Client;
  root: number;
  atoms: Atoms;
  /** The window whose PropertyNotify events we asked for. */
  watched: number;
}

export class X11WindowSource implements WindowSource {
  private readonly options: X11WindowOptions;
  private readonly now: () => number;
  private readonly log: TrackerLog;
  private readonly failures: FailureLog;
  private readonly listeners: ChangeListeners;
  private conn: Connection | null = null;
  private connecting: Promise<Connection> | null = null;
  private readonly backoff: Backoff;
  private closed = false;
  private last: { sample: WindowSample | null; atMs: number } | null = null;
  /** Counts the changes seen, so that a read overtaken by an event is not kept as the latest answer. */
  private changes = 0;

  constructor(options: X11WindowOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.backoff = new Backoff({ now: this.now, minMs: options.retryMinMs, maxMs: options.retryMaxMs });
    this.log = options.log ?? createLogger('tracker:window');
    this.failures = new FailureLog(this.log, 'X11 active window');
    this.listeners = new ChangeListeners((err) =>
      this.log.error('window change listener failed', { error: errorMessage(err) }),
    );
  }

  /** What keeps the source from reading windows right now, or null. */
  get problem(): string | null {
    return this.failures.problem;
  }

  /** Called when the focus or the focused window's title changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  async sample(): Promise<WindowSample | null> {
    if (this.closed) return null;
    const safetyMs = this.options.safetyPollMs ?? 10_000;
    if (this.conn && this.last && this.now() - this.last.atMs < safetyMs) return this.last.sample;
    try {
      const conn = this.conn ?? (await this.reconnect());
      if (!conn) return null;
      const atMs = this.now();
      const changes = this.changes;
      const sample = await withTimeout(this.read(conn), this.options.timeoutMs ?? 3_000);
      // An event that arrived during the read made it stale already: keep it only if none did.
      if (this.conn === conn && this.changes === changes) this.last = { sample, atMs };
      this.backoff.succeeded();
      this.failures.succeeded();
      return sample;
    } catch (err) {
      this.drop(this.conn);
      this.backoff.failed();
      this.failures.failed(errorKind(err), `unavailable: ${errorMessage(err)}`);
      return null;
    }
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.drop(this.conn);
    this.options.identity?.close?.();
  }

  private async read(conn: Connection): Promise<WindowSample | null> {
    const active = await getProperty(conn.client, conn.root, conn.atoms._NET_ACTIVE_WINDOW, XA.WINDOW, 1);
    const wid = active && active.data.length >= 4 ? active.data.readUInt32LE(0) : 0;
    this.watch(conn, wid);
    if (wid === 0) return null;
    try {
      const [cls, netName, name, pid] = await Promise.all([
        getProperty(conn.client, wid, XA.WM_CLASS, XA.STRING, 256),
        // Any type: some clients (xdotool among them) store _NET_WM_NAME as STRING holding UTF-8.
        getProperty(conn.client, wid, conn.atoms._NET_WM_NAME, XA.ANY, 2048),
        getProperty(conn.client, wid, XA.WM_NAME, XA.ANY, 2048),
        getProperty(conn.client, wid, conn.atoms._NET_WM_PID, XA.CARDINAL, 1),
      ]);
      return this.toSample(cls, netName?.data.length ? netName : name, pid);
    } catch (err) {
      // The window closed between the two steps: nothing is focused until the root says what is.
      if (isXError(err, BAD_WINDOW)) return null;
      throw err;
    }
  }

  private toSample(cls: X11Property | null, name: X11Property | null, pid: X11Property | null): WindowSample {
    const [instance = '', klass = ''] = cls ? cls.data.toString('latin1').split('\0') : [];
    const title = name ? decodeText(name, this.conn?.atoms.UTF8_STRING ?? -1) : '';
    let raw = withoutControlCharacters(klass || instance).trim();
    if (!raw && pid && pid.data.length >= 4) raw = executableOf(pid.data.readUInt32LE(0));
    // The class alone: the instance is often the program (xterm -class Notes has the instance "xterm"), which
    // would name every such window after the program rather than after what it set its class to.
    const identity = raw ? (this.options.identity?.identify([klass || instance]) ?? null) : null;
    const app = (identity?.app ?? raw) || 'unknown';
    const sample: WindowSample = {
      app: app.slice(0, MAX_APP),
      title: withoutControlCharacters(title).slice(0, MAX_TITLE),
    };
    const appId = identity?.appId ?? raw;
    if (appId && appId !== sample.app) sample.appId = appId.slice(0, MAX_APP);
    return sample;
  }

  /** Follows the focused window's own property changes (its title), and stops following the previous one. */
  private watch(conn: Connection, wid: number): void {
    if (conn.watched === wid) return;
    // Either window may be gone already: BadWindow on these comes back as a client 'error', ignored there.
    if (conn.watched !== 0) conn.client.ChangeWindowAttributes(conn.watched, { eventMask: 0 });
    if (wid !== 0) conn.client.ChangeWindowAttributes(wid, { eventMask: PROPERTY_CHANGE });
    conn.watched = wid;
  }

  private onEvent(conn: Connection, ev: X11Event): void {
    if (ev.type !== PROPERTY_NOTIFY) return;
    const relevant =
      ev.wid === conn.root
        ? ev.atom === conn.atoms._NET_ACTIVE_WINDOW
        : ev.wid === conn.watched &&
          (ev.atom === conn.atoms._NET_WM_NAME || ev.atom === XA.WM_NAME || ev.atom === XA.WM_CLASS);
    if (!relevant) return;
    this.last = null;
    this.changes++;
    this.listeners.notify();
  }

  /** null while waiting out the backoff. */
  private async reconnect(): Promise<Connection | null> {
    if (!this.backoff.ready) return null;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    const conn = await this.connecting;
    if (this.closed) {
      terminateX11(conn.client);
      return null;
    }
    this.conn = conn;
    this.last = null;
    return conn;
  }

  private drop(conn: Connection | null): void {
    if (!conn) return;
    if (this.conn === conn) {
      this.conn = null;
      this.last = null;
    }
    terminateX11(conn.client);
  }

  private async connect(): Promise<Connection> {
    const opened = await connectX11({
      display: this.options.display,
      timeoutMs: this.options.timeoutMs ?? 3_000,
      setup: async (client) => {
        const values = await Promise.all(ATOM_NAMES.map((n) => internAtom(client, n)));
        return Object.fromEntries(ATOM_NAMES.map((n, i) => [n, values[i]])) as Atoms;
      },
      onError: (client, err) => {
        // A protocol error on a request without a reply (watching a window that just closed) is harmless;
        // anything else is the socket, and the next sample reconnects.
        if (typeof err.error === 'number') return;
        if (this.conn?.client === client) this.drop(this.conn);
      },
    });
    const { client, root, ready: atoms } = opened;
    const conn: Connection = { client, root, atoms, watched: 0 };
    client.on('event', (ev) => this.onEvent(conn, ev));
    client.on('end', () => this.drop(conn));
    client.ChangeWindowAttributes(root, { eventMask: PROPERTY_CHANGE });
    return conn;
  }
}

function internAtom(client: X11Client, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    client.InternAtom(false, name, (err, atom) => {
      if (err) reject(err);
      else resolve(atom);
      return true;
    });
  });
}

/** The property, or null when the window does not have it; asked with a type it does not have, it is empty. */
function getProperty(
  client: X11Client,
  wid: number,
  atom: number,
  type: number,
  longLength: number,
): Promise<X11Property | null> {
  return new Promise((resolve, reject) => {
    client.GetProperty(0, wid, atom, type, 0, longLength, (err, prop) => {
      if (err) reject(err);
      else resolve(prop.type === 0 ? null : prop);
      return true; // handled here: keeps the client from also emitting 'error'
    });
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(prop: X11Property, utf8Atom: number): string {
  // WM_NAME is STRING (Latin-1) by the ICCCM, but many clients put UTF-8 there: UTF-8 when it decodes as such.
  let text: string;
  if (prop.type === utf8Atom) text = prop.data.toString('utf8');
  else {
    try {
      text = strictUtf8.decode(prop.data);
    } catch {
      text = prop.data.toString('latin1');
    }
  }
  return text.replace(/\0+$/, '');
}

/** The executable's name for a window without WM_CLASS: /proc, no process started. */
function executableOf(pid: number): string {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return '';
  }
}

function isXError(err: unknown, code: number): boolean {
  return typeof err === 'object' && err !== null && 'error' in err && err.error === code;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
