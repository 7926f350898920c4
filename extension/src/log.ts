/**
 * The extension's logger: named children and levels, like the app's, written to the worker's and the popup's
 * console (chrome://extensions → "service worker" → Console).
 */
import { levelledLogger, type Logger } from '../../app/shared/logging.ts';

export type { Logger };

export function createLogger(name: string): Logger {
  return levelledLogger(
    name,
    () => 'info',
    (level, from, message, extra) => {
      const line = `[time-audit:${from}] ${message}`;
      const args = extra && Object.keys(extra).length > 0 ? [line, extra] : [line];
      // eslint-disable-next-line no-console -- the logger is the one place that writes to the console
      console[level](...args);
    },
  );
}
