/**
 * Logging helpers for pollers. A poller that fails every second (no display, xprop missing) must not write a
 * line every second, so failures are reported once per kind until the next success.
 */
import type { Logger } from '../core/logger.ts';

/** The part of the app logger the trackers use; tests pass a plain object. */
export type TrackerLog = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * A stable name for an error, so that "BadWindow 0x40000c" and "BadWindow 0x20000c" count as the same kind:
 * the Node error code when there is one, otherwise the message with numbers blanked out.
 */
export function errorKind(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.replace(/0x[0-9a-f]+|\d+/gi, '#').slice(0, 200);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reports each kind of failure once; a success re-arms all kinds and says the source has recovered. */
export class FailureLog {
  private readonly log: TrackerLog;
  private readonly what: string;
  private readonly seen = new Set<string>();
  private last: string | null = null;

  constructor(log: TrackerLog, what: string) {
    this.log = log;
    this.what = what;
  }

  /** The failure in force, for a status display: null once the source has worked again. */
  get problem(): string | null {
    return this.last;
  }

  failed(kind: string, message: string, extra?: object): void {
    this.last = `${this.what}: ${message}`;
    if (this.seen.has(kind)) return;
    this.seen.add(kind);
    this.log.warn(`${this.what}: ${message}`, { kind, ...extra });
  }

  succeeded(): void {
    this.last = null;
    if (this.seen.size === 0) return;
    this.seen.clear();
    this.log.info(`${this.what}: working again`);
  }
}
