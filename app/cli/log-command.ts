/**
 * `timeaudit log`: activities logged by hand ("I was at the gym 18:00–19:00"), listed, edited and deleted.
 * Like `report` it opens the store directly, so it works whether or not the daemon runs: SQLite (WAL, a busy
 * timeout) lets both write, the change is rolled up before this process exits, and the daemon reads the
 * database on every report, so its next report counts the entry.
 */
import type { Category } from '../shared/report.ts';
import type { ManualEntry } from '../shared/planning.ts';
import { formatDuration } from '../shared/format.ts';
import { sameName } from '../shared/names.ts';
import { wallClock } from '../core/wall-clock.ts';
import { zoneFor, type Zone } from '../core/zone.ts';
import { Store, type ManualEntryChange } from '../db/store.ts';
import { LogArgumentError, parseDuration, parseEntryId, parseLocalTime } from './log-times.ts';
import { databasePath } from './paths.ts';
import { table } from './report-table.ts';

export { LogArgumentError };

interface CommonOptions {
  dataDir: string;
  tz?: string | undefined;
  json?: boolean | undefined;
}

export interface LogAddOptions extends CommonOptions {
  category: string;
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
function withStore<T>(opts: CommonOptions, now: number, work: (store: Store) => T): T {
  const store = Store.open({ file: databasePath(opts.dataDir), now: () => now });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

/** `timeaudit log LABEL --category C --from … (--to … | --duration …)`. */
export function logAddCommand(label: string, opts: LogAddOptions, now = Date.now()): void {
  const zone = zoneOf(opts);
  const { startMs, endMs } = newInterval(opts, zone, now);
  withStore(opts, now, (store) => {
    const category = knownCategory(store.listCategories(), opts.category);
    const entry = store.createManualEntry({ label, category, startMs, endMs, note: opts.note }, zone.name);
    print(opts, entry, `Logged ${describe(entry, zone)}`);
  });
}

/** `timeaudit log list [--from … --to …]`: the entries overlapping the range, by default the last 7 days. */
export function logListCommand(opts: LogListOptions, now = Date.now()): void {
  const zone = zoneOf(opts);
  const today = zone.localDay(now);
  const fromMs =
    opts.from === undefined ? zone.dayStart(today - 6) : parseLocalTime('--from', opts.from, zone, now);
  const toMs = opts.to === undefined ? zone.dayStart(today + 1) : parseLocalTime('--to', opts.to, zone, now);
  if (toMs <= fromMs) throw new LogArgumentError('--to must be after --from');
  withStore(opts, now, (store) => {
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
export function logEditCommand(idText: string, opts: LogEditOptions, now = Date.now()): void {
  const id = parseEntryId(idText);
  const zone = zoneOf(opts);
  if (opts.to !== undefined && opts.duration !== undefined)
    throw new LogArgumentError('give --to or --duration, not both');
  withStore(opts, now, (store) => {
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
    const entry = store.updateManualEntry(id, change, zone.name);
    print(opts, entry, `Updated ${describe(entry, zone)}`);
  });
}

/** `timeaudit log delete ID`. */
export function logDeleteCommand(idText: string, opts: CommonOptions, now = Date.now()): void {
  const id = parseEntryId(idText);
  const zone = zoneOf(opts);
  withStore(opts, now, (store) => {
    const entry = store.getManualEntry(id);
    const deleted = store.deleteManualEntry(id);
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
