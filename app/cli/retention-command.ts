/**
 * `timeaudit retention`: what the saved retention settings (keepTitlesDays, keepEventsDays) blank and delete
 * now, and with `--apply` doing it, in steps with progress, on the database and its backups. A running daemon
 * (or the desktop app) applies retention itself, at start, each day and when the settings change: with one
 * holding the data folder this command shows its preview and leaves the work to it.
 */
import type { RetentionPreviewView } from '../shared/api/index.ts';
import { describeRetention } from '../shared/retention-text.ts';
import { createLogger } from '../core/logger.ts';
import { retentionCutoffs } from '../db/retention.ts';
import { runRetention } from '../db/retention-run.ts';
import { Store } from '../db/store.ts';
import { retentionPreviewWire } from '../server/handlers/retention.ts';
import { zoneFor } from '../core/zone.ts';
import { databasePath } from './paths.ts';
import { loadSettings } from '../db/settings-file.ts';
import { claimWriter, viaDaemon } from './writer.ts';

export interface RetentionOptions {
  dataDir: string;
  apply?: boolean | undefined;
  json?: boolean | undefined;
}

const log = createLogger('retention');

export async function retentionCommand(opts: RetentionOptions, nowMs = Date.now()): Promise<void> {
  const settings = loadSettings(opts.dataDir);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const policy = { keepTitlesDays: settings.keepTitlesDays, keepEventsDays: settings.keepEventsDays };
  const kept = (days: number | null) => (days === null ? 'all' : `${days} days`);
  const setting = `Retention settings: titles kept ${kept(policy.keepTitlesDays)}, events kept ${kept(policy.keepEventsDays)}.`;
  const writer = claimWriter(opts.dataDir, 'retention');
  try {
    const body = { keep_titles_days: policy.keepTitlesDays, keep_events_days: policy.keepEventsDays };
    if (writer.api) {
      const preview = await viaDaemon(writer.api.previewRetention({ body }));
      print(
        opts,
        preview,
        setting,
        'The running Time Audit applies it itself (at start, daily, on a change).',
      );
      return;
    }
    const store = Store.open({ file: databasePath(opts.dataDir) });
    try {
      const preview = retentionPreviewWire(store.previewRetention(retentionCutoffs(policy, nowMs, tz)));
      if (!opts.apply) {
        print(opts, preview, setting, 'Nothing changed: add --apply to do it.');
        return;
      }
      const run = await runRetention(store, policy, {
        nowMs,
        tz,
        log,
        onStep: (done) => {
          if (!opts.json) process.stderr.write(`\r${done.deleted} deleted, ${done.blanked} titles blanked…`);
        },
      });
      if (!opts.json) process.stderr.write('\n');
      const failed = run.copies.filter((c) => !c.purged);
      if (opts.json) console.log(JSON.stringify({ ...preview, applied: true, copies: run.copies }, null, 2));
      else {
        console.log(`${setting}\nDone: ${run.deleted} events deleted, ${run.blanked} titles blanked.`);
        console.log(`Backups brought in line: ${run.copies.length - failed.length} of ${run.copies.length}.`);
        for (const c of failed) if (!c.purged) console.log(`  could not change ${c.file}: ${c.error}`);
      }
      if (failed.length > 0 || run.scrubbed?.complete === false) process.exitCode = 1;
    } finally {
      store.close();
    }
  } finally {
    writer.lock?.release();
  }
}

function print(opts: RetentionOptions, preview: RetentionPreviewView, setting: string, after: string): void {
  if (opts.json) {
    console.log(JSON.stringify({ ...preview, applied: false }, null, 2));
    return;
  }
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const what = describeRetention(preview, (iso) => localDate(Date.parse(iso), tz));
  console.log(`${setting}\n${what ? `Retention will ${what}.` : 'Retention has nothing to remove now.'}`);
  if (what) console.log(after);
}

/** The local date of an instant in the zone, YYYY-MM-DD. */
function localDate(ms: number, tz: string): string {
  const day = zoneFor(tz).localDay(ms);
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
