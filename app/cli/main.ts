#!/usr/bin/env -S node --max-semi-space-size=1
/**
 * The `timeaudit` command: serve (the headless daemon), report, log (time logged by hand), token, demo, export,
 * purge, backup, restore, import, sync, team report, encrypt, decrypt, key, goals, rules. It runs as the
 * JavaScript tsc compiles into dist/: `npm run timeaudit -- report` in a checkout (launch.mjs builds it when the
 * sources changed), `timeaudit` when installed. Tests run the TypeScript sources directly.
 */
import { Command, InvalidArgumentError } from 'commander';
import { APP_VERSION } from '../shared/version.ts';
import { DEFAULT_PORT } from '../shared/port.ts';
import type { ImportFormat } from './import-command.ts';
import { existingDataDir, prepareDataDir, resolveDataDir } from './paths.ts';
import { addSyncCommands } from './sync-program.ts';
import { encryptionCommands } from './encrypt-program.ts';
import { addPlanningCommands } from './planning-program.ts';

// SQLite's binary crashes an older Node as it loads, before any message could be printed: say it first.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `timeaudit: needs Node.js 22.18 or newer, and this is ${process.version}. In a checkout, run it through npm ` +
      '(npm run timeaudit -- …), which uses the Node 24 the project brings.',
  );
  process.exit(1);
}

// Each command's module is imported when that command runs, so that `timeaudit report` never loads the
// daemon's HTTP server and `timeaudit serve` never loads the exporters and importers.

