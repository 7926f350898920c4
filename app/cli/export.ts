/**
 * `timeaudit export`: the session dataset (or with --raw the stored events) of a range, to stdout or a file.
 * It reads the store directly, like `report`, so it works whether or not the daemon runs, and it writes the
 * same bytes as GET /v1/export. A file is written under a temporary name and renamed once complete, so a
 * failed export never leaves a file that looks whole.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_FORMATS, RAW_EXPORT_FORMATS, type ExportFormat } from '../shared/api/data-export.ts';
import { Store } from '../db/store.ts';
import { exportDownload } from '../server/export/download.ts';
import { rangeArguments } from './dates.ts';
import { databasePath } from './paths.ts';
import { databaseKey } from './database-key.ts';

export class ExportArgumentError extends Error {}

export interface ExportOptions {
  dataDir: string;
  from: string;
  to: string;
  tz?: string;
  format?: string;
  out?: string;
  titles?: boolean;
  raw?: boolean;
}

function formatOf(opts: ExportOptions): ExportFormat | undefined {
  if (opts.format === undefined) return undefined;
  const format = EXPORT_FORMATS.find((f) => f === opts.format);
  if (!format) throw new ExportArgumentError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (opts.raw && !(RAW_EXPORT_FORMATS as readonly string[]).includes(format))
    throw new ExportArgumentError(
      `--raw exports events as ${RAW_EXPORT_FORMATS.join(' or ')}, not ${format}`,
    );
  if (format === 'parquet' && !opts.out && process.stdout.isTTY)
    throw new ExportArgumentError('Parquet is binary: write it to a file with --out FILE');
  return format;
}

export async function exportCommand(opts: ExportOptions): Promise<void> {
  const format = formatOf(opts);
  const { tz, fromMs, toMs } = rangeArguments(opts);
  const store = Store.open({ file: databasePath(opts.dataDir), key: databaseKey(opts.dataDir) });
  try {
    const download = exportDownload(store, {
      fromMs,
      toMs,
      tz,
      format,
      titles: opts.titles ?? false,
      raw: opts.raw ?? false,
    });
    const source = Readable.from(download.body, { objectMode: false });
    if (opts.out) await toFile(source, opts.out);
    else await toStdout(source);
  } finally {
    store.close();
  }
}

async function toFile(source: Readable, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    // The export holds what the user did and when: readable by them alone, like the data folder.
    await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

async function toStdout(source: Readable): Promise<void> {
  try {
    await pipeline(source, process.stdout as Writable, { end: false });
  } catch (error) {
    // A reader that stopped early (`| head`) is not a failure of the export.
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}
