/**
 * `timeaudit log`: activities logged by hand ("I was at the gym 18:00–19:00"), listed, edited and deleted.
 * It works whether or not the daemon runs: a change goes through the running daemon's (or desktop app's) API,
 * the data folder's one writer, or, when none runs, is written here under the folder's lock (app/cli/writer.ts);
 * either way the output and the exit code are the same. Reads (the categories, an entry, the list) come from
 * the database directly, which SQLite's WAL allows while another process writes.
 */
import type { Category } from '../shared/report.ts';
import type { Deleted } from '../shared/api/index.ts';
import type { ManualEntry } from '../shared/planning.ts';
import { formatDuration } from '../shared/format.ts';
import { sameName } from '../shared/names.ts';
import type { ApiClient } from '../shared/client.ts';
import { wallClock } from '../core/wall-clock.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import { Store, type ManualEntryChange, type ManualEntryInput } from '../db/store.ts';
import { LogArgumentError, parseDuration, parseEntryId, parseLocalTime } from './log-times.ts';
import { isWholeDay, parseRangeEnd } from './dates.ts';
import { databasePath } from './paths.ts';
import { table } from './report-table.ts';
import { claimWriter, viaDaemon } from './writer.ts';
import { databaseKey } from './database-key.ts';

export { LogArgumentError };

interface CommonOptions {
  dataDir: string;
  tz?: string | undefined;
  json?: boolean | undefined;
}

export interface LogAddOptions extends CommonOptions {
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  duration?: string | undefined;
  note?: string | undefined;
}

export interface LogListOptions extends CommonOptions {
  from?: string | undefined;
  to?: string | undefined;
}

export interface LogEditOptions extends CommonOptions {
  label?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  duration?: string | undefined;
  note?: string | undefined;
}

