/**
 * When to try a lost connection again: 1 s, 2 s, 4 s ... up to a minute after each failure in a row, and at
 * once after a success. Sources that hold a socket to the desktop (sway, Hyprland, Wayland) share it.
 */
export interface BackoffOptions {
  now?: () => number;
  minMs?: number;
  maxMs?: number;
}

export class Backoff {
  private readonly now: () => number;
  private readonly minMs: number;
  private readonly maxMs: number;
  private attempts = 0;
  private retryAtMs = 0;

  constructor(options: BackoffOptions = {}) {
    this.now = options.now ?? Date.now;
    this.minMs = options.minMs ?? 1_000;
    this.maxMs = options.maxMs ?? 60_000;
  }

  /** Whether an attempt may be made now. */
  get ready(): boolean {
    return this.now() >= this.retryAtMs;
  }

  failed(): void {
    this.retryAtMs = this.now() + Math.min(this.maxMs, this.minMs * 2 ** this.attempts);
    this.attempts = Math.min(this.attempts + 1, 30);
  }

  /** A lasting failure (the compositor lacks what we need): wait the longest before asking again. */
  failedForGood(): void {
    this.attempts = 30;
    this.retryAtMs = this.now() + this.maxMs;
  }

  succeeded(): void {
    this.attempts = 0;
    this.retryAtMs = 0;
  }
}
