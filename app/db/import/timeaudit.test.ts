import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDays } from '../../demo/synthetic.ts';
import { DomainError } from '../../core/errors.ts';
import type { BrowserEvent, IdleEvent, WindowEvent } from '../../shared/events.ts';
import { Store } from '../store.ts';
import { importTimeAudit } from './timeaudit.ts';
import { chunksOf } from './activitywatch.testing.ts';

const FIRST_DAY = 20_150; // 2025-03-03
const NOW = (FIRST_DAY + 5) * 86_400_000;
const RANGE = { fromMs: FIRST_DAY * 86_400_000, toMs: NOW, tz: 'Europe/Paris' };

let dir: string;
const stores: Store[] = [];
const openStore = (name: string) => {
  const store = Store.open({ file: path.join(dir, `${name}.sqlite`), now: () => NOW });
  stores.push(store);
  return store;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ta-raw-'));
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

const iso = (ms: number) => new Date(ms).toISOString();
const times = (e: { eventId: string; startMs: number; endMs: number }) => ({
  event_id: e.eventId,
  start_ts: iso(e.startMs),
  end_ts: iso(e.endMs),
  duration_ms: e.endMs - e.startMs,
});

/** The raw format as agreed with the export: the wire shape of each event, with its source first. */
const rawLines = (window: WindowEvent[], browser: BrowserEvent[], idle: IdleEvent[]) => [
  ...window.map((e) => ({ source: 'window', ...times(e), app: e.app, title: e.title, schema_version: 1 })),
  ...browser.map((e) => ({
    source: 'browser',
    ...times(e),
    user_id: e.userId,
    domain: e.domain,
    reason_closed: e.reasonClosed,
    schema_version: 1,
  })),
  ...idle.map((e) => ({ source: 'idle', ...times(e), schema_version: 1 })),
];

const gym = { label: 'Gym', category: 'Health', startMs: NOW - 3 * 3600_000, endMs: NOW - 2 * 3600_000 };
const gymLine = {
  source: 'manual',
  event_id: 'manual-1',
  label: gym.label,
  category: gym.category,
  start_ts: iso(gym.startMs),
  end_ts: iso(gym.endMs),
  duration_ms: 3600_000,
  note: 'legs',
  schema_version: 1,
};

/** A tracked store, and its raw export written by hand. */
function tracked(): { original: Store; lines: object[] } {
  const original = openStore('original');
  const window: WindowEvent[] = [];
  const browser: BrowserEvent[] = [];
  const idle: IdleEvent[] = [];
  for (const day of generateDays({ firstDay: FIRST_DAY, days: 4 }, 3)) {
    window.push(...day.window);
    browser.push(...day.browser);
    idle.push(...day.idle);
  }
  original.ingest('window', window);
  original.ingest('browser', browser);
  original.ingest('idle', idle);
  original.createCategory('Health', 'productive');
  original.createManualEntry({ ...gym, note: 'legs' });
  return { original, lines: [...rawLines(window, browser, idle), gymLine] };
}

const ndjson = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
const run = (store: Store, text: string) => importTimeAudit(store, chunksOf(text, 5003), { now: () => NOW });

describe("importing Time Audit's raw export", () => {
  it('gives identical reports in an empty folder, from NDJSON and from the JSON form', async () => {
    const { original, lines } = tracked();
    const expected = original.report(RANGE);
    // Productivity is not in the raw format: the category made for the entry is neutral until chosen.
    const fromNdjson = openStore('ndjson');
    const summary = await run(fromNdjson, ndjson(lines));
    fromNdjson.updateCategory(fromNdjson.listCategories().find((c) => c.name === 'Health')!.id, {
      productivity: 'productive',
    });
    expect(fromNdjson.report(RANGE)).toEqual(expected);
    expect(summary).toMatchObject({
      format: 'timeaudit',
      events: lines.length,
      stored: lines.length,
      skipped: 0,
    });

    const fromJson = openStore('json');
    await run(
      fromJson,
      JSON.stringify({ format: 'timeaudit-raw', schema_version: 1, events: lines }, null, 2),
    );
    fromJson.updateCategory(fromJson.listCategories().find((c) => c.name === 'Health')!.id, {
      productivity: 'productive',
    });
    expect(fromJson.report(RANGE)).toEqual(expected);
  });

  it('adds nothing the second time', async () => {
    const { lines } = tracked();
    const store = openStore('twice');
    await run(store, ndjson(lines));
    const before = store.report(RANGE);
    const second = await run(store, ndjson(lines));
    expect(second).toMatchObject({ stored: 0, duplicates: lines.length });
    expect(store.report(RANGE)).toEqual(before);
  });

  it('stores nothing from a file cut short or broken, and says where', async () => {
    const { lines } = tracked();
    const store = openStore('broken');
    const json = JSON.stringify({ format: 'timeaudit-raw', schema_version: 1, events: lines });
    await expect(run(store, json.slice(0, json.length / 2))).rejects.toThrow(/ends early, at byte \d+/);
    const text = ndjson(lines);
    await expect(run(store, text.slice(0, text.length - 40))).rejects.toThrow(
      new RegExp(`^line ${lines.length} \\(byte \\d+\\) is not valid JSON, and it is the last line`),
    );
    const broken = ndjson(lines).split('\n');
    broken[10] = '{"source": "window", oops}';
    const error = (await run(store, broken.join('\n')).catch((e: unknown) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toMatch(/^line 11 \(byte \d+\) is not valid JSON/);
    expect(store.report(RANGE).total_ms).toBe(0);
    expect(store.listManualEntries(0, NOW)).toEqual([]);
  });

  it('skips bad events with the API’s codes and stores the rest', async () => {
    const store = openStore('bad');
    const good = {
      source: 'idle',
      event_id: 'i1',
      start_ts: iso(NOW - 60_000),
      end_ts: iso(NOW),
      duration_ms: 60_000,
      schema_version: 1,
    };
    const summary = await run(
      store,
      ndjson([
        good,
        { ...good, event_id: 'i2', end_ts: iso(NOW - 120_000) },
        { ...good, event_id: 'i3', schema_version: 9 },
        { source: 'telepathy', event_id: 'x' },
      ]),
    );
    expect(summary.sources).toEqual([
      {
        id: 'idle',
        type: 'idle',
        events: 3,
        stored: 1,
        duplicates: 0,
        skipped: [
          { reason: 'end_before_start', count: 1 },
          { reason: 'unsupported_schema_version', count: 1 },
        ],
      },
      {
        id: 'other',
        type: 'other',
        events: 1,
        stored: 0,
        duplicates: 0,
        skipped: [{ reason: 'unknown source "telepathy"', count: 1 }],
      },
    ]);
  });

  it('refuses what is not a raw export', async () => {
    const store = openStore('foreign');
    await expect(run(store, '{"buckets": {}}')).rejects.toThrow(/not a Time Audit raw export/);
  });
});
