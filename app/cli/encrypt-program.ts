/** The encryption commands of `timeaudit`: encrypt, decrypt, key export, key import (see encrypt-command.ts). */
import type { Command } from 'commander';

const keyHelp =
  '\nThe key is kept in TIMEAUDIT_DB_KEY when set, else the OS keychain, else a key file outside the data folder ' +
  '($XDG_CONFIG_HOME/timeaudit/keys/, or TIMEAUDIT_KEY_FILE); TIMEAUDIT_KEY_STORE=keychain|file chooses.';

export function encryptionCommands(
  program: Command,
  dataDirOption: readonly [string, string],
  dataDir: (flag: string | undefined) => string,
): void {
  program
    .command('encrypt')
    .description(
      'encrypt the database (and its backups) with a random key kept in the OS keychain or a key file',
    )
    .option(...dataDirOption)
    .addHelpText('after', keyHelp)
    .action(async (opts) =>
      (await import('./encrypt-command.ts')).encryptCommand({ dataDir: dataDir(opts.dataDir) }),
    );

  program
    .command('decrypt')
    .description('turn an encrypted database (and its backups) back into plain SQLite files; asks first')
    .option(...dataDirOption)
    .option('--yes', 'decrypt without asking (required when not on a terminal)')
    .action(async (opts) =>
      (await import('./encrypt-command.ts')).decryptCommand({
        dataDir: dataDir(opts.dataDir),
        yes: opts.yes,
      }),
    );

  const key = program
    .command('key')
    .description("the database's encryption key: export or import its recovery key");
  key
    .command('export')
    .description('print the recovery key, to keep somewhere safe')
    .option(...dataDirOption)
    .action(async (opts) =>
      (await import('./encrypt-command.ts')).keyExportCommand({ dataDir: dataDir(opts.dataDir) }),
    );
  key
    .command('import')
    .description('store a recovery key (checked against the database first)')
    .argument('[key]', 'the recovery key (default: read from standard input)')
    .option(...dataDirOption)
    .addHelpText('after', keyHelp)
    .action(async (text: string | undefined, opts) =>
      (await import('./encrypt-command.ts')).keyImportCommand(text, { dataDir: dataDir(opts.dataDir) }),
    );
}