/** --tz, else this machine's zone; an unknown zone is an error before anything is opened. */
const zoneOf = (opts: CommonOptions): Zone =>
  zoneFor(opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

/** Runs `work` on the store of --data-dir, closed (and its rollups brought up to date) whatever happens. */
async function withStore<T>(
  opts: CommonOptions,
  now: number,
  work: (store: Store) => T | Promise<T>,
): Promise<T> {
  const store = Store.open({
    file: databasePath(opts.dataDir),
    key: databaseKey(opts.dataDir),
    now: () => now,
  });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

/** What `log` changes, said once for both of its writers. Times in error messages read in `tz`. */
interface ManualWrites {
  /** `log add` always names the category (the API requires one). */
  create(input: ManualEntryInput & { category: string }, tz: string): Promise<ManualEntry>;
  update(id: number, change: ManualEntryChange, tz: string): Promise<ManualEntry>;
  remove(id: number): Promise<Deleted>;
}

const storeWrites = (store: Store): ManualWrites => ({
  create: async (input, tz) => store.createManualEntry(input, tz),
  update: async (id, change, tz) => store.updateManualEntry(id, change, tz),
  remove: async (id) => store.deleteManualEntry(id),
});

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

const apiWrites = (api: ApiClient): ManualWrites => ({
  create: (input, tz) =>
    viaDaemon(
      api.createManualEntry({
        query: { tz },
        body: {
          label: input.label,
          category: input.category,
          start: new Date(input.startMs).toISOString(),
          end: new Date(input.endMs).toISOString(),
          note: input.note,
        },
      }),
    ),
  update: (id, change, tz) =>
    viaDaemon(
      api.updateManualEntry({
        params: { id },
        query: { tz },
        body: {
          label: change.label,
          category: change.category,
          start: iso(change.startMs),
          end: iso(change.endMs),
          note: change.note,
        },
      }),
    ),
  remove: (id) => viaDaemon(api.deleteManualEntry({ params: { id } })),
});

/**
 * Runs a change: `work` reads from the store and writes through the running daemon, or, when none runs,
 * through the same store under the data folder's lock, held until the store is closed.
 */
async function withWriter<T>(
  opts: CommonOptions,
  now: number,
  work: (store: Store, writes: ManualWrites) => Promise<T>,
): Promise<T> {
  const writer = claimWriter(opts.dataDir, 'log');
  try {
    return await withStore(opts, now, (store) =>
      work(store, writer.api ? apiWrites(writer.api) : storeWrites(store)),
    );
  } finally {
    writer.lock?.release();
  }
}

/** `timeaudit log` alone lists (as `log list`); with a label it logs (as `log add`). */
export async function logCommand(
  label: string | undefined,
  opts: LogAddOptions,
  now = Date.now(),
): Promise<void> {
  if (label !== undefined) return logAddCommand(label, opts, now);
  if (opts.category !== undefined || opts.duration !== undefined || opts.note !== undefined)
    throw new LogArgumentError(
      'what did you do? give a label: timeaudit log "Gym" --category Sport --from 18:00 --to 19:00',
    );
  return logListCommand(opts, now);
}

/** `timeaudit log LABEL --category C --from … (--to … | --duration …)`. */
export async function logAddCommand(label: string, opts: LogAddOptions, now = Date.now()): Promise<void> {
  const zone = zoneOf(opts);
  const { startMs, endMs } = newInterval(opts, zone, now);
  await withWriter(opts, now, async (store, writes) => {
    const categories = store.listCategories();
    if (opts.category === undefined)
      throw new LogArgumentError(
        `give --category NAME${categories.length === 0 ? '' : ` (${categories.map((c) => c.name).join(', ')})`}`,
      );
    const category = knownCategory(categories, opts.category);
    const entry = await writes.create({ label, category, startMs, endMs, note: opts.note }, zone.name);
    print(opts, entry, `Logged ${describe(entry, zone)}`);
  });
}

/** `timeaudit log list [--from … --to …]`: the entries overlapping the range, by default the last 7 days. */
export async function logListCommand(opts: LogListOptions, now = Date.now()): Promise<void> {
  const zone = zoneOf(opts);
  const today = zone.localDay(now);
  const fromMs =
    opts.from === undefined ? zone.dayStart(today - 6) : parseLocalTime('--from', opts.from, zone, now);
  // A date as --to is included whole (as in `report`); a time of day or an instant is where the range ends.
  const toMs =
    opts.to === undefined
      ? zone.dayStart(today + 1)
      : isWholeDay(opts.to)
        ? parseRangeEnd(opts.to, zone, now)
        : parseLocalTime('--to', opts.to, zone, now);
  if (toMs <= fromMs) throw new LogArgumentError('--to must be after --from');
  await withStore(opts, now, (store) => {
    const entries = store.listManualEntries(fromMs, toMs);
    if (opts.json) console.log(JSON.stringify(entries, null, 2));
    else
      console.log(
        entries.length === 0
          ? `No entries logged by hand in this range (${zone.name}).`
          : listTable(entries, zone),
      );
  });
}

/** `timeaudit log edit ID [--label …] [--category …] [--from …] [--to … | --duration …] [--note …]`. */
export async function logEditCommand(idText: string, opts: LogEditOptions, now = Date.now()): Promise<void> {
  const id = parseEntryId(idText);
  const zone = zoneOf(opts);
  if (opts.to !== undefined && opts.duration !== undefined)
    throw new LogArgumentError('give --to or --duration, not both');
  await withWriter(opts, now, async (store, writes) => {
    const current = store.getManualEntry(id);
    const change: ManualEntryChange = { label: opts.label, note: opts.note };
    if (opts.category !== undefined) change.category = knownCategory(store.listCategories(), opts.category);
    // A time of day alone is on the entry's own day: `--to 19:30` moves the end of yesterday's entry.
    const startMs = Date.parse(current.start);
    const day = zone.localDay(startMs);
    if (opts.from !== undefined) change.startMs = parseLocalTime('--from', opts.from, zone, now, day);
    const toDay = change.startMs === undefined ? day : zone.localDay(change.startMs);
    if (opts.to !== undefined) change.endMs = parseLocalTime('--to', opts.to, zone, now, toDay);
    if (opts.duration !== undefined)
      change.endMs = (change.startMs ?? startMs) + parseDuration(opts.duration);
    if (Object.values(change).every((v) => v === undefined))
      throw new LogArgumentError(
        'nothing to change: give --label, --category, --from, --to, --duration or --note',
      );
    const entry = await writes.update(id, change, zone.name);
    print(opts, entry, `Updated ${describe(entry, zone)}`);
  });
}

/** `timeaudit log delete ID`. */
export async function logDeleteCommand(idText: string, opts: CommonOptions, now = Date.now()): Promise<void> {
  const id = parseEntryId(idText);
  const zone = zoneOf(opts);
  await withWriter(opts, now, async (store, writes) => {
    const entry = store.getManualEntry(id);
    const deleted = await writes.remove(id);
    if (opts.json) console.log(JSON.stringify(deleted, null, 2));
    else console.log(`Deleted ${describe(entry, zone)}`);
  });
}

/**
 * The interval of a new entry: --from with --to or --duration, or --duration alone (ending at --to or now).
 * A time of day alone is today, except a --to after --from: that one is on the day the entry starts.
 */
function newInterval(opts: LogAddOptions, zone: Zone, now: number): { startMs: number; endMs: number } {
  if (opts.from !== undefined && opts.to !== undefined && opts.duration !== undefined)
    throw new LogArgumentError('give --to or --duration, not both');
  const duration = opts.duration === undefined ? undefined : parseDuration(opts.duration);
  const from = opts.from === undefined ? undefined : parseLocalTime('--from', opts.from, zone, now);
  // `--from "2026-11-21 18:00" --to 19:00`: a time of day alone ends on the day the entry starts.
  const toDay = from === undefined ? undefined : zone.localDay(from);
  const to = opts.to === undefined ? undefined : parseLocalTime('--to', opts.to, zone, now, toDay);
  if (from !== undefined) {
    if (to !== undefined) return { startMs: from, endMs: to };
    if (duration !== undefined) return { startMs: from, endMs: from + duration };
    throw new LogArgumentError('give --to or --duration after --from (e.g. --from 18:00 --to 19:00)');
  }
  if (duration !== undefined) {
    const endMs = to ?? now;
    return { startMs: endMs - duration, endMs };
  }
  throw new LogArgumentError(
    'give --from and --to (or --duration), e.g. --from "2026-11-21 18:00" --to 19:00',
  );
}

/** The category's own name; an unknown one is an error listing the existing ones (none is made silently). */
function knownCategory(categories: Category[], name: string): string {
  const found = categories.find((c) => sameName(c.name, name.trim()));
  if (found) return found.name;
  const names = categories.map((c) => c.name).join(', ');
  throw new LogArgumentError(
    names.length === 0
      ? `there is no category named "${name}", nor any other yet: create one in the dashboard first`
      : `there is no category named "${name}"; the categories are: ${names}`,
  );
}

function print(opts: CommonOptions, entry: ManualEntry, text: string): void {
  console.log(opts.json ? JSON.stringify(entry, null, 2) : text);
}

/** Date, "18:00–19:00" (with "+1d" when it ends on a later day) and duration, on the zone's clock. */
function when(entry: ManualEntry, zone: Zone): { date: string; time: string; duration: string } {
  const startMs = Date.parse(entry.start);
  const endMs = Date.parse(entry.end);
  const a = wallClock(zone, startMs);
  const b = wallClock(zone, endMs);
  const days = Math.round((Date.parse(b.date) - Date.parse(a.date)) / 86_400_000);
  return {
    date: a.date,
    time: `${a.time}–${b.time}${days > 0 ? ` +${days}d` : ''}`,
    duration: formatDuration(endMs - startMs),
  };
}

/** "#3 Gym (Sport) 2026-11-21 18:00–19:00 Europe/Paris, 1h — legs". */
function describe(entry: ManualEntry, zone: Zone): string {
  const w = when(entry, zone);
  const category = entry.category ?? 'no category';
  const note = entry.note ? ` — ${entry.note}` : '';
  return `#${entry.id} ${entry.label} (${category}) ${w.date} ${w.time} ${zone.name}, ${w.duration}${note}`;
}

function listTable(entries: ManualEntry[], zone: Zone): string {
  const rows = entries.map((e) => {
    const w = when(e, zone);
    return [String(e.id), w.date, w.time, w.duration, e.label, e.category ?? '—', e.note];
  });
  const total = entries.reduce((sum, e) => sum + Date.parse(e.end) - Date.parse(e.start), 0);
  return [
    table(['id', 'date', 'time', 'duration', 'label', 'category', 'note'], rows, [0, 3]),
    '',
    `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, ${formatDuration(total)} (times in ${zone.name})`,
  ].join('\n');
}
