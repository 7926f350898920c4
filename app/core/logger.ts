/**
 * One small logger for the whole app: named children, four levels, one line per record on stderr so that
 * stdout stays clean for command output (`timeaudit report --json`). Level from TIMEAUDIT_LOG_LEVEL.
 */
import type { Logger } from '../shared/logging.ts';

export type { Logger };
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold: LogLevel = readLevel();

function readLevel(): LogLevel {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const wanted = env?.TIMEAUDIT_LOG_LEVEL as LogLevel | undefined;
  return wanted && wanted in RANK ? wanted : 'info';
}

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export function createLogger(name: string): Logger {
  const write = (level: Exclude<LogLevel, 'silent'>, message: string, extra?: object): void => {
    if (RANK[level] < RANK[threshold]) return;
    const tail = extra && Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    console.error(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${name}] ${message}${tail}`);
  };
  return {
    debug: (m, e) => write('debug', m, e),
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
    child: (child) => createLogger(`${name}:${child}`),
  };
}
