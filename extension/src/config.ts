/** The extension's tunables, in one place. */

/** Why a session ended, as sent in `reason_closed`. */
export const REASONS_CLOSED = [
  'tab_switch',
  'navigation',
  'window_blur',
  'idle',
  'locked',
  'browser_close',
  'suspend',
  'paused',
  'tab_closed',
] as const;
export type ReasonClosed = (typeof REASONS_CLOSED)[number];

/**
 * chrome.idle's detection interval until the app says otherwise: 3 minutes without input, the app's default.
 * Pairing takes the app's own threshold (`idle_seconds`, from `timeaudit serve --idle-minutes`).
 */
export const IDLE_SECONDS = 180;
/** chrome.idle accepts 15 s at the least. */
export const MIN_IDLE_SECONDS = 15;
/** The minute alarm: checkpoint the session, flush the queue, refresh today's figures and the badge. */
export const TICK_MINUTES = 1;
/** A checkpoint older than this means the worker was not running (two missed ticks and some slack). */
export const STALE_MS = 150_000;
/** Shorter sessions (passing through a tab while switching) are not worth an event. */
export const MIN_SESSION_MS = 1_000;

/** The app's default port (`timeaudit serve`). */
export const DEFAULT_PORT = 47600;

/** Queue bounds and delivery. */
export const MAX_QUEUE = 50_000;
export const BATCH_SIZE = 500;
/** A flush this long after a session closes (debounced), besides the minute alarm. */
export const FLUSH_DELAY_MS = 5_000;
/** While sessions wait and the app is down, the worker asks it this often whether it is back. */
export const PROBE_MS = 3_000;
/** Retries while the app is down: 5 s, 10 s, 20 s … up to 5 minutes. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The extension's pause end for an app pause without an end ("until resumed"): the largest Date. */
export const INDEFINITE_PAUSE_MS = 8.64e15;
