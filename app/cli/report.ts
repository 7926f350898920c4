/** `timeaudit report`: reads the store directly, so it works whether or not the daemon is running. */
import { Store } from '../db/store.ts';
import { zoneFor } from '../core/zone.ts';
import { DateArgumentError, parseInstant } from './dates.ts';
import { databasePath } from './paths.ts';
import { formatReport } from './report-table.ts';

export interface ReportOptions {
  dataDir: string;
  from: string;
  to: string;
  tz?: string;
  limit?: number;
  json?: boolean;
}

export function reportCommand(opts: ReportOptions): void {
  const tz = opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = zoneFor(tz);
  const now = Date.now();
  const fromMs = parseInstant(opts.from, zone, now);
  const toMs = parseInstant(opts.to, zone, now);
  if (toMs <= fromMs)
    throw new DateArgumentError(`--to (${new Date(toMs).toISOString()}) must be after --from`);
  const store = Store.open({ file: databasePath(opts.dataDir) });
  try {
    const report = store.report({ fromMs, toMs, tz, limit: opts.limit });
    console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } finally {
    store.close();
  }
}
