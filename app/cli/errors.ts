/**
 * How the `timeaudit` command says what went wrong: one line on stderr, `timeaudit: <message>`, and an exit
 * code. 2: what was asked cannot be done as asked (a bad argument, an unknown category or id, an overlap, a
 * database from a newer version); the user can fix it by asking differently. 1: the machine failed us (the
 * disk is full, the port is taken, another process holds the data folder). Anything else is a bug and keeps its stack trace.
 */
import { DomainError, type DomainErrorKind } from '../core/errors.ts';
import { NewerDatabaseError } from '../db/migrate.ts';
import { DataFolderBusyError } from '../db/data-lock.ts';
import { DateArgumentError } from './dates.ts';
import { DemoRefusedError } from './demo.ts';
import { ExportArgumentError } from './export.ts';
import { PurgeRefusedError } from './purge-command.ts';
import { ImportArgumentError } from './import-command.ts';
import { LogArgumentError } from './log-times.ts';
import { DaemonError } from './writer.ts';
import { DataFolderMissingError } from './paths.ts';
import { CommandArgumentError } from './write-through.ts';
import { CommanderError } from 'commander';
import { SyncFailed } from '../sync/run.ts';
import { DuckDbMissingError } from '../sync/team-report.ts';
import { EncryptRefusedError } from './encrypt-command.ts';
import { EncryptionKeyError, KeyStoreError } from '../db/keys/key-store.ts';
import { SettingsFileError } from '../db/settings-file.ts';

export interface CliFailure {
  /** Empty when the line was printed already (commander prints its own usage errors). */
  message: string;
  exitCode: 0 | 1 | 2;
}

const DOMAIN_EXIT_CODES: Record<DomainErrorKind, 1 | 2> = {
  invalid: 2,
  not_found: 2,
  unknown_category: 2,
  conflict: 2,
  storage_full: 1,
  not_ready: 1,
};

/** The line and exit code of a failure the user should see as such; null for a bug. */
export function cliFailure(error: unknown): CliFailure | null {
  // Commander's own errors (an unknown option, a missing argument, a bad value) are usage errors; --help and
  // --version end with 0.
  if (error instanceof CommanderError) return { message: '', exitCode: error.exitCode === 0 ? 0 : 2 };
  if (error instanceof DomainError)
    return { message: error.message, exitCode: DOMAIN_EXIT_CODES[error.kind] };
  if (
    error instanceof DateArgumentError ||
    error instanceof LogArgumentError ||
    error instanceof NewerDatabaseError ||
    error instanceof DemoRefusedError ||
    error instanceof ExportArgumentError ||
    error instanceof PurgeRefusedError ||
    error instanceof ImportArgumentError ||
    error instanceof EncryptRefusedError ||
    error instanceof DataFolderMissingError ||
    error instanceof CommandArgumentError
  )
    return { message: error.message, exitCode: 2 };
  if (
    error instanceof DataFolderBusyError ||
    error instanceof DaemonError ||
    error instanceof SyncFailed ||
    error instanceof DuckDbMissingError ||
    error instanceof EncryptionKeyError ||
    error instanceof KeyStoreError ||
    error instanceof SettingsFileError
  )
    return { message: error.message, exitCode: 1 };
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    return {
      message: 'the port is in use; is Time Audit already running? Pick another with --port.',
      exitCode: 1,
    };
  return null;
}
