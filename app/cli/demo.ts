/**
 * `timeaudit demo`: fills a data folder with realistic synthetic activity (workdays and weekends, apps and
 * sites, idle breaks, a few categories), ending now, so that a first look at the dashboard means something.
 * It refuses a folder that already holds tracked events unless told --force: demo data mixed into real data
 * could not be told apart afterwards. While the daemon runs it writes through the daemon's API, the data
 * folder's one writer; else it takes the folder's lock for its run.
 */
import { DEFAULT_CATEGORY_MAP, generateDays, SYNTHETIC_CATEGORIES } from '../demo/synthetic.ts';
import { zoneFor } from '../core/zone.ts';
import { isDomainError } from '../core/errors.ts';
import { formatDuration } from '../shared/format.ts';
import type { ApiClient } from '../shared/client.ts';
import {
  browserEventWire,
  idleEventWire,
  windowEventWire,
  type BrowserEvent,
  type IdleEvent,
  type WindowEvent,
} from '../shared/events.ts';
import type { Productivity, SubjectKind } from '../shared/report.ts';
import { Store } from '../db/store.ts';
import { databasePath } from './paths.ts';
import { claimWriter, viaDaemon } from './writer.ts';
import { databaseKey } from './database-key.ts';

export interface DemoOptions {
  dataDir: string;
  days: number;
  tz: string;
  seed: number;
  force: boolean;
}

export class DemoRefusedError extends Error {}

/** What the demo writes, to the store itself or through the running daemon (see app/cli/writer.ts). */
interface DemoTarget {
  category(name: string, productivity: Productivity): Promise<void>;
  subjectCategory(kind: SubjectKind, name: string, category: string): Promise<void>;
  day(events: { window: WindowEvent[]; browser: BrowserEvent[]; idle: IdleEvent[] }): Promise<void>;
  /** Brings the rollups up to date (the daemon does so by itself). */
  settle(): void;
}

const ignoreConflict = (error: unknown) => {
  if (!isDomainError(error, 'conflict')) throw error;
};

const storeTarget = (store: Store): DemoTarget => ({
  category: async (name, productivity) => {
    try {
      store.createCategory(name, productivity);
    } catch (error) {
      ignoreConflict(error);
    }
  },
  subjectCategory: async (kind, name, category) => void store.setSubjectCategory(kind, name, category),
  day: async ({ window, browser, idle }) => {
    store.ingest('window', window);
    store.ingest('browser', browser);
    store.ingest('idle', idle);
  },
  settle: () => void store.refreshRollups(),
});

/** Events per request: well inside the API's 1 MiB body. */
const BATCH = 1000;
async function inBatches<T>(events: T[], post: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) await viaDaemon(post(events.slice(i, i + BATCH)));
}

const apiTarget = (api: ApiClient): DemoTarget => ({
  category: (name, productivity) =>
    viaDaemon(api.createCategory({ body: { name, productivity } })).then(() => undefined, ignoreConflict),
  subjectCategory: async (kind, name, category) =>
    void (await viaDaemon(api.setSubjectCategory({ params: { kind, name }, body: { category } }))),
  day: async ({ window, browser, idle }) => {
    await inBatches(window, (b) => api.postWindowEvents({ body: { events: b.map(windowEventWire) } }));
    await inBatches(browser, (b) => api.postBrowserEvents({ body: { events: b.map(browserEventWire) } }));
    await inBatches(idle, (b) => api.postIdleEvents({ body: { events: b.map(idleEventWire) } }));
  },
  settle: () => {},
});

export async function demoCommand(opts: DemoOptions, now = Date.now()): Promise<void> {
  const writer = claimWriter(opts.dataDir, 'demo');
  // The store serves the check below, and the writes too when no daemon runs.
  const store = Store.open({ file: databasePath(opts.dataDir), key: databaseKey(opts.dataDir) });
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
    const target = writer.api ? apiTarget(writer.api) : storeTarget(store);
    for (const c of SYNTHETIC_CATEGORIES) await target.category(c.name, c.productivity);
    for (const s of DEFAULT_CATEGORY_MAP) await target.subjectCategory(s.kind, s.name, s.category);

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
      await target.day({ window, browser, idle: past(day.idle) });
      events += window.length + browser.length;
      activeMs += window.reduce((sum, e) => sum + e.endMs - e.startMs, 0);
      done++;
      if (done % 30 === 0 || done === opts.days) {
        target.settle();
        // A count on one line of a terminal; piped or redirected, only the closing summary.
        if (process.stderr.isTTY) process.stderr.write(`\rdemo: ${done}/${opts.days} days, ${events} events`);
      }
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `Wrote ${opts.days} days of demo activity (${events} events, about ${formatDuration(activeMs)} of window time) ` +
        `to ${opts.dataDir}.`,
    );
  } finally {
    store.close();
    writer.lock?.release();
  }
}
