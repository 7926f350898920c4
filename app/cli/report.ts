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
    if (opts.json) {
      console.log(JSON.stringify(store.report({ fromMs, toMs, tz, limit: opts.limit }), null, 2));
      return;
    }
    // Every subject, so that the header can say how many there are ("Top 5 of 85 subjects").
    const report = store.report({ fromMs, toMs, tz });
    const goals = store.listGoals(tz);
    console.log(formatReport(report, { subjectCount: report.subjects.length, goals, top: opts.limit ?? 15 }));
  } finally {
    store.close();
  }
}
