/** `timeaudit report`: reads the store directly, so it works whether or not the daemon is running. */
import { Store } from '../db/store.ts';
import { rangeArguments } from './dates.ts';
import { databasePath } from './paths.ts';
import { formatReport } from './report-table.ts';
import { databaseKey } from './database-key.ts';

export interface ReportOptions {
  dataDir: string;
  from: string;
  to: string;
  tz?: string;
  limit?: number;
  json?: boolean;
}

export function reportCommand(opts: ReportOptions): void {
  const { tz, fromMs, toMs } = rangeArguments(opts);
  const store = Store.open({ file: databasePath(opts.dataDir), key: databaseKey(opts.dataDir) });
  try {
    const report = store.report({ fromMs, toMs, tz, limit: opts.limit });
    console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } finally {
    store.close();
  }
}
