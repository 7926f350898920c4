/**
 * The export's reader hands out sessions a local day at a time, as they are read: what a caller holds after
 * the first batch is the first day's sessions, not the range's, and a session going on across midnight comes
 * once, whole, when it ends.
 */
import { describe, expect, it } from 'vitest';
import { Store, type SessionRecord } from './store.ts';

const DAY = 86_400_000;
const H = 3_600_000;
const BASE = Date.UTC(2026, 0, 5); // a Monday, midnight UTC

describe('the session export reader', () => {
  it('reads a day per batch, and a session across midnight is one row when it ends', () => {
    const store = Store.open({ file: ':memory:', now: () => BASE + 30 * DAY });
    try {
      store.ingest(
        'window',
        [0, 1, 2].flatMap((d) => [
          {
            eventId: `a${d}`,
            app: 'Code',
            title: '',
            startMs: BASE + d * DAY + 9 * H,
            endMs: BASE + d * DAY + 10 * H,
          },
          {
            eventId: `b${d}`,
            app: 'Slack',
            title: '',
            startMs: BASE + d * DAY + 10 * H,
            endMs: BASE + d * DAY + 11 * H,
          },
        ]),
      );
      // 23:00 on day 2 to 01:00 on day 3.
      store.ingest('window', [
        {
          eventId: 'late',
          app: 'Terminal',
          title: '',
          startMs: BASE + 2 * DAY - H,
          endMs: BASE + 2 * DAY + H,
        },
      ]);
      const batches = store.exportSessions({ fromMs: BASE, toMs: BASE + 3 * DAY, tz: 'UTC', titles: false });
      const read = batches[Symbol.iterator]();
      const first: SessionRecord[] = read.next().value ?? [];
      // Day 1's Code is done; its Slack may still go on at midnight, so it waits for day 2.
      expect(first.map((s) => [s.subject, s.startMs])).toEqual([['Code', BASE + 9 * H]]);
      const rest: SessionRecord[] = [];
      for (let next = read.next(); !next.done; next = read.next())
        rest.push(...(next.value as SessionRecord[]));
      expect(rest.filter((s) => s.subject === 'Terminal').map((s) => [s.startMs, s.endMs])).toEqual([
        [BASE + 2 * DAY - H, BASE + 2 * DAY + H],
      ]);
      expect(first.length + rest.length).toBe(7);
    } finally {
      store.close();
    }
  });
});
