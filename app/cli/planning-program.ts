/** The `goals` and `rules` commands of `timeaudit`, added to the program by main.ts. */
import type { Command } from 'commander';
import { GOAL_PERIODS, MATCHES_OF, RULE_FIELDS, RULE_MATCHES } from '../shared/planning.ts';

type DataDirOption = readonly [string, string];

const DURATIONS = '45m, 1h, 1.5h, 1h30m';
const matchesOf = RULE_FIELDS.map((f) => `${f}: ${MATCHES_OF[f].join('/')}`).join('; ');

export function addPlanningCommands(
  program: Command,
  dataDirOption: DataDirOption,
  dataDir: (flag: string | undefined) => string,
): void {
  const goals = program
    .command('goals')
    .description(
      'at most or at least so much time a day or a week in a category, and how today or this week goes',
    )
    .addHelpText('after', '\nExample: timeaudit goals add Social --at-most 1.5h --per day');

  goals
    .command('list', { isDefault: true })
    .description('the goals with their progress now (the default)')
    .option(...dataDirOption)
    .option('--tz <zone>', "IANA time zone of the day or week (default: this machine's)")
    .option('--json', 'print the goals as JSON, as GET /v1/goals answers')
    .action(async (opts) =>
      (await import('./goals-command.ts')).goalsListCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
    );

  const goalOptions = (command: Command) =>
    command
      .option(...dataDirOption)
      .option('--at-most <duration>', `a limit: ${DURATIONS}`)
      .option('--at-least <duration>', `a minimum: ${DURATIONS}`)
      .option('--per <period>', `${GOAL_PERIODS.join(' or ')} (default for a new goal: day)`)
      .option('--json', 'print the goal as JSON, as the API answers it');

  goalOptions(
    goals
      .command('add')
      .description('add a goal on an existing category')
      .argument('<category>', 'an existing category'),
  ).action(async (category: string, opts) =>
    (await import('./goals-command.ts')).goalsAddCommand(category, {
      ...opts,
      dataDir: dataDir(opts.dataDir),
    }),
  );

  goalOptions(
    goals
      .command('edit')
      .description('change a goal: only the options given change')
      .argument('<id>', 'the goal’s id, as `timeaudit goals` shows it')
      .option('--category <name>', 'another existing category')
      .option('--target <duration>', `a new amount, same direction: ${DURATIONS}`),
  ).action(async (id: string, opts) =>
    (await import('./goals-command.ts')).goalsEditCommand(id, { ...opts, dataDir: dataDir(opts.dataDir) }),
  );

  goals
    .command('delete')
    .description('delete a goal')
    .argument('<id>', 'the goal’s id, as `timeaudit goals` shows it')
    .option(...dataDirOption)
    .option('--json', 'print {"id","deleted":true}')
    .action(async (id: string, opts) =>
      (await import('./goals-command.ts')).goalsDeleteCommand(id, {
        ...opts,
        dataDir: dataDir(opts.dataDir),
      }),
    );

  const rules = program
    .command('rules')
    .description(
      'category rules: an app, a domain or a window title matched gives a category; tried in order',
    )
    .addHelpText(
      'after',
      `\nMatches by field: ${matchesOf}.\nExample: timeaudit rules add github.com --field domain --category Work`,
    );

  rules
    .command('list', { isDefault: true })
    .description('the rules in the order they are tried (the default)')
    .option(...dataDirOption)
    .option('--json', 'print the rules as JSON, as GET /v1/rules answers')
    .action(async (opts) =>
      (await import('./rules-command.ts')).rulesListCommand({ ...opts, dataDir: dataDir(opts.dataDir) }),
    );

  const ruleOptions = (command: Command) =>
    command
      .option(...dataDirOption)
      .option('--field <field>', RULE_FIELDS.join(', '))
      .option('--match <match>', `${RULE_MATCHES.join(', ')} (default: the field's first: ${matchesOf})`)
      .option('--category <name>', 'an existing category')
      .option('--position <n>', 'where it is tried, from 1 (default for a new rule: last)')
      .option('--json', 'print the rule as JSON, as the API answers it');

  ruleOptions(
    rules
      .command('add')
      .description('add a rule; subjects you have not categorized yourself follow it at once')
      .argument('<pattern>', 'the app, domain, text or regular expression to match'),
  ).action(async (pattern: string, opts) =>
    (await import('./rules-command.ts')).rulesAddCommand(pattern, {
      ...opts,
      dataDir: dataDir(opts.dataDir),
    }),
  );

  ruleOptions(
    rules
      .command('edit')
      .description('change a rule: only the options given change')
      .argument('<id>', 'the rule’s id, as `timeaudit rules` shows it')
      .option('--pattern <pattern>', 'a new pattern'),
  ).action(async (id: string, opts) =>
    (await import('./rules-command.ts')).rulesEditCommand(id, { ...opts, dataDir: dataDir(opts.dataDir) }),
  );

  rules
    .command('move')
    .description('try a rule at another place (1: first)')
    .argument('<id>', 'the rule’s id, as `timeaudit rules` shows it')
    .argument('<position>', 'its new place, from 1')
    .option(...dataDirOption)
    .option('--json', 'print the rule as JSON')
    .action(async (id: string, to: string, opts) =>
      (await import('./rules-command.ts')).rulesMoveCommand(id, to, {
        ...opts,
        dataDir: dataDir(opts.dataDir),
      }),
    );

  rules
    .command('delete')
    .description('delete a rule; subjects it categorized fall to the next rule that matches')
    .argument('<id>', 'the rule’s id, as `timeaudit rules` shows it')
    .option(...dataDirOption)
    .option('--json', 'print {"id","deleted":true}')
    .action(async (id: string, opts) =>
      (await import('./rules-command.ts')).rulesDeleteCommand(id, {
        ...opts,
        dataDir: dataDir(opts.dataDir),
      }),
    );
}
