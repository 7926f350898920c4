/**
 * How long the user has been away from the keyboard and mouse. Kept tiny so that each platform (X11 here,
 * Electron's powerMonitor later) is a few lines: `idleMs` is the time since the last input, `locked` is true
 * while a lock screen or screen saver is up. Lock screens and screen savers never count as activity.
 */
import type { IdleState } from '../core/tracking.ts';

export type { IdleState };

export interface IdleSource {
  /** null when the platform cannot tell right now; never rejects. */
  idleState(): Promise<IdleState | null>;
  close(): void;
}
