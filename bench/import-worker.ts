/**
 * One measurement of bench/import.ts, in a process of its own so that its peak RSS is its own:
 *   node bench/import-worker.ts json-parse|raw-inserts|import FILE DIR EVENTS
 * Prints {"ms","rssMiB","events"} as its last line.
 */
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { importActivityWatch } from '../app/db/import/activitywatch.ts';
import { Store } from '../app/db/store.ts';

const [mode, file, dir, eventsArg] = process.argv.slice(2) as [string, string, string, string];
const started = performance.now();
let events = Number(eventsArg);

if (mode === 'json-parse') {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { buckets: Record<string, { events: unknown[] }> };
  events = Object.values(parsed.buckets).reduce((n, b) => n + b.events.length, 0);
} else if (mode === 'raw-inserts') {
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE events (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, app TEXT NOT NULL,
    title TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL) STRICT`);
  const insert = db.prepare(
    `INSERT INTO events (event_id, app, title, start_ms, end_ms) VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < events; i++)
      insert.run(`aw:${i}`, 'Code', 'main.ts — time-audit', i * 1000, i * 1000 + 900);
  })();
  db.close();
} else {
  const store = Store.open({ file: path.join(dir, 'import.sqlite') });
  await importActivityWatch(store, createReadStream(file, { highWaterMark: 256 * 1024 }), { now: Date.now });
  store.close(); // brings the rollups up to date: part of what an import costs
}

const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, events }));
