/** The `sync` and `team` commands of `timeaudit`, added to the program by main.ts. */
import { InvalidArgumentError, type Command } from 'commander';
import { SYNC_INTERVAL_LIMITS } from '../shared/sync-settings.ts';
import type { SyncSettingsPatch } from '../shared/api/sync.ts';

type DataDirOption = readonly [string, string];

const minutes = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < SYNC_INTERVAL_LIMITS.min || n > SYNC_INTERVAL_LIMITS.max)
    throw new InvalidArgumentError(
      `--interval must be a whole number of minutes from ${SYNC_INTERVAL_LIMITS.min} to ${SYNC_INTERVAL_LIMITS.max}`,
    );
  return n;
};
/** "" clears an optional text setting. */
const orNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);

export function addSyncCommands(
  program: Command,
  dataDirOption: DataDirOption,
  dataDir: (flag: string | undefined) => string,
): void {
  const sync = program
    .command('sync')
    .description("push the session dataset to the team's S3 bucket now (only the days that changed)")
    .option(...dataDirOption)
    .option('--json', 'print the status as JSON, as the API answers it')
    .addHelpText(
      'after',
      '\nSet it up first: timeaudit sync config --enable --bucket NAME [--prefix P] [--endpoint URL]',
    )
    .action(async (opts) =>
      (await import('./sync-command.ts')).syncCommand({ dataDir: dataDir(opts.dataDir), json: opts.json }),
    );

  sync
    .command('status')
    .description('the sync settings, the last sync and its error')
    .option(...dataDirOption)
    .option('--json', 'as JSON')
    // `sync` has the same options: commander hands them to it, so they are read with the parent's.
    .action(async (_opts, command: Command) => {
      const opts = command.optsWithGlobals();
      return (await import('./sync-command.ts')).syncStatusCommand({
        dataDir: dataDir(opts.dataDir),
        json: opts.json,
      });
    });

  sync
    .command('config')
    .description(
      'change the sync settings (credentials come from the AWS chain: environment, ~/.aws, --profile)',
    )
    .option(...dataDirOption)
    .option('--enable', 'sync on the interval (off by default)')
    .option('--disable', 'stop syncing')
    .option('--bucket <name>', 'the bucket')
    .option('--prefix <prefix>', 'a folder in the bucket ("" for none)')
    .option('--endpoint <url>', 'an S3-compatible endpoint: MinIO, R2, B2 ("" for AWS)')
    .option('--region <region>', 'the region (us-east-1 for most S3-compatible stores)')
    .option('--profile <name>', 'a profile of ~/.aws/config ("" for the default chain)')
    .option('--display-name <name>', 'the name team reports show instead of your random id ("" for none)')
    .option('--titles', 'include window titles (private: left out by default)')
    .option('--no-titles', 'leave window titles out')
    .option('--interval <minutes>', 'how often the daemon syncs', minutes)
    .option('--json', 'print the settings as JSON')
    .action(async (_opts, command: Command) => {
      const opts = command.optsWithGlobals();
      if (opts.enable && opts.disable) throw new InvalidArgumentError('--enable or --disable, not both');
      const patch: SyncSettingsPatch = {
        enabled: opts.enable ? true : opts.disable ? false : undefined,
        bucket: opts.bucket,
        prefix: opts.prefix,
        endpoint: orNull(opts.endpoint),
        region: opts.region,
        profile: orNull(opts.profile),
        display_name: orNull(opts.displayName),
        include_titles: opts.titles,
        interval_minutes: opts.interval,
      };
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return (await import('./sync-command.ts')).syncConfigCommand(given, {
        dataDir: dataDir(opts.dataDir),
        json: opts.json,
      });
    });

  program
    .command('team')
    .description("the team's views over a synced bucket (DuckDB)")
    .command('report')
    .description(
      'per person and for the team: allocation by productivity, time of day, day of week, top domains, categories and shrinkage',
    )
    .requiredOption('--source <where>', 's3://bucket/prefix, or a folder holding a copy of it')
    .requiredOption('--from <date>', 'first local day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local day (included), YYYY-MM-DD')
    .option('--tz <zone>', "IANA time zone of the time of day (default: this machine's)")
    .option('--endpoint <url>', 'an S3-compatible endpoint (MinIO, R2, B2)')
    .option('--region <region>', 'the bucket region', 'us-east-1')
    .option('--profile <name>', 'a profile of ~/.aws/config')
    .option('--cache <dir>', 'where day files are kept once fetched (default: ~/.cache/timeaudit/team)')
    .option('--json', 'print the views as JSON')
    .addHelpText(
      'after',
      '\nExample: timeaudit team report --source s3://acme-time/team --from 2026-11-01 --to 2026-11-30',
    )
    .action(async (opts) => (await import('./team-command.ts')).teamReportCommand(opts));
}
