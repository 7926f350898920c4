/**
 * Importing a large ActivityWatch export: events a second and peak memory (RSS) of `timeaudit import
 * activitywatch`'s own code path (read, stage, store in one transaction, rollups brought up to date), against
 * two baselines measured in the same run on the same file: `JSON.parse` of the whole file (what a reader that
 * does not stream costs in memory), and bare SQLite INSERTs of the same number of rows in one
 * transaction (the storage's ceiling). Each runs in a process of its own, so that each peak RSS is its own.
 *
 *   node bench/import.ts                      (1,000,000 events; or --events N, BENCH_IMPORT_EVENTS)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAwExport } from '../app/db/import/activitywatch.testing.ts';
import { numberOption } from './options.ts';
import { rate, ratio, table } from './measure.ts';

const WORKER = new URL('./import-worker.ts', import.meta.url).pathname;
const DAY = 86_400_000;

/** Writes an export of about `events` events (busy days: a window every ~20 s, a tab every ~30 s). */
async function writeExport(file: string, events: number): Promise<number> {
  const perDay = generateAwExport({
    seed: 1,
    startMs: Date.UTC(2024, 0, 1),
    days: 1,
    windowMaxMs: 40_000,
    tabMaxMs: 60_000,
  });
  const dayEvents = Object.values(perDay.buckets).reduce((n, b) => n + b.events.length, 0);
  const days = Math.ceil(events / dayEvents);
  const firstDay = Date.UTC(2025, 0, 1) - days * DAY;
  const ids = Object.keys(perDay.buckets);
  // One bucket at a time, a day at a time, so that the generator never holds the whole export.
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let written = 0;
  await write('{"buckets": {');
  for (const [i, id] of ids.entries()) {
    const bucket = perDay.buckets[id]!;
    await write(
      `${i ? ',' : ''}${JSON.stringify(id)}: {"id": ${JSON.stringify(id)}, "type": ${JSON.stringify(bucket.type)}, "client": "${bucket.client}", "hostname": "laptop", "events": [`,
    );
    for (let d = 0; d < days; d++) {
      const day = generateAwExport({
        seed: d,
        startMs: firstDay + d * DAY,
        days: 1,
        windowMaxMs: 40_000,
        tabMaxMs: 60_000,
      });
      const list = day.buckets[id]!.events;
      written += list.length;
      await write(`${d && list.length ? ',' : ''}${list.map((e) => JSON.stringify(e)).join(',')}`);
    }
    await write(']}');
  }
  await write('}}');
  out.end();
  await once(out, 'finish');
  return written;
}

interface WorkerResult {
  ms: number;
  rssMiB: number;
  events: number;
}

function measure(
  mode: 'json-parse' | 'raw-inserts' | 'import',
  file: string,
  dir: string,
  events: number,
): WorkerResult {
  const result = spawnSync(process.execPath, [WORKER, mode, file, dir, String(events)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, TIMEAUDIT_LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as WorkerResult;
}

const wanted = numberOption('--events', 'BENCH_IMPORT_EVENTS', 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), 'ta-bench-import-'));
try {
  const file = path.join(dir, 'aw-export.json');
  process.stderr.write(`writing an ActivityWatch export of ~${wanted} events…\n`);
  const events = await writeExport(file, wanted);
  const mib = statSync(file).size / 2 ** 20;
  process.stderr.write(`${events} events, ${mib.toFixed(0)} MiB; measuring…\n`);
  const parse = measure('json-parse', file, dir, events);
  const inserts = measure('raw-inserts', file, dir, events);
  const imported = measure('import', file, dir, events);
  console.log(`\n== import of an ActivityWatch export: ${events} events, ${mib.toFixed(0)} MiB ==`);
  console.log(
    table([
      ['what', 'time', 'events/s', 'peak RSS'],
      [
        'JSON.parse of the whole file (baseline)',
        `${(parse.ms / 1000).toFixed(1)} s`,
        rate(events / (parse.ms / 1000)),
        `${parse.rssMiB.toFixed(0)} MiB`,
      ],
      [
        'bare INSERTs, one transaction (baseline)',
        `${(inserts.ms / 1000).toFixed(1)} s`,
        rate(inserts.events / (inserts.ms / 1000)),
        `${inserts.rssMiB.toFixed(0)} MiB`,
      ],
      [
        'timeaudit import activitywatch',
        `${(imported.ms / 1000).toFixed(1)} s`,
        rate(events / (imported.ms / 1000)),
        `${imported.rssMiB.toFixed(0)} MiB`,
      ],
    ]),
  );
  console.log(
    table([
      ['ratio', 'value', 'target'],
      ['import events/s', rate(events / (imported.ms / 1000)), '≥ 50,000/s'],
      ['import peak RSS', `${imported.rssMiB.toFixed(0)} MiB`, '≤ 300 MiB'],
      ['import time / JSON.parse time', ratio(imported.ms / parse.ms), ''],
      ['import peak RSS / JSON.parse peak RSS', ratio(imported.rssMiB / parse.rssMiB), ''],
      ['import time / bare INSERTs time', ratio(imported.ms / inserts.ms), ''],
    ]),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
