import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadOrCreateToken, tokenPath } from './token.ts';
import { recordingLogger } from './http.testing.ts';

const posix = process.platform !== 'win32';
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'timeaudit-token-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe('loadOrCreateToken', () => {
  it('creates the data dir (0700) and a 32-byte base64url token in a 0600 file', () => {
    const dataDir = path.join(root, 'a', 'b');
    const token = loadOrCreateToken(dataDir, recordingLogger());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    if (posix) {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(tokenPath(dataDir))).toBe(0o600);
    }
  });

  it('returns the same token on the next start', () => {
    const first = loadOrCreateToken(root, recordingLogger());
    expect(loadOrCreateToken(root, recordingLogger())).toBe(first);
  });

  it('makes a different token for another data dir', () => {
    const a = loadOrCreateToken(path.join(root, 'a'), recordingLogger());
    expect(loadOrCreateToken(path.join(root, 'b'), recordingLogger())).not.toBe(a);
  });

  it.skipIf(!posix)('restricts a token file readable by others to 0600 and warns', () => {
    const file = tokenPath(root);
    writeFileSync(file, 'an-existing-token-of-the-user-1234\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    const log = recordingLogger();
    expect(loadOrCreateToken(root, log)).toBe('an-existing-token-of-the-user-1234');
    expect(modeOf(file)).toBe(0o600);
    expect(log.records).toContainEqual(
      expect.objectContaining({ level: 'warn', extra: { file, mode: '644' } }),
    );
  });

  it('refuses an empty or malformed token file instead of serving with it', () => {
    writeFileSync(tokenPath(root), 'short', { mode: 0o600 });
    expect(() => loadOrCreateToken(root, recordingLogger())).toThrow(/malformed/);
  });

  it.skipIf(!posix)('refuses a token file that is a symlink', () => {
    const elsewhere = path.join(root, 'elsewhere');
    writeFileSync(elsewhere, 'an-existing-token-of-the-user-1234', { mode: 0o600 });
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    symlinkSync(elsewhere, tokenPath(dataDir));
    expect(() => loadOrCreateToken(dataDir, recordingLogger())).toThrow(/not a regular file/);
  });

  it('gives every one of several processes starting at once the same token', async () => {
    const run = promisify(execFile);
    const module = path.join(path.dirname(fileURLToPath(import.meta.url)), 'token.ts');
    const script = `import { loadOrCreateToken } from ${JSON.stringify(module)}; process.stdout.write(loadOrCreateToken(process.argv[1]));`;
    const dataDir = path.join(root, 'shared');
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () =>
        run(process.execPath, ['--input-type=module', '-e', script, dataDir], {
          env: { ...process.env, TIMEAUDIT_LOG_LEVEL: 'silent' },
        }),
      ),
    );
    const tokens = new Set(outputs.map((o) => o.stdout));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