/** The exit codes, as `timeaudit --help` ends by saying them. */
const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  the machine failed: the disk is full, the port is taken, the daemon did not answer,
     the data folder is held by another process
  2  asked wrongly: an unknown option or command, a bad value, a data folder that does not exist,
     an unknown category or id, an overlap; nothing was changed`;

const integer = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
};

function portFromEnv(): number | undefined {
  const env = process.env.TIMEAUDIT_PORT;
  return env === undefined ? undefined : integer('TIMEAUDIT_PORT', 1, 65535)(env);
}

const TO_HELP = `
Dates: a date as --to is included whole (--from 2026-01-01 --to 2026-01-31 is all of January; --to today
includes today), as in the dashboard; an instant (an ISO time, now, a time of day in \`log list\`) is where
the range ends, not included.`;

const program = new Command()
  .name('timeaudit')
  .description('Time Audit: a local-first tracker of where your time goes. Your data stays on this machine.')
  .version(APP_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText('after', `${TO_HELP}\n${EXIT_CODES_HELP}`)
  // Commander's own usage errors throw (exit code 2, see errors.ts) instead of exiting with 1.
  .exitOverride();

/** --data-dir (else the default), which must exist, made owner-only; only `serve`, `demo` and `import` create one. */
const dataDir = (flag: string | undefined): string => existingDataDir(resolveDataDir(flag));
const newDataDir = (flag: string | undefined): string => prepareDataDir(resolveDataDir(flag));

const dataDirOption = [
  '--data-dir <dir>',
  'data folder (default: $TIMEAUDIT_DATA_DIR, else the OS app-data folder "Time Audit")',
] as const;

program
  .command('serve')
  .description('run the headless daemon: the localhost API and, where there is a display, the window tracker')
  .option(...dataDirOption)
  .option(
    '--port <n>',
    `port on 127.0.0.1 (default: $TIMEAUDIT_PORT, else the settings file, else ${DEFAULT_PORT})`,
    integer('--port', 0, 65535),
  )
  .option('--no-track', 'do not track the active window (API only)')
  .option(
    '--poll-ms <ms>',
    'how often to sample the active window (default: the settings file, else 1000)',
    integer('--poll-ms', 100, 60_000),
  )
  .option(
    '--idle-minutes <n>',
    'minutes without input before you count as away (default: the settings file, else 3)',
    integer('--idle-minutes', 1, 120),
  )
  .option('--extension-id <id...>', 'also allow these Chrome extension ids (development builds)')
  .action(async (opts) => {
    const { serve } = await import('./serve.ts');
    await serve({
      dataDir: resolveDataDir(opts.dataDir),
      port: opts.port ?? portFromEnv(),
      portFrom: opts.port !== undefined ? 'flag' : portFromEnv() !== undefined ? 'environment' : undefined,
      track: opts.track,
      pollMs: opts.pollMs,
      idleMinutes: opts.idleMinutes,
      extensionIds: opts.extensionId ?? [],
    });
  });

program
  .command('report')
  .description('print where the time went in a range (default: today)')
  .option(...dataDirOption)
  .option('--from <when>', 'start: YYYY-MM-DD, an ISO instant, today, yesterday or now', 'today')
  .option('--to <when>', 'end, same forms as --from; a date is included whole', 'today')
  .option('--tz <zone>', "IANA time zone for days and hours (default: this machine's)")
  .option(
    '--limit <n>',
    'at most this many subjects (default: 15; with --json: all)',
    integer('--limit', 1, 10_000),
  )
  .option('--json', 'print the report as JSON, exactly as GET /v1/report answers')
  .action(async (opts) =>
    (await import('./report.ts')).reportCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
  );

const tzOption = [
  '--tz <zone>',
  "IANA time zone of the times given and shown (default: this machine's)",
] as const;
const timeForms = 'HH:MM (today), "YYYY-MM-DD HH:MM", "yesterday HH:MM", or an ISO instant';

const log = program
  .command('log')
  .description(
    'time logged by hand ("gym 18:00–19:00"): in reports it counts as itself, in place of what was tracked meanwhile',
  )
  .addHelpText(
    'after',
    '\nExample: timeaudit log "Gym" --category Sport --from "2026-11-21 18:00" --to 19:00',
  );

// The default subcommand: `timeaudit log LABEL …` is `timeaudit log add LABEL …`.
log
  .command('add', { isDefault: true })
  .description('log an activity (the default: `log LABEL …` means `log add LABEL …`; `log` alone lists)')
  .argument('[label]', 'what you did, e.g. "Gym"')
  .option(...dataDirOption)
  .option(
    '--category <name>',
    'an existing category (required); it becomes the category of every entry with this label',
  )
  .option('--from <time>', `start: ${timeForms}`)
  .option('--to <time>', 'end, same forms as --from (HH:MM alone: on the day of --from)')
  .option('--duration <d>', 'instead of --to: 45m, 1h, 1.5h, 1h30m (alone: ending now)')
  .option('--note <text>', 'a note kept with the entry')
  .option(...tzOption)
  .option('--json', 'print the stored entry as JSON, as the API answers it')
  .action(async (label: string | undefined, opts) =>
    (await import('./log-command.ts')).logCommand(label, { ...opts, dataDir: dataDir(opts.dataDir) }),
  );

log
  .command('list')
  .description('list the entries logged by hand (default: the last 7 days)')
  .option(...dataDirOption)
  .option('--from <when>', `start: a date (midnight), ${timeForms}`)
  .option('--to <when>', 'end, same forms (a date is included whole; a time is not)')
  .option(...tzOption)
  .option('--json', 'print the entries as JSON, as GET /v1/manual-entries answers')
  .action(async (opts) =>
    (await import('./log-command.ts')).logListCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
  );

log
  .command('edit')
  .description('change an entry: only the options given change (a time of day alone is on the entry’s day)')
  .argument('<id>', 'the entry’s id, as `timeaudit log list` shows it')
  .option(...dataDirOption)
  .option('--label <label>', 'a new label')
  .option('--category <name>', 'an existing category, for every entry with the label')
  .option('--from <time>', `a new start: ${timeForms}`)
  .option('--to <time>', 'a new end, same forms')
  .option('--duration <d>', 'a new length from the start: 45m, 1h, 1.5h, 1h30m')
  .option('--note <text>', 'a new note ("" to clear it)')
  .option(...tzOption)
  .option('--json', 'print the entry as JSON')
  .action(async (id: string, opts) =>
    (await import('./log-command.ts')).logEditCommand(id, { ...opts, dataDir: dataDir(opts.dataDir) }),
  );

log
  .command('delete')
  .description('delete an entry: the time it covered counts as tracked again')
  .argument('<id>', 'the entry’s id, as `timeaudit log list` shows it')
  .option(...dataDirOption)
  .option(...tzOption)
  .option('--json', 'print {"id","deleted":true}')
  .action(async (id: string, opts) =>
    (await import('./log-command.ts')).logDeleteCommand(id, { ...opts, dataDir: dataDir(opts.dataDir) }),
  );

program
  .command('token')
  .description('print the API token (created on first use) to pair the browser extension')
  .option(...dataDirOption)
  .action(async (opts) => (await import('./token.ts')).tokenCommand(dataDir(opts.dataDir)));

program
  .command('demo')
  .description('fill a data folder with realistic synthetic activity ending now, to try the dashboard')
  .option(...dataDirOption)
  .option('--days <n>', 'how many days of activity', integer('--days', 1, 3660), 60)
  .option('--tz <zone>', "IANA time zone of the days (default: this machine's)")
  .option('--seed <n>', 'random seed: the same seed writes the same data', integer('--seed', 0, 2 ** 31), 1)
  .option('--force', 'add demo data even where tracked events exist already')
  .action(async (opts) =>
    (await import('./demo.ts')).demoCommand({
      dataDir: newDataDir(opts.dataDir),
      days: opts.days,
      tz: opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      seed: opts.seed,
      force: opts.force ?? false,
    }),
  );

program
  .command('export')
  .description(
    'write the sessions of a range (one row per run of time on one subject) as csv, json, ndjson or parquet',
  )
  .option(...dataDirOption)
  .option('--from <when>', 'start: YYYY-MM-DD, an ISO instant, today, yesterday or now', 'today')
  .option('--to <when>', 'end, same forms as --from; a date is included whole', 'today')
  .option('--tz <zone>', "IANA time zone of the dates (default: this machine's)")
  .option('--format <format>', 'csv (the default), json, ndjson or parquet; with --raw ndjson or json')
  .option('--out <file>', 'write to this file (default: stdout)')
  .option('--titles', 'include window titles (private: left out unless asked for)')
  .option('--raw', 'the stored events instead of sessions (what `import timeaudit` reads)')
  .addHelpText(
    'after',
    '\nExample: timeaudit export --from 2026-01-01 --to 2026-02-01 --format parquet --out jan.parquet',
  )
  .action(async (opts) =>
    (await import('./export.ts')).exportCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
  );

program
  .command('purge')
  .description(
    'delete what was recorded of an app, a domain (with its subdomains), a range or everything; asks first',
  )
  .option(...dataDirOption)
  .option('--from <when>', 'start of a range: YYYY-MM-DD, an ISO instant, today, yesterday or now')
  .option(
    '--to <when>',
    'end of the range, same forms (a date is included whole); events over its edges are cut',
  )
  .option('--tz <zone>', "IANA time zone of the dates (default: this machine's)")
  .option('--app <name>', 'an app, as reports name it (its title-rule subjects too)')
  .option('--domain <name>', 'a domain and its subdomains')
  .option('--all', 'everything recorded (categories, rules, goals and settings stay)')
  .option('--yes', 'delete without asking (required when not on a terminal)')
  .option('--json', 'print what was deleted as DELETE /v1/data answers it')
  .addHelpText('after', '\nExample: timeaudit purge --domain example.com')
  .action(async (opts) =>
    (await import('./purge-command.ts')).purgeCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
  );

program
  .command('retention')
  .description('what the retention settings blank and delete now; with --apply, do it (database and backups)')
  .option(...dataDirOption)
  .option('--apply', 'blank and delete now, rather than only saying what would go')
  .option('--json', 'print the preview as POST /v1/retention/preview answers it')
  .action(async (opts) =>
    (await import('./retention-command.ts')).retentionCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
  );

program
  .command('backup')
  .description(
    'copy the database, consistent, while the daemon runs or not (daily ones are made by the daemon)',
  )
  .option(...dataDirOption)
  .option('--out <file>', 'a new file to write (default: <data folder>/backups/timeaudit-DATE-TIME.sqlite)')
  .action(async (opts) =>
    (await import('./backup-command.ts')).backupCommand({ dataDir: dataDir(opts.dataDir), out: opts.out }),
  );

program
  .command('restore')
  .description('replace the database with a backup (the daemon must be stopped); the replaced one is kept')
  .argument('<file>', 'a backup made by `timeaudit backup` or a daily one in <data folder>/backups/')
  .option(...dataDirOption)
  .action(async (file: string, opts) =>
    (await import('./backup-command.ts')).restoreCommand(file, { dataDir: dataDir(opts.dataDir) }),
  );

const importing = program
  .command('import')
  .description("bring history in: an ActivityWatch export, or Time Audit's own raw export")
  .addHelpText('after', '\nExample: timeaudit import activitywatch ~/Downloads/aw-export.json');

const importFormats: [ImportFormat, string][] = [
  ['activitywatch', 'an ActivityWatch export (its Export button\'s JSON file; "-" reads standard input)'],
  ['timeaudit', 'a raw export of Time Audit (`export --raw`, NDJSON or JSON; "-" reads standard input)'],
];
for (const [format, description] of importFormats) {
  importing
    .command(format)
    .description(`import ${description}; importing it again adds nothing`)
    .argument('<file>', 'the file, or - for standard input')
    .option(...dataDirOption)
    .option('--json', 'print the summary as JSON, as the API answers it')
    .action(async (file: string, opts) =>
      (await import('./import-command.ts')).importCommand(format, file, {
        ...opts,
        dataDir: newDataDir(opts.dataDir),
      }),
    );
}

addSyncCommands(program, dataDirOption, dataDir);
encryptionCommands(program, dataDirOption, dataDir);
addPlanningCommands(program, dataDirOption, dataDir);

try {
  await program.parseAsync();
} catch (error) {
  // The error table imports every command's error class: loaded only when something failed.
  const { cliFailure } = await import('./errors.ts');
  const failure = cliFailure(error);
  if (!failure) throw error;
  if (failure.message !== '') console.error(`timeaudit: ${failure.message}`);
  process.exitCode = failure.exitCode;
}
