/**
 * One sync: each local day with counted time, and each day the manifest names, is built as Parquet and
 * compared with what the manifest says is current; only a changed day is uploaded. Then the manifest, then
 * the objects no longer named are deleted. That order keeps the bucket right whenever it stops:
 *
 * ```
 * upload day objects ──▶ write manifest ──▶ delete objects it no longer names
 *      stop here: new objects unnamed (ignored by readers, deleted by the next run), old manifest still true
 *                        stop here: the manifest names only the new objects; the old ones wait for deletion
 * ```
 *
 * A long sync writes the manifest every few uploads too, so a run cut short resumes after what it uploaded.
 * Team reports read only the objects a manifest names: a day is never counted twice, nor lost.
 */
import type { Store } from '../db/store.ts';
import { SESSIONS_SCHEMA_VERSION } from '../shared/api/data-export.ts';
import { zoneFor } from '../core/zone.ts';
import { buildDay, datesBetween } from './day-files.ts';
import { dayKey, manifestKey, sessionsRoot } from './layout.ts';
import { emptyManifest, manifestBytes, parseManifest, type Manifest } from './manifest.ts';
import type { ObjectStore } from './objects.ts';
import { withRetry, type RetryPolicy } from './retry.ts';
import type { SyncOutcome, SyncStateFile } from './state.ts';

export interface SyncProgress {
  /** Days to check in all, and so far. */
  total: number;
  checked: number;
  uploaded: number;
  deleted: number;
}

export interface SyncRunOptions {
  store: Store;
  objects: ObjectStore;
  /** Names the bucket, prefix and endpoint: the local state belongs to one target. */
  target: string;
  prefix: string;
  tz: string;
  titles: boolean;
  displayName: string | null;
  state: SyncStateFile;
  retry: RetryPolicy;
  onProgress?: (progress: SyncProgress) => void;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Changed days uploaded between two writes of the manifest. */
  checkpointEvery?: number;
  now?: () => number;
}

export class SyncFailed extends Error {
  readonly progress: SyncProgress;
  constructor(message: string, progress: SyncProgress, cause: unknown) {
    super(message, { cause });
    this.name = 'SyncFailed';
    this.progress = progress;
  }
}

const PARQUET = 'application/vnd.apache.parquet';

/** Runs one sync; records its outcome in the state file either way. */
export async function runSync(options: SyncRunOptions): Promise<SyncOutcome> {
  const now = options.now ?? Date.now;
  const progress: SyncProgress = { total: 0, checked: 0, uploaded: 0, deleted: 0 };
  const record = (ok: boolean, error: string | null): SyncOutcome => {
    const outcome = { at: new Date(now()).toISOString(), ok, error, ...progress };
    options.state.update((s) => ({ ...s, last: outcome, lastSuccess: ok ? outcome : s.lastSuccess }));
    return outcome;
  };
  try {
    await syncDays(options, progress, now);
    return record(true, null);
  } catch (error) {
    const reason = describe(error);
    record(false, reason);
    throw new SyncFailed(`sync to ${options.objects.where} failed: ${reason}`, { ...progress }, error);
  }
}

async function syncDays(options: SyncRunOptions, progress: SyncProgress, now: () => number): Promise<void> {
  const { store, objects, prefix, tz, titles, state } = options;
  const retry = <T>(work: () => Promise<T>) => withRetry(work, options.retry, options.onRetry);
  const report = () => options.onProgress?.({ ...progress });
  const userId = store.userId();
  const manifestAt = manifestKey(prefix, userId);

  // What is current: the manifest this installation last wrote there, else the bucket's own.
  let current = state.manifestFor(options.target);
  let firstManifest = false;
  if (!current) {
    const stored = await retry(() => objects.get(manifestAt));
    firstManifest = stored === null;
    current = stored ? parseManifest(stored, manifestAt) : emptyManifest(userId, tz);
  }
  const next: Manifest = {
    ...current,
    schema_version: SESSIONS_SCHEMA_VERSION,
    user_id: userId,
    display_name: options.displayName,
    tz,
    titles,
    days: { ...current.days },
  };
  const writeManifest = async () => {
    next.last_sync = new Date(now()).toISOString();
    await retry(() => objects.put(manifestAt, manifestBytes(next), 'application/json'));
    state.update((s) => ({ ...s, target: options.target, manifest: structuredClone(next) }));
  };

  const span = store.countedSpan();
  const dates = new Set(span ? datesBetween(tz, span.fromMs, span.toMs) : []);
  for (const date of Object.keys(current.days)) dates.add(date);
  const ordered = [...dates].sort();
  progress.total = ordered.length;
  report();

  const zone = zoneFor(tz);
  const checkpointEvery = options.checkpointEvery ?? 25;
  let unsaved = 0;
  for (const date of ordered) {
    const file = await buildDay(store, zone, tz, date, titles);
    const known = next.days[date];
    if (file.rows === 0) {
      if (known) {
        delete next.days[date];
        unsaved++;
      }
    } else if (known?.sha256 !== file.sha256) {
      const key = dayKey(prefix, userId, date, file.sha256);
      await retry(() => objects.put(key, file.bytes, PARQUET));
      next.days[date] = { key, sha256: file.sha256, rows: file.rows, bytes: file.bytes.length };
      progress.uploaded++;
      unsaved++;
    }
    progress.checked++;
    report();
    if (unsaved >= checkpointEvery) {
      await writeManifest();
      unsaved = 0;
    }
    // Reading a day is synchronous: the daemon answers between days.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (unsaved > 0 || firstManifest || !sameContent(current, next)) await writeManifest();
  else state.update((s) => ({ ...s, target: options.target, manifest: structuredClone(next) }));

  // Only now may an object the manifest stopped naming go (and any left by a run that stopped early).
  const named = new Set(Object.values(next.days).map((d) => d.key));
  const listed = await retry(() => objects.list(`${sessionsRoot(prefix)}/user_id=${userId}/`));
  const stale = listed.map((o) => o.key).filter((key) => !named.has(key));
  for (const key of stale) {
    await retry(() => objects.delete([key]));
    progress.deleted++;
    report();
  }
}

/** Whether two manifests say the same but for the time of the sync. */
function sameContent(a: Manifest, b: Manifest): boolean {
  return manifestBytes({ ...a, last_sync: '' }).equals(manifestBytes({ ...b, last_sync: '' }));
}

function describe(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e?.$metadata?.httpStatusCode;
  const what = e?.message || e?.code || e?.name || String(error);
  if (e?.name === 'CredentialsProviderError')
    return `no AWS credentials found (environment, ~/.aws/credentials or the profile): ${what}`;
  return status ? `${what} (HTTP ${status})` : what;
}
