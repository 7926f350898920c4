/**
 * `timeaudit sync` (push the session dataset to the team's bucket now), `timeaudit sync config` (its settings)
 * and `timeaudit sync status`. Like the other writing commands it goes through the running daemon or desktop
 * app when there is one, else takes the data folder for its run.
 */
import { DomainError } from '../core/errors.ts';
import { formatDuration } from '../shared/format.ts';
import type { SyncSettingsPatch, SyncStatus } from '../shared/api/sync.ts';
import { Store } from '../db/store.ts';
import { patchSyncSettings } from '../sync/settings-patch.ts';
import { SyncFailed, type SyncProgress } from '../sync/run.ts';
import { SyncService } from '../sync/service.ts';
import { createLogger } from '../core/logger.ts';
import { databasePath } from './paths.ts';
import { SettingsFile } from '../db/settings-file.ts';
import { claimWriter, viaDaemon } from './writer.ts';

const POLL_MS = 300;

type Counts = Omit<SyncProgress, 'total'> & { total?: number };

function progressLine(p: Counts): string {
  return `sync: ${p.checked}/${p.total ?? p.checked} days checked, ${p.uploaded} uploaded, ${p.deleted} deleted`;
}

/** One line on stderr, redrawn on a terminal; on a pipe only every 50 days and the last. */
function progressPrinter(): (p: Counts) => void {
  const tty = process.stderr.isTTY === true;
  return (p) => {
    if (tty) process.stderr.write(`\r${progressLine(p)}`);
    else if (p.checked % 50 === 0 || p.checked === (p.total ?? p.checked))
      process.stderr.write(`${progressLine(p)}\n`);
  };
}

function ensureReady(status: SyncStatus): void {
  if (!status.settings.bucket)
    throw new DomainError(
      'invalid',
      'team sync has no bucket: set one with `timeaudit sync config --bucket NAME`',
    );
  if (!status.settings.enabled)
    throw new DomainError('invalid', 'team sync is off: turn it on with `timeaudit sync config --enable`');
}

function summary(status: SyncStatus): string {
  const last = status.last;
  if (!last) return 'Not synced yet.';
  const when = `${last.at} (${formatDuration(Date.now() - Date.parse(last.at))} ago)`;
  return last.ok
    ? `Synced ${when}: ${last.checked} days checked, ${last.uploaded} uploaded, ${last.deleted} deleted; ` +
        `${status.days_synced} days in ${status.manifest}.`
    : `The last sync failed ${when}: ${last.error}`;
}

/** A local run with the folder's lock, or none: the writer decides. */
async function withService<T>(
  dataDir: string,
  work: (
    local: { service: SyncService; settings: SettingsFile } | null,
    api: ReturnType<typeof claimWriter>['api'],
  ) => Promise<T>,
): Promise<T> {
  const writer = claimWriter(dataDir, 'sync');
  if (writer.api) return work(null, writer.api);
  const store = Store.open({ file: databasePath(dataDir) });
  const settings = new SettingsFile(dataDir);
  try {
    const service = new SyncService({
      store,
      dataDir,
      tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
      settings: () => settings.get().sync,
      log: createLogger('sync'),
    });
    return await work({ service, settings }, null);
  } finally {
    store.close();
    writer.lock.release();
  }
}

export async function syncCommand(opts: { dataDir: string; json?: boolean }): Promise<void> {
  const status = await withService(opts.dataDir, async (local, api) => {
    const show = progressPrinter();
    if (local) {
      ensureReady(local.service.status());
      const run = local.service.run();
      // The service reports progress to its status; the command draws it.
      const timer = setInterval(() => {
        const running = local.service.status().running;
        if (running) show(running);
      }, POLL_MS);
      try {
        const outcome = await run;
        show(outcome);
      } finally {
        clearInterval(timer);
      }
      return local.service.status();
    }
    const client = api!;
    ensureReady(await viaDaemon(client.getSync({})));
    let seen = await viaDaemon(client.runSync({ body: {} }));
    while (seen.running) {
      show(seen.running);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      seen = await viaDaemon(client.getSync({}));
    }
    if (seen.last) show(seen.last);
    if (seen.last && !seen.last.ok) {
      const { checked, uploaded, deleted } = seen.last;
      throw new SyncFailed(
        `sync failed: ${seen.last.error}`,
        { total: checked, checked, uploaded, deleted },
        null,
      );
    }
    return seen;
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(opts.json ? JSON.stringify(status, null, 2) : summary(status));
}

export async function syncStatusCommand(opts: { dataDir: string; json?: boolean }): Promise<void> {
  const status = await withService(opts.dataDir, async (local, api) =>
    local ? local.service.status() : viaDaemon(api!.getSync({})),
  );
  if (opts.json) console.log(JSON.stringify(status, null, 2));
  else {
    const s = status.settings;
    console.log(
      `Team sync: ${s.enabled ? 'on' : 'off'}${s.bucket ? `, to ${status.manifest?.replace(/\/sessions\/_manifest\/.*$/, '')}` : ', no bucket'}` +
        `${s.endpoint ? ` at ${s.endpoint}` : ''} (region ${s.region}${s.profile ? `, profile ${s.profile}` : ''}), every ${s.interval_minutes} min; ` +
        `titles ${s.include_titles ? 'included' : 'left out'}; shown as ${s.display_name ?? status.user_id}.`,
    );
    console.log(summary(status));
  }
}

export async function syncConfigCommand(
  patch: SyncSettingsPatch,
  opts: { dataDir: string; json?: boolean },
): Promise<void> {
  const status = await withService(opts.dataDir, async (local, api) => {
    if (!local) return viaDaemon(api!.updateSyncSettings({ body: patch }));
    local.settings.update({ sync: patchSyncSettings(local.settings.get().sync, patch) });
    return local.service.status();
  });
  if (opts.json) console.log(JSON.stringify(status.settings, null, 2));
  else await syncStatusCommand({ dataDir: opts.dataDir });
}
