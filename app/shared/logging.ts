/** The logger's shape, the same for the app (app/core/logger.ts) and the browser extension (extension/src/log.ts). */
export interface Logger {
  debug(message: string, extra?: object): void;
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
  child(name: string): Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** The level of a record ('silent' is only a threshold). */
export type RecordLevel = Exclude<LogLevel, 'silent'>;

export const LOG_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * A logger named `name` (a child is `name:child`) that hands `write` the records at or above `threshold()`,
 * asked at each record so that a changed level applies at once. Where records go is the caller's.
 */
export function levelledLogger(
  name: string,
  threshold: () => LogLevel,
  write: (level: RecordLevel, name: string, message: string, extra?: object) => void,
): Logger {
  const record = (level: RecordLevel, message: string, extra?: object): void => {
    if (LOG_RANK[level] >= LOG_RANK[threshold()]) write(level, name, message, extra);
  };
  return {
    debug: (m, e) => record('debug', m, e),
    info: (m, e) => record('info', m, e),
    warn: (m, e) => record('warn', m, e),
    error: (m, e) => record('error', m, e),
    child: (child) => levelledLogger(`${name}:${child}`, threshold, write),
  };
}
