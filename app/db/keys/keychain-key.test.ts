/**
 * The keychain key store against a real Secret Service: gnome-keyring-daemon in a private D-Bus session
 * (dbus-run-session), with a fresh HOME and its login keyring unlocked by a password. The test's body runs as
 * child processes inside that session: `timeaudit encrypt` stores the key in the keychain (not in a key file),
 * `secret-tool` finds it there under the service "Time Audit", the daemon's reading order finds it, and a report
 * reads the encrypted database with it. Without a Secret Service (outside the session) the keychain is said to
 * be unavailable and the key file is used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyStores } from './choose.ts';
import { newKey } from './key-store.ts';

const MAIN = new URL('../../cli/main.ts', import.meta.url).pathname;
const TOOLS = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length > 0 && process.env.CI === 'true')
  throw new Error(`CI must have ${missing.join(', ')} (apt: gnome-keyring dbus libsecret-tools)`);
if (missing.length > 0)
  process.stderr.write(
    `Secret Service test skipped: ${missing.join(', ')} not installed (apt: gnome-keyring dbus libsecret-tools)\n`,
  );

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ta-${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(missing.length > 0)('the keychain key store (Secret Service)', () => {
  it(
    'keeps the key of `timeaudit encrypt` in the keychain, and the daemon reads it from there',
    { timeout: 120_000 },
    () => {
      const home = tempDir('keyring-home');
      const data = tempDir('keyring-data');
      const cli = `"${process.execPath}" "${MAIN}"`;
      const script = [
        // A password: an empty one would want a prompt, which a headless session cannot show.
        'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
        `${cli} demo --days 2 --seed 5 --tz UTC --data-dir "${data}" >/dev/null`,
        `${cli} encrypt --data-dir "${data}"`,
        'echo "== lookup"',
        'secret-tool search --all service "Time Audit" 2>&1',
        'echo "== report"',
        `${cli} report --json --from 2020-01-01 --to 2030-01-01 --tz UTC --data-dir "${data}"`,
        'echo "== export"',
        `${cli} key export --data-dir "${data}" 2>&1`,
      ].join(' && ');
      const env = {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_RUNTIME_DIR: home,
        TIMEAUDIT_KEY_STORE: '',
        TIMEAUDIT_DB_KEY: '',
        TIMEAUDIT_KEY_FILE: '',
        TIMEAUDIT_LOG_LEVEL: 'warn',
      };
      const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], {
        encoding: 'utf8',
        env,
        timeout: 100_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const [encrypted, lookup, report, exported] = run.stdout.split(/^== \w+\n/m) as [
        string,
        string,
        string,
        string,
      ];
      expect(encrypted).toContain('The key is in the keychain (Secret Service).');
      expect(lookup).toMatch(/service = Time Audit/);
      expect(lookup).toContain(`(${data})`);
      expect(JSON.parse(report).total_ms).toBeGreaterThan(0);
      expect(exported).toContain('kept in the keychain (Secret Service)');
      // The key went to the keychain, not to a key file.
      expect(existsSync(path.join(home, '.config', 'timeaudit'))).toBe(false);
      // The secret in the keychain is the recovery key export prints.
      const recovery = exported.split('\n')[0] as string;
      expect(lookup).toContain(`secret = ${recovery}`);

      // Outside the session no Secret Service answers: the key file is where a key goes, and the keychain is
      // listed as unavailable where the key was looked for.
      const stores = new KeyStores(data, { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
      expect(stores.writable()).toBe(stores.file);
      const key = newKey();
      stores.file.write(key);
      const found = stores.find();
      expect(found.found?.key.equals(key)).toBe(true);
      expect(found.lookedIn).toContain('the keychain (Secret Service) (unavailable)');
    },
  );
});
