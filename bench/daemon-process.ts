/**
 * Processes for bench/daemon.ts: each started on a free port of 127.0.0.1 and timed from spawn to its first
 * 200 from GET /v1/health, its memory read from /proc/<pid>/status, and every one of them (and every temporary
 * folder) cleaned up by `cleanup()`, which the benchmark calls on its way out, failed or not, and on Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const HEALTH_POLL_MS = 10;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** From /proc/<pid>/status, in bytes. */
export interface Memory {
  /** VmRSS: resident pages, all kinds. */
  rss: number;
  /** RssAnon: the heap (V8's and native allocations), stacks: what the process made. */
  anon: number;
  /** RssFile: pages of mapped files, most of them the node binary's own code and ICU data, and libraries. */
  file: number;
  /** VmHWM: the highest VmRSS so far. */
  peak: number;
}

export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(m[1]) * 1024;
  };
  return { rss: kib('VmRSS'), anon: kib('RssAnon'), file: kib('RssFile'), peak: kib('VmHWM') };
}

const children = new Set<ChildProcess>();
const folders = new Set<string>();

/** A temporary folder (in the system's, or in `parent`) that `cleanup()` removes. */
export function tempFolder(prefix: string, parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  folders.add(dir);
  return dir;
}

/** Kills whatever is still running and removes the temporary folders. */
export function cleanup(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** Cleans up on Ctrl+C or SIGTERM too; returns the function that stops listening. */
export function cleanupOnSignals(): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One GET on a connection of its own (no keep-alive, no fetch machinery in the timing). */
export function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: GET ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

export interface Started {
  pid: number;
  url: string;
  /** From spawn to the first 200 of GET /v1/health. */
  startMs: number;
  stderr(): string;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

/**
 * Spawns `node <argv>` (argv built for the port chosen here) and polls GET /v1/health every ~10 ms from the
 * moment of the spawn until it answers 200.
 */
export async function startTimed(argv: (port: number) => string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  const child = spawn(process.execPath, argv(port), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const late = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS, true)]);
      if (late) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    children.delete(child);
  };
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      children.delete(child);
      throw new Error(`node ${argv(port).join(' ')} exited before answering /v1/health:\n${stderr}`);
    }
    const answer = await get(`${url}/v1/health`).catch(() => null);
    if (answer?.status === 200) break;
    if (performance.now() - spawned > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`no 200 from ${url}/v1/health within ${START_TIMEOUT_MS} ms:\n${stderr}`);
    }
    await sleep(HEALTH_POLL_MS);
  }
  const startMs = performance.now() - spawned;
  return { pid: child.pid as number, url, startMs, stderr: () => stderr, stop };
}
