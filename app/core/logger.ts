/**
 * One small logger for the whole app: named children, four levels, one line per record on stderr so that
 * stdout stays clean for command output (`timeaudit report --json`). Level from TIMEAUDIT_LOG_LEVEL.
 */
import { LOG_RANK, levelledLogger, type LogLevel, type Logger } from '../shared/logging.ts';

export type { Logger, LogLevel };

let threshold: LogLevel = readLevel();

function readLevel(): LogLevel {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const wanted = env?.TIMEAUDIT_LOG_LEVEL as LogLevel | undefined;
  return wanted && wanted in LOG_RANK ? wanted : 'info';
}

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export function createLogger(name: string): Logger {
  return levelledLogger(
    name,
    () => threshold,
    (level, from, message, extra) => {
      const tail = extra && Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      console.error(
        `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${from}] ${message}${tail}`,
      );
    },
  );
}
