/**
 * `timeaudit demo`: fills a data folder with realistic synthetic activity (workdays and weekends, apps and
 * sites, idle breaks, a few categories), ending now, so that a first look at the dashboard means something.
 * It refuses a folder that already holds tracked events unless told --force: demo data mixed into real data
 * could not be told apart afterwards.
 */
import { DEFAULT_CATEGORY_MAP, generateDays, SYNTHETIC_CATEGORIES } from '../demo/synthetic.ts';
import { zoneFor } from '../core/zone.ts';
import { DomainError } from '../core/errors.ts';
import { formatDuration } from '../shared/format.ts';
import { Store } from '../db/store.ts';
import { databasePath } from './paths.ts';

export interface DemoOptions {
  dataDir: string;
  days: number;
  tz: string;
  seed: number;
  force: boolean;
}

export class DemoRefusedError extends Error {}

export function demoCommand(opts: DemoOptions, now = Date.now()): void {
  const store = Store.open({ file: databasePath(opts.dataDir) });
  try {
    const existing = store.db
      .prepare('SELECT (SELECT count(*) FROM window_events) + (SELECT count(*) FROM browser_events)')
      .pluck()
      .get() as number;
    if (existing > 0 && !opts.force) {
      throw new DemoRefusedError(
        `${opts.dataDir} already holds ${existing} tracked events; demo data would mix with them. ` +
          'Use another --data-dir, or --force to add it anyway.',
      );
    }
    for (const c of SYNTHETIC_CATEGORIES) {
      try {
        store.createCategory(c.name, c.productivity);
      } catch (error) {
        if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
      }
    }
    for (const s of DEFAULT_CATEGORY_MAP) store.setSubjectCategory(s.kind, s.name, s.category);

    const zone = zoneFor(opts.tz);
    const today = zone.localDay(now);
    let events = 0;
    let activeMs = 0;
    let done = 0;
    for (const day of generateDays(
      { firstDay: today - opts.days + 1, days: opts.days, tz: opts.tz },
      opts.seed,
    )) {
      // Nothing in the future: today's activity stops now.
      const past = <T extends { startMs: number; endMs: number }>(list: T[]) =>
        list.filter((e) => e.startMs < now).map((e) => (e.endMs > now ? { ...e, endMs: now } : e));
      const window = past(day.window);
      const browser = past(day.browser).map((e) => ({ ...e, durationMs: e.endMs - e.startMs }));
      store.ingest('window', window);
      store.ingest('browser', browser);
      store.ingest('idle', past(day.idle));
      events += window.length + browser.length;
      activeMs += window.reduce((sum, e) => sum + e.endMs - e.startMs, 0);
      done++;
      if (done % 30 === 0 || done === opts.days) {
        store.refreshRollups();
        process.stderr.write(`\rdemo: ${done}/${opts.days} days, ${events} events`);
      }
    }
    process.stderr.write('\n');
    console.log(
      `Wrote ${opts.days} days of demo activity (${events} events, about ${formatDuration(activeMs)} of window time) ` +
        `to ${opts.dataDir}.`,
    );
  } finally {
    store.close();
  }
}
