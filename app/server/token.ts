/**
 * The API token: 32 random bytes, base64url, kept in `<dataDir>/token` readable by the user alone. The first
 * process to start creates it with O_EXCL ('wx'), so two processes starting together cannot both write one;
 * the loser reads the winner's.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../core/logger.ts';

export const TOKEN_FILE = 'token';
const TOKEN_BYTES = 32;
/** Printable ASCII without spaces, so it fits a header; long enough not to be guessed. */
const TOKEN_SHAPE = /^[\x21-\x7e]{16,512}$/;
const POSIX = process.platform !== 'win32';

export function tokenPath(dataDir: string): string {
  return path.join(dataDir, TOKEN_FILE);
}

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads an existing token, waiting briefly when another process has created the file but not yet written it. */
function readToken(file: string): string {
  for (let attempt = 0; ; attempt++) {
    const token = readFileSync(file, 'utf8').trim();
    if (TOKEN_SHAPE.test(token)) return token;
    if (token.length > 0 || attempt >= 20) {
      throw new Error(
        `the token file ${file} is empty or malformed; delete it and a new token will be created`,
      );
    }
    sleep(10);
  }
}

function tightenMode(file: string, log: Logger): void {
  const stat = lstatSync(file);
  if (!stat.isFile()) throw new Error(`the token file ${file} is not a regular file`);
  if (POSIX && (stat.mode & 0o077) !== 0) {
    log.warn('the token file was readable by others; restricting it to the owner', {
      file,
      mode: (stat.mode & 0o777).toString(8),
    });
    chmodSync(file, 0o600);
  }
}

export function loadOrCreateToken(
  dataDir: string,
  log: Logger = createLogger('server').child('token'),
): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = tokenPath(dataDir);
  const token = generateToken();
  try {
    writeFileSync(file, `${token}\n`, { flag: 'wx', mode: 0o600 });
    log.info('created a new API token', { file });
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  tightenMode(file, log);
  return readToken(file);
}
