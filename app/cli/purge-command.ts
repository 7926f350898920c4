/**
 * `timeaudit purge`: deletes what was recorded of an app, a domain (with its subdomains), a range of time, or
 * everything, after saying what that is (events, entries, time) and asking. It cannot be undone, so it asks on
 * a terminal, where the answer must be typed out, and without one it refuses unless `--yes` says the question
 * was answered beforehand. Like `log`, it goes through the running daemon's API when one holds the data folder,
 * else it writes under the folder's lock; the backups in the data folder get the same purge either way.
 */
import { createInterface } from 'node:readline/promises';
import type { PurgeResult } from '../shared/api/index.ts';
import { formatDuration } from '../shared/format.ts';
import { describePurge, plural, purgesNothing } from '../shared/purge-text.ts';
import { createLogger } from '../core/logger.ts';
import { zoneFor } from '../core/zone.ts';
import { purgeEverywhere } from '../db/purge-copies.ts';
import { Store, type PurgeSelector } from '../db/store.ts';
import { purgePreviewWire, purgeResultWire } from '../server/handlers/data-purge.ts';
import { DateArgumentError, parseInstant, parseRangeEnd } from './dates.ts';
import { databasePath } from './paths.ts';
import { claimWriter, viaDaemon } from './writer.ts';
import { databaseKey } from './database-key.ts';

export interface PurgeOptions {
  dataDir: string;
  from?: string | undefined;
  to?: string | undefined;
  tz?: string | undefined;
  app?: string | undefined;
  domain?: string | undefined;
  all?: boolean | undefined;
  yes?: boolean | undefined;
  json?: boolean | undefined;
}

/** A purge asked for wrongly, or not confirmed (exit code 2: nothing was deleted). */
export class PurgeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PurgeRefusedError';
  }
}

const log = createLogger('purge');

/** The selector the options name: exactly one of a range, --app, --domain and --all. */
export function purgeSelectorOf(opts: PurgeOptions, nowMs: number): PurgeSelector {
  const ranged = opts.from !== undefined || opts.to !== undefined;
  const given = [ranged, opts.app !== undefined, opts.domain !== undefined, opts.all === true];
  if (given.filter(Boolean).length !== 1)
    throw new PurgeRefusedError('say what to delete: --from and --to, --app NAME, --domain NAME, or --all');
  if (opts.app !== undefined) return { kind: 'app', name: opts.app };
  if (opts.domain !== undefined) return { kind: 'domain', name: opts.domain };
  if (opts.all) return { kind: 'all' };
  if (opts.from === undefined || opts.to === undefined)
    throw new PurgeRefusedError('a range needs both --from and --to');
  const zone = zoneFor(opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const fromMs = parseInstant(opts.from, zone, nowMs);
  const toMs = parseRangeEnd(opts.to, zone, nowMs);
  if (toMs <= fromMs) throw new DateArgumentError('--to must not be before --from');
  return { kind: 'range', fromMs, toMs };
}

/** "the app Slack", "the domain example.com and its subdomains", "everything recorded", a range in ISO. */
function named(selector: PurgeSelector): string {
  switch (selector.kind) {
    case 'app':
      return `the app "${selector.name}"`;
    case 'domain':
      return `the domain ${selector.name} and its subdomains`;
    case 'all':
      return 'everything recorded';
    case 'range':
      return `everything recorded from ${new Date(selector.fromMs).toISOString()} to ${new Date(selector.toMs).toISOString()}`;
  }
}

/** Asks on the terminal; only "yes" typed out deletes. */
async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

export async function purgeCommand(opts: PurgeOptions, now = Date.now()): Promise<void> {
  const selector = purgeSelectorOf(opts, now);
  if (!opts.yes && !process.stdin.isTTY)
    throw new PurgeRefusedError(
      'deleting cannot be undone and there is no terminal to ask on: add --yes to delete without asking',
    );
  const writer = claimWriter(opts.dataDir, 'purge');
  try {
    const api = writer.api;
    const store = api
      ? null
      : Store.open({ file: databasePath(opts.dataDir), key: databaseKey(opts.dataDir) });
    try {
      const query = wireQuery(selector);
      const preview = api
        ? await viaDaemon(api.previewPurge({ query }))
        : purgePreviewWire((store as Store).previewPurge(selector));
      if (purgesNothing(preview)) {
        if (opts.json) console.log(JSON.stringify({ ...preview, deleted: false }, null, 2));
        else console.log(`Nothing is recorded for ${named(selector)}: nothing deleted.`);
        return;
      }
      const subjects = preview.subjects.map((s) => `${s.name} ${formatDuration(s.ms)}`).join(', ');
      const what = `${named(selector)}: ${describePurge(preview)}${subjects ? ` (${subjects})` : ''}`;
      if (!opts.yes && !(await confirmed(`Delete ${what}?\nThis cannot be undone. Type "yes" to delete: `)))
        throw new PurgeRefusedError('not confirmed: nothing deleted');
      const result: PurgeResult = api
        ? await viaDaemon(api.purgeData({ query }))
        : purgeResultWire(purgeEverywhere(store as Store, selector, log));
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else console.log(summary(selector, result));
      const failed = result.copies.filter((c) => !c.purged);
      if (failed.length > 0 || !result.file_clean) process.exitCode = 1;
    } finally {
      store?.close();
    }
  } finally {
    writer.lock?.release();
  }
}

function wireQuery(selector: PurgeSelector) {
  switch (selector.kind) {
    case 'app':
      return { app: selector.name };
    case 'domain':
      return { domain: selector.name };
    case 'all':
      return { all: 'true' as const };
    case 'range':
      return { from: new Date(selector.fromMs).toISOString(), to: new Date(selector.toMs).toISOString() };
  }
}

function summary(selector: PurgeSelector, r: PurgeResult): string {
  const lines = [`Deleted ${named(selector)}: ${describePurge(r)}.`];
  const purged = r.copies.filter((c) => c.purged).length;
  lines.push(
    r.file_clean
      ? `Its bytes are gone from the database file${purged > 0 ? ` and from ${plural(purged, 'backup')}` : ''}.`
      : 'Another process is reading the database: its WAL keeps the deleted bytes until that process is done.',
  );
  for (const c of r.copies.filter((x) => !x.purged))
    lines.push(
      `Could not purge ${c.file} (${c.error}); it may still hold what was deleted: delete it yourself.`,
    );
  return lines.join('\n');
}
