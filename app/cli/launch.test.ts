/**
 * `npm run timeaudit`, `npm run serve` and `npm start` in a checkout: app/cli/launch.mjs builds dist/ when the
 * sources are newer and runs the compiled program. Run on a copy of the checkout's sources, so that the real
 * dist/ is never replaced under other tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../shared/version.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILDING = /Building timeaudit into dist\//;
/** Each test builds dist/ once (tsc over app/, several seconds on a busy machine). */
const BUILD_TIMEOUT_MS = 120_000;

/** A Node older than the project needs, where the machine has one (Debian's is 20): its message is tested. */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((node) => {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const [major = 99, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return version !== '' && (major < 22 || (major === 22 && minor < 18));
});

let checkout: string;
let dataRoot: string;

const launch = (args: string[]) =>
  spawnSync(process.execPath, [path.join(checkout, 'app', 'cli', 'launch.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TIMEAUDIT_HEADLESS: '1' },
    timeout: 120_000,
  });

beforeAll(() => {
  checkout = mkdtempSync(path.join(os.tmpdir(), 'ta-launch-'));
  dataRoot = mkdtempSync(path.join(os.tmpdir(), 'ta-launch-data-'));
  for (const entry of ['app', 'migrations', 'package.json', 'tsconfig.json', 'tsconfig.build.json'])
    cpSync(path.join(ROOT, entry), path.join(checkout, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
});

afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('node app/cli/launch.mjs', () => {
  it(
    'builds dist/ on first use and runs the compiled command, then runs it without building',
    { timeout: BUILD_TIMEOUT_MS },
    () => {
      const first = launch(['main', '--version']);
      expect(first.stderr).toMatch(BUILDING);
      expect(first.stdout.trim()).toBe(APP_VERSION);
      expect(first.status).toBe(0);
      expect(existsSync(path.join(checkout, 'dist', 'app', 'cli', 'main.js'))).toBe(true);
      expect(existsSync(path.join(checkout, 'dist', 'migrations'))).toBe(true);

      const again = launch(['main', '--version']);
      expect(again.stderr).not.toMatch(BUILDING);
      expect(again.stdout.trim()).toBe(APP_VERSION);
    },
  );

  it(
    'builds again when a source changed, and the compiled command works on a data folder',
    { timeout: BUILD_TIMEOUT_MS },
    () => {
      const source = path.join(checkout, 'app', 'core', 'time.ts');
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      const dataDir = path.join(dataRoot, 'demo');
      const demo = launch(['main', 'demo', '--days', '3', '--data-dir', dataDir]);
      expect(demo.stderr).toMatch(BUILDING);
      expect(demo.status).toBe(0);
      const report = launch(['main', 'report', '--data-dir', dataDir, '--from', '2000-01-01', '--json']);
      expect(report.stderr).not.toMatch(BUILDING);
      expect(report.status).toBe(0);
      expect((JSON.parse(report.stdout) as { total_ms: number }).total_ms).toBeGreaterThan(0);
    },
  );

  it(
    'says what failed and exits 1 when the sources do not compile, leaving the last dist/ in place',
    { timeout: BUILD_TIMEOUT_MS },
    () => {
      const broken = path.join(checkout, 'app', 'core', 'broken.ts');
      writeFileSync(broken, 'export const x: number = "not a number";\n');
      const failed = launch(['main', '--version']);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/timeaudit: the build failed \(tsc -p tsconfig\.build\.json\)/);
      expect(failed.stderr).toMatch(/broken\.ts/);
      expect(failed.stdout).toBe('');
      expect(existsSync(path.join(checkout, 'dist', 'app', 'cli', 'main.js'))).toBe(true);
      rmSync(broken);
    },
  );

  it(
    'runs `npm start` as the headless daemon where the desktop app cannot run',
    { timeout: BUILD_TIMEOUT_MS },
    async () => {
      const child = spawn(
        process.execPath,
        [
          path.join(checkout, 'app', 'cli', 'launch.mjs'),
          'start',
          '--data-dir',
          path.join(dataRoot, 'start'),
          '--port',
          '0',
        ],
        { env: { ...process.env, TIMEAUDIT_HEADLESS: '1' } },
      );
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no address in: ${stdout}`)), 60_000);
          child.stdout.on('data', () => {
            const m = /running: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
            if (m) {
              clearTimeout(timer);
              resolve(m[1] as string);
            }
          });
        });
        expect(stdout).toMatch(/Desktop app unavailable here \(TIMEAUDIT_HEADLESS=1\)/);
        const health = await fetch(`${url}/v1/health`);
        expect(health.status).toBe(200);
      } finally {
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    },
  );

  it.skipIf(OLD_NODE === undefined)(
    `tells an older Node (${OLD_NODE ?? 'none on this machine'}) which Node it needs, instead of crashing`,
    { timeout: BUILD_TIMEOUT_MS },
    () => {
      const old = OLD_NODE as string;
      const launched = spawnSync(
        old,
        [path.join(checkout, 'app', 'cli', 'launch.mjs'), 'main', '--version'],
        {
          encoding: 'utf8',
        },
      );
      expect(launched.status).toBe(1);
      expect(launched.stderr).toMatch(/Time Audit needs Node\.js 22\.18 or newer, and this is v\d+/);
      expect(launched.stderr).toMatch(/npm start/);

      expect(launch(['--build']).status).toBe(0);
      const dataDir = path.join(dataRoot, 'old-node');
      const served = spawnSync(
        old,
        [path.join(checkout, 'dist', 'app', 'cli', 'main.js'), 'serve', '--data-dir', dataDir, '--port', '0'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(served.signal).toBeNull();
      expect(served.status).toBe(1);
      expect(served.stderr).toMatch(/timeaudit: needs Node\.js 22\.18 or newer/);
      expect(existsSync(dataDir)).toBe(false);
    },
  );
});
