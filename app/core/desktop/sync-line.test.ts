import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/api/sync.ts';
import { syncLine } from './sync-line.ts';

const base: SyncStatus = {
  user_id: 'u',
  settings: {
    enabled: true,
    endpoint: null,
    region: 'us-east-1',
    bucket: 'b',
    prefix: '',
    profile: null,
    display_name: null,
    include_titles: false,
    interval_minutes: 60,
  },
  running: null,
  last: null,
  last_success: null,
  days_synced: 0,
  manifest: null,
};
const outcome = { at: '2026-12-07T09:42:00Z', checked: 3, uploaded: 1, deleted: 0 };

describe('syncLine', () => {
  it('says nothing while sync is off', () => {
    expect(syncLine({ ...base, settings: { ...base.settings, enabled: false } }, 'UTC')).toBeNull();
  });
  it('shows a run going on, the last success in the zone, or the last error shortened', () => {
    expect(syncLine({ ...base, running: { total: 40, checked: 12, uploaded: 2, deleted: 0 } }, 'UTC')).toBe(
      'Team sync: 12/40 days…',
    );
    expect(syncLine({ ...base, last: { ...outcome, ok: true, error: null } }, 'Europe/Berlin')).toBe(
      'Team sync: 10:42 ✓',
    );
    const line = syncLine({ ...base, last: { ...outcome, ok: false, error: 'x'.repeat(100) } }, 'UTC');
    expect(line).toMatch(/^Team sync failed: x+…$/);
    expect(line!.length).toBeLessThan(80);
  });
});
