/**
 * `timeaudit team report --source s3://bucket/prefix | DIR --from --to --tz`: the team's views over the synced
 * dataset (app/sync/team-report.ts, DuckDB), per person and for the team.
 */
import os from 'node:os';
import path from 'node:path';
import { formatDuration, formatShare } from '../shared/format.ts';
import { DEFAULT_SYNC_SETTINGS } from '../shared/sync-settings.ts';
import { zoneFor } from '../core/zone.ts';
import { parseSource } from '../sync/layout.ts';
import { FolderObjects, type ObjectStore } from '../sync/objects.ts';
import { S3Objects } from '../sync/s3-objects.ts';
import { teamReport, type Row, type TeamReport } from '../sync/team-report.ts';
import { table } from './report-table.ts';

export interface TeamReportOptions {
  source: string;
  from: string;
  to: string;
  tz?: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  cache?: string;
  json?: boolean;
}

const PRODUCTIVITIES = ['productive', 'neutral', 'unproductive', 'uncategorized'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function objectsFor(opts: TeamReportOptions): { objects: ObjectStore; prefix: string; close: () => void } {
  const source = parseSource(opts.source);
  if (source.kind === 'dir') return { objects: new FolderObjects(source.dir), prefix: '', close: () => {} };
  const s3 = new S3Objects(
    {
      bucket: source.bucket,
      region: opts.region ?? DEFAULT_SYNC_SETTINGS.region,
      endpoint: opts.endpoint,
      profile: opts.profile,
    },
    opts.source,
  );
  return { objects: s3, prefix: source.prefix, close: () => s3.close() };
}

export async function teamReportCommand(opts: TeamReportOptions): Promise<void> {
  const tz = opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  zoneFor(tz); // an unknown zone is refused before anything is fetched
  const { objects, prefix, close } = objectsFor(opts);
  const cacheDir = opts.cache ?? path.join(os.homedir(), '.cache', 'timeaudit', 'team');
  try {
    const report = await teamReport({
      objects,
      prefix,
      from: opts.from,
      to: opts.to,
      tz,
      cacheDir,
      onProgress: (fetched, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\rteam report: ${fetched}/${total} day files`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(opts.json ? JSON.stringify(report, null, 2) : formatTeamReport(report));
  } finally {
    close();
  }
}

const ms = (r: Row | undefined) => Number(r?.ms ?? 0);

function section(report: TeamReport, userId: string | null, name: string): string {
  const mine = (rows: Row[]) => rows.filter((r) => r.user_id === userId);
  const allocation = mine(report.views.allocation);
  const total = allocation.reduce((s, r) => s + ms(r), 0);
  const out = [`== ${name}: ${formatDuration(total)}`];
  if (total === 0) return out.join('\n');
  out.push(
    table(
      ['productivity', 'time', 'share'],
      PRODUCTIVITIES.map((p) => {
        const t = ms(allocation.find((r) => r.productivity === p));
        return [p, formatDuration(t), formatShare(t, total)];
      }),
      [1, 2],
    ),
  );
  const byHour = new Map<number, number>();
  for (const r of mine(report.views.time_of_day))
    byHour.set(Number(r.hour), (byHour.get(Number(r.hour)) ?? 0) + ms(r));
  out.push(
    `Time of day (${report.tz}): ` +
      [...byHour.entries()]
        .sort(([a], [b]) => a - b)
        .map(([h, t]) => `${String(h).padStart(2, '0')}h ${formatDuration(t)}`)
        .join(', '),
  );
  const byDay = new Map<number, number>();
  for (const r of mine(report.views.day_of_week))
    byDay.set(Number(r.weekday), (byDay.get(Number(r.weekday)) ?? 0) + ms(r));
  out.push(
    'Day of week: ' +
      [...byDay.entries()]
        .sort(([a], [b]) => a - b)
        .map(([d, t]) => `${WEEKDAYS[d - 1]} ${formatDuration(t)}`)
        .join(', '),
  );
  const categories = mine(report.views.categories).slice(0, 10);
  out.push(
    table(
      ['category', 'productivity', 'time'],
      categories.map((r) => [String(r.category ?? '(none)'), String(r.productivity), formatDuration(ms(r))]),
      [2],
    ),
  );
  const domains = mine(report.views.top_domains);
  if (domains.length > 0)
    out.push(
      table(
        ['top domain', 'category', 'time'],
        domains.map((r) => [String(r.domain), String(r.category ?? '—'), formatDuration(ms(r))]),
        [2],
      ),
    );
  const shrinkage = mine(report.views.shrinkage);
  if (shrinkage.length > 0)
    out.push(
      table(
        ['top shrinkage', 'kind', 'category', 'time'],
        shrinkage.map((r) => [
          String(r.subject),
          String(r.subject_kind),
          String(r.category ?? '—'),
          formatDuration(ms(r)),
        ]),
        [3],
      ),
    );
  return out.join('\n\n');
}

export function formatTeamReport(report: TeamReport): string {
  const n = report.people.length;
  const head = `Team report ${report.from} – ${report.to} (local days of each person), ${n} ${n === 1 ? 'person' : 'people'}`;
  if (report.people.length === 0) return `${head}: no manifest found under the source.`;
  const people = report.people.map((p) =>
    section(report, p.userId, `${p.displayName ?? p.userId} (last sync ${p.lastSync}, ${p.tz})`),
  );
  return [head, ...people, section(report, null, 'Team')].join('\n\n');
}
