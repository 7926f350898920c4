/**
 * `npm start`: the desktop app where it can run, else the headless daemon (`timeaudit serve`) in this process.
 *
 * Electron can run when its binary has been downloaded (the npm package fetches it on first launch; this never
 * triggers that download) and there is a display. TIMEAUDIT_HEADLESS=1 forces the daemon.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from './paths.ts';

export type DesktopAvailability = { ok: true } | { ok: false; reason: string };

/** The checkout's root: two folders up from app/cli/start.ts, three from the compiled dist/app/cli/start.js. */
const ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

function packageRoot(dir: string): string {
  return existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir
    ? dir
    : packageRoot(path.dirname(dir));
}
/** The desktop app's entry point, built by `npm run build:electron`. */
export const ELECTRON_MAIN = path.join(ROOT, 'dist-electron', 'app', 'electron', 'main.js');

/** Whether the desktop app can open here. Pure: the caller finds the binary (null when it is not installed). */
export function desktopAvailability(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  electronBinaryPath: string | null,
): DesktopAvailability {
  if (env.TIMEAUDIT_HEADLESS === '1') return { ok: false, reason: 'TIMEAUDIT_HEADLESS=1' };
  if (electronBinaryPath === null)
    return {
      ok: false,
      reason: `Electron's binary is not installed; run "npx electron --version" online to fetch it`,
    };
  if (platform === 'darwin' || platform === 'win32') return { ok: true };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true };
  return { ok: false, reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
}

/**
 * The Electron binary's path if it has been downloaded, else null. Reads what the `electron` package would
 * (path.txt and dist/) without requiring it, since requiring it starts a download when the binary is missing.
 */
export function findElectronBinary(
  env: NodeJS.ProcessEnv = process.env,
  packageDir = path.join(ROOT, 'node_modules', 'electron'),
): string | null {
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : executable && path.join(packageDir, 'dist', executable);
  return binary && existsSync(binary) ? binary : null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
    strict: false,
  });
  const binary = findElectronBinary();
  const available = desktopAvailability(process.env, process.platform, binary);
  const why = !available.ok
    ? available.reason
    : existsSync(ELECTRON_MAIN)
      ? null
      : 'the desktop app is not built: npm run build:electron';

  if (why === null && binary !== null) {
    const child = spawn(binary, [ROOT, ...args], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    return;
  }

  console.log(`Desktop app unavailable here (${why}) — running the headless daemon instead.`);
  const portText = typeof values.port === 'string' ? values.port : process.env.TIMEAUDIT_PORT;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    console.error(`timeaudit: the port must be a whole number from 0 to 65535, not "${portText}"`);
    process.exitCode = 2;
    return;
  }
  try {
    const { serve } = await import('./serve.ts');
    await serve({
      dataDir: resolveDataDir(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined),
      port,
      track: true,
      extensionIds: [],
    });
  } catch (error) {
    // The port in use, the data folder held by another daemon: one line, as the timeaudit command says it.
    const { cliFailure } = await import('./errors.ts');
    const failure = cliFailure(error);
    if (!failure) throw error;
    console.error(`timeaudit: ${failure.message}`);
    process.exitCode = failure.exitCode;
  }
}

// Imported by its test for the pure parts; run as a program by `npm start`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
