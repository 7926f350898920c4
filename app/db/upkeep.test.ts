/**
 * Summaries of a zone built in the background, in steps between other work (the daemon's way), give exactly
 * the reports an inline build gives, whatever was written meanwhile; until they are complete, reports over a
 * few weeks answer from the slots and longer ones say that they are being prepared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { generateDays } from '../demo/synthetic.ts';
import { Store, type ReportQuery } from './store.ts';

const TZ = 'Asia/Kolkata'; // +05:30: its local days cut UTC slots' hours in half-hours
const DAYS = 120;
const FIRST_DAY = Math.floor(Date.UTC(2026, 0, 1) / 86_400_000);
const NOW = (FIRST_DAY + DAYS) * 86_400_000;
const DAY = 86_400_000;

let dir: string;
const stores: Store[] = [];
const open = (name: string, zoneBuilds: 'inline' | 'background') => {
  const store = Store.open({ file: path.join(dir, name), now: () => NOW, zoneBuilds, refreshDelayMs: 0 });
  stores.push(store);
  return store;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-upkeep-'));
});
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  rmSync(dir, { recursive: true, force: true });
});

/** The demo's days, as the events each store is given, in order. */
function demoDays() {
  return [...generateDays({ firstDay: FIRST_DAY, days: DAYS, tz: TZ }, 7)].map((day) => ({
    window: day.window,
    browser: day.browser.map((e) => ({ ...e, durationMs: e.endMs - e.startMs })),
    idle: day.idle,
  }));
}

function fill(store: Store, days: ReturnType<typeof demoDays>): void {
  store.createCategory('Work', 'productive');
  for (const day of days) {
    store.ingest('window', day.window);
    store.ingest('browser', day.browser);
    store.ingest('idle', day.idle);
  }
  store.refreshRollups();
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
const whole: ReportQuery = { fromMs: FIRST_DAY * DAY, toMs: NOW, tz: TZ };
const weeks: ReportQuery = { fromMs: NOW - 30 * DAY - 5 * 60_000, toMs: NOW - 7 * 60_000, tz: TZ };

describe('summaries built in the background', () => {
  it('say they are being prepared for long reports, answer short ones exactly, and end as an inline build', async () => {
    const days = demoDays();
    const background = open('background.sqlite', 'background');
    const inline = open('inline.sqlite', 'inline');
    fill(background, days.slice(0, -10));
    fill(inline, days.slice(0, -10));

    let notReady: unknown;
    try {
      background.report(whole);
    } catch (error) {
      notReady = error;
    }
    expect(notReady).toBeInstanceOf(DomainError);
    expect(notReady).toMatchObject({
      kind: 'not_ready',
      message: expect.stringMatching(/Asia\/Kolkata.*% done/),
    });
    expect(background.report(weeks)).toEqual(inline.report(weeks));

    // Writes and recategorizations while the build goes on, step by step between them.
    const later = days.slice(-10);
    let steps = 0;
    while (!background.zoneProgress(TZ).done) {
      const day = later.shift();
      for (const store of [background, inline]) {
        if (day) {
          store.ingest('window', day.window);
          store.ingest('browser', day.browser);
        }
        if (steps % 3 === 1) store.setSubjectCategory('app', day?.window[0]?.app ?? 'Code', 'Work');
      }
      await macrotask();
      steps++;
      expect(steps).toBeLessThan(1_000);
    }
    expect(steps).toBeGreaterThan(3); // it did go in steps, with writes in between
    for (const store of [background, inline]) {
      for (const day of later) store.ingest('window', day.window);
      store.refreshRollups();
    }
    expect(background.report(whole)).toEqual(inline.report(whole));
    expect(background.report(weeks)).toEqual(inline.report(weeks));
  });

  it('a report over a few weeks in a new zone answers at once from the slots, and starts the build', async () => {
    const background = open('background.sqlite', 'background');
    const inline = open('inline.sqlite', 'inline');
    const days = demoDays();
    fill(background, days);
    fill(inline, days);
    expect(background.zoneProgress('Europe/Berlin')).toEqual({ done: false, fraction: 0 });
    const q: ReportQuery = { fromMs: NOW - 31 * DAY, toMs: NOW, tz: 'Europe/Berlin' };
    expect(background.report(q)).toEqual(inline.report(q));
    while (!background.zoneProgress('Europe/Berlin').done) await macrotask();
    expect(background.report({ ...q, fromMs: FIRST_DAY * DAY })).toEqual(
      inline.report({ ...q, fromMs: FIRST_DAY * DAY }),
    );
  });
});
