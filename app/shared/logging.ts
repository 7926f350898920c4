/** The logger's shape, the same for the app (app/core/logger.ts) and the browser extension (extension/src/log.ts). */
export interface Logger {
  debug(message: string, extra?: object): void;
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
  child(name: string): Logger;
}
