/**
 * `timeaudit encrypt` and `decrypt` as a user meets them, with real processes, real files and a real daemon:
 * after encrypting, no app name, title or domain that was stored can be found in any byte of any file in the
 * data folder; the daemon serves the same reports with the key and stops with one line without it, leaving
 * the file as it was; decrypting gives back a plain file with identical reports. The key is in a key file here
 * (TIMEAUDIT_KEY_STORE=file) or in TIMEAUDIT_DB_KEY; the keychain is tested in app/db/keys/keychain-key.test.ts.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postEvents, REQUEST_TIMEOUT_MS, runCli, startDaemon } from './daemon.testing.ts';
import { EVENT_SCHEMA_VERSION } from '../shared/version.ts';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ta-${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const SLOW = 180_000;
const FROM = '2020-01-01T00:00:00Z';
const TO = '2030-01-01T00:00:00Z';

function setup() {
  const data = tempDir('enc-data');
  const config = tempDir('enc-config');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
    TIMEAUDIT_LOG_LEVEL: 'warn',
    TIMEAUDIT_KEY_STORE: 'file',
    XDG_CONFIG_HOME: config,
    TIMEAUDIT_DB_KEY: '',
    TIMEAUDIT_KEY_FILE: '',
  };
  const cli = (...args: string[]) => runCli([...args, '--data-dir', data], env);
  return { data, config, env, cli };
}

/** Every file under `dir`, recursively, with its bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => ({ file, bytes: readFileSync(file) }));
}

/** Every app name, title and domain stored in a plain database. */
function storedTexts(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const texts = db
      .prepare(
        `SELECT app FROM window_events UNION SELECT title FROM window_events UNION SELECT domain FROM browser_events
         UNION SELECT name FROM subjects`,
      )
      .pluck()
      .all() as (string | null)[];
    return [...new Set(texts.filter((t): t is string => typeof t === 'string' && t.length >= 4))];
  } finally {
    db.close();
  }
}

