/**
 * Idle time from Electron's powerMonitor, on every platform: seconds since the last input, and whether the
 * screen is locked (a lock screen never counts as activity).
 */
import { powerMonitor } from 'electron';
import type { IdleSource, IdleState } from '../trackers/idle.ts';

export class PowerMonitorIdleSource implements IdleSource {
  private readonly thresholdSeconds: number;

  constructor(thresholdSeconds: number) {
    this.thresholdSeconds = thresholdSeconds;
  }

  async idleState(): Promise<IdleState | null> {
    try {
      const idleMs = powerMonitor.getSystemIdleTime() * 1000;
      const locked = powerMonitor.getSystemIdleState(this.thresholdSeconds) === 'locked';
      return { idleMs, locked };
    } catch {
      return null;
    }
  }

  close(): void {}
}
