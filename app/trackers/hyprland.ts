/**
 * The focused window under Hyprland through its two sockets in $XDG_RUNTIME_DIR/hypr/$HYPRLAND_INSTANCE_SIGNATURE
 * (/tmp/hypr/... before Hyprland 0.40): `.socket2.sock` streams events as lines "name>>data", and
 * `.socket.sock` answers one request per connection ("j/activewindow" → the window as JSON, `{}` when none).
 * Focus, title and workspace events mark the last answer stale; the next sample asks once. No subprocess.
 *
 *   events ──line──> stale ──next sample──> j/activewindow ──> cache
 *   event socket ends ──> down (retry after 1 s, 2 s, 4 s ... 60 s)
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createLogger } from '../core/logger.ts';
import type { WindowSample, WindowSource } from './active-window.ts';
import { Backoff } from './backoff.ts';
import { ChangeListeners } from './change-listeners.ts';
import { FailureLog, errorKind, errorMessage } from './log.ts';
import type { TrackerLog } from './log.ts';
import { windowSample } from './window-sample.ts';

export interface HyprlandSourceOptions {
  log?: TrackerLog;
  /** The folder holding .socket.sock and .socket2.sock; found from the environment by default. */
  socketDir?: string;
  now?: () => number;
  timeoutMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
  /** The active window is asked again after this long even without an event. */
  refreshMs?: number;
}

const STALE_EVENTS = new Set([
  'activewindow',
  'activewindowv2',
  'windowtitle',
  'windowtitlev2',
  'closewindow',
  'workspace',
  'workspacev2',
  'focusedmon',
  'focusedmonv2',
]);
const MAX_LINE = 1024 * 1024;
const MAX_REPLY = 4 * 1024 * 1024;

/** Where this Hyprland instance keeps its sockets, or null without HYPRLAND_INSTANCE_SIGNATURE. */
export function hyprlandSocketDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const signature = env.HYPRLAND_INSTANCE_SIGNATURE;
  if (!signature || signature.includes('/')) return null;
  const current = env.XDG_RUNTIME_DIR ? path.join(env.XDG_RUNTIME_DIR, 'hypr', signature) : null;
  const legacy = path.join('/tmp/hypr', signature);
  if (current && existsSync(current)) return current;
  return existsSync(legacy) ? legacy : current;
}

export class HyprlandWindowSource implements WindowSource {
  private readonly options: HyprlandSourceOptions;
  private readonly now: () => number;
  private readonly failures: FailureLog;
  private readonly backoff: Backoff;
  private readonly listeners: ChangeListeners;
  private events: net.Socket | null = null;
  private cached: { sample: WindowSample | null; atMs: number } | null = null;
  private generation = 0;
  private closed = false;

  constructor(options: HyprlandSourceOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.failures = new FailureLog(options.log ?? createLogger('tracker:hyprland'), 'Hyprland window');
    this.backoff = new Backoff({ now: this.now, minMs: options.retryMinMs, maxMs: options.retryMaxMs });
    this.listeners = new ChangeListeners((err) =>
      this.failures.failed('listener', `change listener failed: ${errorMessage(err)}`),
    );
  }

  async sample(): Promise<WindowSample | null> {
    if (this.closed) return null;
    try {
      const dir = this.options.socketDir ?? hyprlandSocketDir();
      if (!dir) throw Object.assign(new Error('HYPRLAND_INSTANCE_SIGNATURE is not set'), { code: 'NO_HYPR' });
      if (!this.events) {
        if (!this.backoff.ready) return null;
        this.events = await this.listen(path.join(dir, '.socket2.sock'));
      }
      const cached = this.cached;
      if (cached && this.now() - cached.atMs < (this.options.refreshMs ?? 30_000)) return cached.sample;
      const generation = this.generation;
      const sample = activeWindowOf(await this.request(path.join(dir, '.socket.sock'), 'j/activewindow'));
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

  /** Called after each focus, title or workspace change; returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  close(): void {
    this.closed = true;
    this.drop();
  }

  private drop(): void {
    this.events?.destroy();
    this.events = null;
    this.cached = null;
  }

  private listen(socketPath: string): Promise<net.Socket> {
    const timeoutMs = this.options.timeoutMs ?? 3_000;
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(socketPath);
      let partial = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer from ${socketPath} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.setEncoding('utf8');
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
        if (this.events === socket) this.drop();
      });
      socket.on('close', () => {
        if (this.events === socket) this.drop();
      });
      socket.on('data', (chunk: string) => {
        partial += chunk;
        const lines = partial.split('\n');
        partial = lines.pop() ?? '';
        // A line that never ends is not an event: keep memory bounded.
        if (partial.length > MAX_LINE) partial = '';
        if (lines.some((line) => STALE_EVENTS.has(line.slice(0, line.indexOf('>>'))))) this.changed();
      });
    });
  }

  private request(socketPath: string, command: string): Promise<unknown> {
    const timeoutMs = this.options.timeoutMs ?? 3_000;
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(socketPath);
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`Hyprland: no answer to ${command} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => socket.write(command));
      socket.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY) {
          socket.destroy(new Error(`Hyprland: the answer to ${command} is over ${MAX_REPLY} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      socket.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      socket.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new Error(`Hyprland: the answer to ${command} is not JSON: ${text.slice(0, 100)}`));
        }
      });
    });
  }

  private changed(): void {
    this.generation++;
    this.cached = null;
    this.listeners.notify();
  }
}

/** The sample for a j/activewindow answer: `{}` (no window focused) is null. */
export function activeWindowOf(answer: unknown): WindowSample | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return null;
  const win = answer as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const app = text(win.class) || text(win.initialClass);
  if (!app && !text(win.address)) return null;
  return windowSample(app, text(win.title));
}
