/**
 * The extension's logger: named children and levels, like the app's, written to the worker's and the popup's
 * console (chrome://extensions → "service worker" → Console).
 */
import type { Logger } from '../../app/shared/logging.ts';

export type { Logger };
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold: LogLevel = 'info';

export function createLogger(name: string): Logger {
  const write = (level: LogLevel, message: string, extra?: object): void => {
    if (RANK[level] < RANK[threshold]) return;
    const line = `[time-audit:${name}] ${message}`;
    const args = extra && Object.keys(extra).length > 0 ? [line, extra] : [line];
    // eslint-disable-next-line no-console -- the logger is the one place that writes to the console
    console[level](...args);
  };
  return {
    debug: (m, e) => write('debug', m, e),
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
    child: (child) => createLogger(`${name}:${child}`),
  };
}
