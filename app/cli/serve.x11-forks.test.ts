/**
 * What tracking costs on X11, checked on the real daemon: `timeaudit serve` under Xvfb with two windows and a
 * focus switch every 3 s for two minutes, strace attached to the daemon for the whole run. Every switch must land in the
 * recorded events (each switch gives its window a title of its own first), and the daemon must start no process:
 * no fork, vfork or non-thread clone, no execve.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startDaemon } from './daemon.testing.ts';
import {
  missingX11Tools,
  onPath,
  startX11Desktop,
  X11_APT,
  type X11Desktop,
} from '../trackers/x11-desktop.testing.ts';

const missing = [...missingX11Tools(), ...(onPath('strace') ? [] : ['strace'])];
/** Two minutes of tracking, the focus switched every 3 s. */
const SWITCHES = 40;
const EVERY_MS = 3_000;

if (missing.length > 0 && !process.env.CI) {
  process.stderr.write(`X11 process-count test skipped: ${missing.join(', ')} not installed\n`);
}

/** Processes the traced daemon started: execve calls, forks, and clones that make a process, not a thread. */
function processesStarted(trace: string): string[] {
  return trace
    .split('\n')
    .filter(
      (line) =>
        /\b(execve|fork|vfork)\(/.test(line) ||
        (/\bclone3?\(/.test(line) && !/CLONE_THREAD/.test(line) && !/resumed>/.test(line)),
    );
}

describe.skipIf(missing.length > 0 && !process.env.CI)('timeaudit serve on X11: the cost of tracking', () => {
  let desktop: X11Desktop;
  let dir: string;
  const ids: string[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: ${X11_APT} strace`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'ta-serve-forks-'));
    desktop = await startX11Desktop();
    ids.push(await desktop.openWindow('left - start', 'TaLeft'));
    ids.push(await desktop.openWindow('right - start', 'TaRight'));
  });
  afterAll(async () => {
    await desktop?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`records all ${SWITCHES} focus switches and starts no process`, { timeout: 240_000 }, async () => {
    const env = { ...process.env, DISPLAY: desktop.display, TIMEAUDIT_LOG_LEVEL: 'info' };
    const daemon = await startDaemon(['--port', '0', '--data-dir', dir], env);
    const traceFile = path.join(dir, 'strace.txt');
    let stopped = false;
    try {
      await daemon.waitForLog(/tracking the active window/);
      const strace = spawn('strace', [
        '-f',
        '-qq',
        '-e',
        'trace=execve,fork,vfork,clone,clone3',
        '-o',
        traceFile,
        '-p',
        String(daemon.pid),
      ]);
      const straceExit = new Promise((resolve) => strace.once('exit', resolve));
      let straceErr = '';
      strace.stderr.on('data', (d) => (straceErr += d));
      await sleep(500);
      // strace that cannot attach (no ptrace permission) exits at once: the count below would mean nothing.
      expect(strace.exitCode, `strace did not attach: ${straceErr}`).toBeNull();

      const startedMs = Date.now();
      for (let i = 1; i <= SWITCHES; i++) {
        const id = ids[i % 2] as string;
        await desktop.xdotool('set_window', '--name', `switch ${i}`, id);
        await desktop.xdotool('windowactivate', '--sync', id);
        await sleep(EVERY_MS);
      }
      const elapsedMs = Date.now() - startedMs;
      strace.kill('SIGINT'); // detaches, leaving the daemon running
      await straceExit;
      stopped = true;
      expect(await daemon.stop()).toBe(0);

      const started = processesStarted(readFileSync(traceFile, 'utf8'));
      expect(started, `the daemon started processes:\n${started.join('\n')}`).toEqual([]);
      expect(elapsedMs).toBeGreaterThan(SWITCHES * EVERY_MS);
    } finally {
      if (!stopped) await daemon.stop();
    }

    const raw = runCli([
      'export',
      '--data-dir',
      dir,
      '--from',
      new Date(Date.now() - 3_600_000).toISOString(),
      '--to',
      'now',
      '--raw',
      '--titles',
    ]);
    expect(raw.status).toBe(0);
    const titles = raw.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { title?: string; start_ts: string })
      .filter((e) => e.title !== undefined)
      .sort((a, b) => a.start_ts.localeCompare(b.start_ts))
      .map((e) => e.title);
    const switches = titles.filter((t) => t?.startsWith('switch '));
    expect(switches).toEqual(Array.from({ length: SWITCHES }, (_, i) => `switch ${i + 1}`));
  });
});
