/**
 * `timeaudit import activitywatch FILE|-` and `timeaudit import timeaudit FILE|-`: brings history in. While the
 * daemon (or the desktop app) runs, the file is streamed to its API, the data folder's one writer; otherwise
 * the command takes the folder's lock and imports itself (app/cli/writer.ts), with the exclusions of the
 * folder's settings either way. A progress bar goes to stderr when it is a terminal; the summary to stdout.
 */
import { createReadStream, statSync } from 'node:fs';
import type { ImportSummary } from '../shared/api/index.ts';
import { createRedaction } from '../core/redaction.ts';
import { createExclusions } from '../core/exclusions.ts';
import { importActivityWatch } from '../db/import/activitywatch.ts';
import { importTimeAudit } from '../db/import/timeaudit.ts';
import { TooLargeError } from '../db/import/summary.ts';
import { IMPORT_LIMIT_BYTES } from '../shared/routes.ts';
import { Store } from '../db/store.ts';
import { databasePath } from './paths.ts';
import { formatBytes, ProgressBar } from './progress.ts';
import { loadSettings } from '../db/settings-file.ts';
import { claimWriter, viaDaemon } from './writer.ts';
import { databaseKey } from './database-key.ts';

export type ImportFormat = 'activitywatch' | 'timeaudit';

export interface ImportCommandOptions {
  dataDir: string;
  json?: boolean | undefined;
}

/** The file could not be read as asked (exit code 2). */
export class ImportArgumentError extends Error {}

/** The file's bytes (standard input for "-"), and its size when known. */
function open(file: string): { bytes: AsyncIterable<Uint8Array>; size: number | null } {
  if (file === '-') return { bytes: process.stdin, size: null };
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportArgumentError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportArgumentError) throw error;
    throw new ImportArgumentError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return { bytes: createReadStream(file, { highWaterMark: 256 * 1024 }), size };
}

/** Passes the bytes on, telling how many have gone by. */
async function* counted(
  bytes: AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  let n = 0;
  for await (const chunk of bytes) {
    n += chunk.length;
    onBytes(n);
    yield chunk;
  }
}

export async function importCommand(
  format: ImportFormat,
  file: string,
  opts: ImportCommandOptions,
): Promise<void> {
  const { bytes, size } = open(file);
  const bar = new ProgressBar(process.stderr, size);
  const writer = claimWriter(opts.dataDir, 'import');
  let summary: ImportSummary;
  try {
    if (writer.api) {
      const body = counted(bytes, (n) => bar.reading(n));
      const call =
        format === 'activitywatch'
          ? writer.api.importActivityWatch({ body })
          : writer.api.importTimeAudit({ body });
      bar.note('the running Time Audit stores it');
      summary = await viaDaemon(call);
    } else {
      const settings = loadSettings(opts.dataDir);
      // The titles it brings are redacted as the tracker's are (settings: privateApps, redactPatterns...).
      const store = Store.open({
        file: databasePath(opts.dataDir),
        key: databaseKey(opts.dataDir),
        redaction: createRedaction(settings),
      });
      try {
        const importer = format === 'activitywatch' ? importActivityWatch : importTimeAudit;
        summary = await importer(store, bytes, {
          now: Date.now,
          exclusions: createExclusions({ apps: settings.excludedApps, domains: settings.excludedDomains }),
          limitBytes: IMPORT_LIMIT_BYTES,
          onProgress: (p) => (p.phase === 'reading' ? bar.reading(p.done) : bar.storing(p.done)),
        });
      } catch (error) {
        if (error instanceof TooLargeError) throw new ImportArgumentError(error.message);
        throw error;
      } finally {
        store.close();
      }
    }
  } finally {
    bar.done();
    writer.lock?.release();
  }
  console.log(opts.json ? JSON.stringify(summary, null, 2) : describe(summary));
}

/** The summary as a person reads it: one line in all, then one per bucket (or source), with what was skipped. */
export function describe(summary: ImportSummary): string {
  const what = summary.format === 'activitywatch' ? 'ActivityWatch export' : 'Time Audit raw export';
  const lines = [
    `Imported ${summary.stored} new events from the ${what} (${formatBytes(summary.bytes)}, ${summary.events} events read; ` +
      `${summary.duplicates} already there, ${summary.skipped} skipped).`,
  ];
  for (const s of summary.sources) {
    lines.push(`  ${s.id} (${s.type}): ${s.events} read, ${s.stored} stored, ${s.duplicates} already there`);
    for (const k of s.skipped) lines.push(`    skipped ${k.count}: ${k.reason}`);
  }
  return lines.join('\n');
}