async function daemonReport(data: string, env: NodeJS.ProcessEnv, token: string): Promise<string> {
  const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', data], env);
  try {
    const res = await fetch(`${daemon.url}/v1/report?from=${FROM}&to=${TO}&tz=UTC`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    expect(res.status).toBe(200);
    return await res.text();
  } finally {
    expect(await daemon.stop()).toBe(0);
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('timeaudit encrypt / decrypt', () => {
  it(
    'leaves no stored name in any byte of the data folder, serves the same reports, and decrypts back',
    { timeout: SLOW },
    async () => {
      const { data, env, cli } = setup();
      expect(cli('demo', '--days', '4', '--seed', '7', '--tz', 'UTC').status).toBe(0);
      const token = cli('token').stdout.trim();
      const before = await daemonReport(data, env, token);
      expect(JSON.parse(before).total_ms).toBeGreaterThan(0);
      // A backup made by hand, and one a restore set aside: both hold everything in plain text.
      expect(cli('backup').status).toBe(0);
      const live = path.join(data, 'timeaudit.sqlite');
      const texts = storedTexts(live);
      expect(texts.length).toBeGreaterThan(20);
      writeFileSync(`${live}.replaced-2026-01-01T00-00-00Z`, readFileSync(live));

      const encrypted = cli('encrypt');
      expect(encrypted.stderr).toContain('encrypting: verifying');
      expect(encrypted.status).toBe(0);
      expect(encrypted.stdout).toMatch(/Encrypted .* The key is in the key file /);
      expect(encrypted.stdout).toContain('timeaudit key export');

      const found = filesUnder(data).flatMap(({ file, bytes }) =>
        texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8'))).map((t) => `${t} in ${file}`),
      );
      expect(found).toEqual([]);
      expect(readFileSync(live).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
      expect(readdirSync(data).filter((n) => n.includes('.replaced-'))).toEqual([]);
      if (process.platform !== 'win32') expect(statSync(live).mode & 0o777).toBe(0o600);

      // The daemon with the key: the same report, byte for byte; its daily backup is encrypted too.
      expect(await daemonReport(data, env, token)).toBe(before);
      const again = filesUnder(data).flatMap(({ file, bytes }) =>
        texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8'))).map((t) => `${t} in ${file}`),
      );
      expect(again).toEqual([]);

      const decrypted = cli('decrypt', '--yes');
      expect(decrypted.status).toBe(0);
      expect(readFileSync(live).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(await daemonReport(data, env, token)).toBe(before);
      for (const name of readdirSync(path.join(data, 'backups')))
        expect(
          readFileSync(path.join(data, 'backups', name))
            .subarray(0, 15)
            .toString(),
        ).toBe('SQLite format 3');
    },
  );

  it(
    'without its key, or with a wrong one, says so in one line, exits 1 and leaves the file as it was',
    { timeout: SLOW },
    async () => {
      const { data, config, env, cli } = setup();
      expect(cli('demo', '--days', '2', '--seed', '3', '--tz', 'UTC').status).toBe(0);
      expect(cli('encrypt').status).toBe(0);
      const recovery = cli('key', 'export').stdout.trim();
      expect(recovery).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
      const live = path.join(data, 'timeaudit.sqlite');
      const { mtimeMs } = statSync(live);
      const hash = sha(live);
      const names = readdirSync(data).sort();

      // The key file gone: report and serve both stop, with the line.
      renameSync(path.join(config, 'timeaudit'), path.join(config, 'elsewhere'));
      for (const args of [['report'], ['serve', '--port', '0', '--no-track']]) {
        const run = runCli([...args, '--data-dir', data], env, 30_000);
        expect(run.status).toBe(1);
        expect(run.stderr.trim().split('\n')).toEqual([
          expect.stringMatching(
            /^timeaudit: the database is encrypted and no key for it was found \(looked in the key file .*\); restore it with `timeaudit key import`$/,
          ),
        ]);
      }
      // A wrong key in TIMEAUDIT_DB_KEY.
      const wrong = runCli(['report', '--data-dir', data], { ...env, TIMEAUDIT_DB_KEY: 'ab'.repeat(32) });
      expect(wrong.status).toBe(1);
      expect(wrong.stderr.trim()).toBe(
        'timeaudit: the database is encrypted and the key in the environment variable TIMEAUDIT_DB_KEY does not ' +
          'open it; restore it with `timeaudit key import`',
      );
      expect(statSync(live).mtimeMs).toBe(mtimeMs);
      expect(sha(live)).toBe(hash);
      expect(readdirSync(data).sort()).toEqual(names);

      // The right key in TIMEAUDIT_DB_KEY opens it.
      const withEnv = runCli(
        ['report', '--json', '--from', FROM, '--to', TO, '--tz', 'UTC', '--data-dir', data],
        {
          ...env,
          TIMEAUDIT_DB_KEY: recovery,
        },
      );
      expect(withEnv.status).toBe(0);
      expect(JSON.parse(withEnv.stdout).total_ms).toBeGreaterThan(0);

      // key import: a wrong key is refused and stores nothing; the recovery key is checked, stored, and works.
      const refused = cli('key', 'import', 'cd'.repeat(32));
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('this key does not open');
      expect(existsSync(path.join(config, 'timeaudit'))).toBe(false);
      const imported = cli('key', 'import', recovery);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toMatch(/stored in the key file/);
      const report = cli('report', '--json', '--from', FROM, '--to', TO, '--tz', 'UTC');
      expect(report.status).toBe(0);
      expect(report.stdout).toBe(withEnv.stdout);
      const keyFile = readdirSync(path.join(config, 'timeaudit', 'keys'));
      expect(keyFile).toHaveLength(1);
      if (process.platform !== 'win32') {
        expect(statSync(path.join(config, 'timeaudit', 'keys', keyFile[0] as string)).mode & 0o777).toBe(
          0o600,
        );
        expect(statSync(path.join(config, 'timeaudit', 'keys')).mode & 0o777).toBe(0o700);
      }
    },
  );

  it('refuses what cannot be done, changing nothing', { timeout: SLOW }, () => {
    const { data, cli } = setup();
    expect(cli('demo', '--days', '1', '--seed', '1', '--tz', 'UTC').status).toBe(0);
    const notEncrypted = cli('decrypt', '--yes');
    expect(notEncrypted.status).toBe(2);
    expect(notEncrypted.stderr.trim()).toBe('timeaudit: the database is not encrypted');
    expect(cli('encrypt').status).toBe(0);
    const twice = cli('encrypt');
    expect(twice.status).toBe(2);
    expect(twice.stderr.trim()).toBe('timeaudit: the database is encrypted already');
    // Without --yes and without a terminal, decrypt asks for --yes and leaves the file encrypted.
    const unconfirmed = cli('decrypt');
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(readFileSync(path.join(data, 'timeaudit.sqlite')).subarray(0, 6).toString()).not.toBe('SQLite');
    const badKey = cli('key', 'import', 'not a key');
    expect(badKey.status).toBe(2);
  });

  it(
    'converts through a running daemon, which keeps answering with the same reports',
    { timeout: SLOW },
    async () => {
      const { data, env, cli } = setup();
      expect(cli('demo', '--days', '3', '--seed', '11', '--tz', 'UTC').status).toBe(0);
      const live = path.join(data, 'timeaudit.sqlite');
      const texts = storedTexts(live);
      const token = cli('token').stdout.trim();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', data], env);
      try {
        const get = async (route: string) => {
          const res = await fetch(`${daemon.url}${route}`, {
            headers,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          expect(res.status).toBe(200);
          return res.text();
        };
        const reportRoute = `/v1/report?from=${FROM}&to=${TO}&tz=UTC`;
        const before = await get(reportRoute);
        expect(JSON.parse(await get('/v1/encryption'))).toEqual({
          encrypted: false,
          key_store: null,
          can_convert: true,
        });

        // The command goes through the daemon, which holds the data folder.
        const encrypted = runCli(['encrypt', '--data-dir', data], env);
        expect(encrypted.stderr).toBe('');
        expect(encrypted.status).toBe(0);
        expect(encrypted.stdout).toMatch(
          /^Encrypted by the running Time Audit \(\d+ rows verified\)\. The key is in the key file /,
        );
        const status = JSON.parse(await get('/v1/encryption'));
        expect(status).toMatchObject({ encrypted: true, can_convert: true });
        expect(status.key_store).toMatch(/^the key file /);
        expect(await get(reportRoute)).toBe(before);
        // The daemon goes on writing, encrypted: a new app's name is stored and is in no file's bytes either.
        const result = await postEvents(daemon.url, token, 'window', [
          {
            event_id: 'after-encrypt',
            app: 'Zanzibarcalc',
            title: 'Quarterly zanzibar figures',
            start_ts: '2021-01-01T10:00:00Z',
            end_ts: '2021-01-01T10:05:00Z',
            duration_ms: 300_000,
            schema_version: EVENT_SCHEMA_VERSION,
          },
        ]);
        expect(result.accepted).toBe(1);
        texts.push('Zanzibarcalc', 'Quarterly zanzibar figures');
        const found = filesUnder(data).flatMap(({ file, bytes }) =>
          texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8'))).map((t) => `${t} in ${file}`),
        );
        expect(found).toEqual([]);

        // And back, through the API as the dashboard asks.
        const res = await fetch(`${daemon.url}/v1/encryption`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ encrypted: false }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ encrypted: false, key_store: null, recovery_key: null });
        expect(readFileSync(live).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
        const again = await fetch(`${daemon.url}/v1/encryption`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ encrypted: false }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        expect(again.status).toBe(409);
        // A body that is not {"encrypted": true|false} is refused in the one error shape, and changes nothing.
        for (const body of ['{"encrypted":"yes"}', '{}', '{"encrypted":true,"key":"x"}', '[']) {
          const bad = await fetch(`${daemon.url}/v1/encryption`, {
            method: 'POST',
            headers,
            body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          expect(bad.status).toBe(400);
          expect(Object.keys(((await bad.json()) as { error: object }).error)).toEqual(
            expect.arrayContaining(['code', 'message']),
          );
        }
        expect(readFileSync(live).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
    },
  );
});
