import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../shared/sync-settings.ts';
import { nextSyncMs, RETRY_AFTER_FAILURE_MS } from './service.ts';

const at = '2026-12-07T10:00:00.000Z';
const outcome = { at, checked: 1, uploaded: 0, deleted: 0 };

describe('nextSyncMs', () => {
  it('is now before any run, the interval after a run that worked, and sooner after one that failed', () => {
    const hourly = { ...DEFAULT_SYNC_SETTINGS, intervalMinutes: 60 };
    expect(nextSyncMs(hourly, null)).toBe(0);
    expect(nextSyncMs(hourly, { ...outcome, ok: true, error: null })).toBe(Date.parse(at) + 3_600_000);
    expect(nextSyncMs(hourly, { ...outcome, ok: false, error: 'down' })).toBe(
      Date.parse(at) + RETRY_AFTER_FAILURE_MS,
    );
    const often = { ...DEFAULT_SYNC_SETTINGS, intervalMinutes: 5 };
    expect(nextSyncMs(often, { ...outcome, ok: false, error: 'down' })).toBe(Date.parse(at) + 5 * 60_000);
  });
});
