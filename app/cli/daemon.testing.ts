/**
 * Test support (not part of the app, excluded from the build): runs the `timeaudit` command as a user would,
 * as real processes, and talks to the daemon over real HTTP.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import type { IngestResult } from '../shared/events.ts';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
/**
 * The compiled command, as `npm run timeaudit` and `npm run serve` run it (app/cli/launch.mjs, which also
 * builds it: `node app/cli/launch.mjs --build`), with the same Node flags. Tests run the sources; benchmarks
 * measure this.
 */
export const BUILT_MAIN = new URL('../../dist/app/cli/main.js', import.meta.url).pathname;
export const BUILT_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 10_000;

/** Runs the command to its end; one still running after `timeoutMs` (a daemon) is killed, with status null. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs?: number,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env, timeout: timeoutMs });
}

export interface Daemon {
  url: string;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches (the daemon logs after it starts listening), or throws after a few seconds. */
  waitForLog(pattern: RegExp): Promise<void>;
  /**
   * Sends SIGTERM and resolves with the exit code once the daemon has saved its events and exited; one that
   * hangs is killed and reported with its log.
   */
  stop(): Promise<number | null>;
  /** Sends SIGKILL (no chance to save anything) and resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Starts `timeaudit serve …` and resolves once it prints the address it listens on. */
export async function startDaemon(
  args: string[],
  env: NodeJS.ProcessEnv,
  { built = false }: { built?: boolean } = {},
): Promise<Daemon> {
  const command = built ? [...BUILT_NODE_FLAGS, BUILT_MAIN] : [MAIN];
  const child = spawn(process.execPath, [...command, 'serve', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const m = /running: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) {
        clearInterval(timer);
        resolve(m[1] as string);
      } else if (Date.now() - started > START_TIMEOUT_MS) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`serve did not listen within ${START_TIMEOUT_MS} ms: ${stderr}`));
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code} before listening: ${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid as number,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForLog: async (pattern) => {
      for (let i = 0; i < 100 && !pattern.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
      if (!pattern.test(stderr)) throw new Error(`the daemon never logged ${pattern}: ${stderr}`);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>(
        (resolve) => (timer = setTimeout(() => resolve('late'), STOP_TIMEOUT_MS)),
      );
      const code = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (code !== 'late') return code;
      child.kill('SIGKILL');
      await exited;
      throw new Error(`serve did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM: ${stderr}`);
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function postEvents(
  url: string,
  token: string,
  source: 'window' | 'browser' | 'idle',
  events: object[],
): Promise<IngestResult> {
  const res = await fetch(`${url}/v1/${source}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return (await res.json()) as IngestResult;
}
