/**
 * What window tracking costs on X11: a real `timeaudit serve` under Xvfb (matchbox, two xterms, the focus
 * switched every 2 s; the daemon as it ships, from dist/), once with get-windows (the baseline: xprop and
 * xwininfo per poll) and once with the pure-X11 source, and once with tracking off for reference. Measured
 * from the daemon's /proc/<pid>/stat: CPU seconds per minute, its reaped children's included; then, in a
 * shorter run under strace, the processes it starts per poll.
 *
 *   node bench/tracking.ts [--tracking-seconds 60]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDaemon } from '../app/cli/daemon.testing.ts';
import {
  missingX11Tools,
  onPath,
  startX11Desktop,
  type X11Desktop,
} from '../app/trackers/x11-desktop.testing.ts';
import { buildDist } from './build.ts';
import { ratio, table } from './measure.ts';
import { numberOption } from './options.ts';
import { note } from './progress.ts';

export const TRACKING_CPU_TARGET_S = 0.2;
const POLL_MS = 1_000;
const TICKS_PER_S = 100; // USER_HZ on Linux

export interface TrackingRow {
  label: string;
  cpuSecondsPerMinute: number;
  /** null when strace is not installed or may not attach. */
  processesPerPoll: number | null;
}

export interface TrackingSummary {
  rows: TrackingRow[];
  getWindows: TrackingRow;
  x11: TrackingRow;
  /** get-windows' CPU per minute over the pure-X11 source's. */
  cpuRatio: number;
}

type Mode = { label: string; args: string[]; env: NodeJS.ProcessEnv };

/** utime + stime + cutime + cstime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3, utime is 14 → index 11 here.
  return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / TICKS_PER_S;
}

async function switchFocus(desktop: X11Desktop, ids: string[], untilMs: number): Promise<number> {
  let n = 0;
  while (Date.now() < untilMs) {
    await desktop.xdotool('windowactivate', '--sync', ids[n++ % ids.length] as string);
    await sleep(2_000);
  }
  return n;
}

async function measure(desktop: X11Desktop, ids: string[], mode: Mode, seconds: number, traced: boolean) {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-bench-tracking-'));
  const env = { ...process.env, ...mode.env, DISPLAY: desktop.display, TIMEAUDIT_LOG_LEVEL: 'warn' };
  const daemon = await startDaemon(
    ['--port', '0', '--data-dir', dir, '--poll-ms', String(POLL_MS), ...mode.args],
    env,
    { built: true },
  );
  try {
    await sleep(2_000); // started, first polls done
    let trace: { file: string; exited: Promise<unknown>; kill: () => void } | null = null;
    if (traced) {
      const file = path.join(dir, 'strace.txt');
      const child = spawn('strace', [
        '-f',
        '-qq',
        '-e',
        'trace=execve',
        '-o',
        file,
        '-p',
        String(daemon.pid),
      ]);
      trace = { file, exited: new Promise((r) => child.once('exit', r)), kill: () => child.kill('SIGINT') };
      await sleep(500);
      // strace that cannot attach (no ptrace permission) has exited already: no count then.
      if (child.exitCode !== null) trace = null;
    }
    const cpu0 = cpuSeconds(daemon.pid);
    const t0 = performance.now();
    await switchFocus(desktop, ids, Date.now() + seconds * 1_000);
    const elapsedS = (performance.now() - t0) / 1_000;
    const cpu = cpuSeconds(daemon.pid) - cpu0;
    let execs: number | null = null;
    if (trace) {
      trace.kill();
      await trace.exited;
      // Every program started is one execve that succeeded (a PATH search tries several first).
      execs = readFileSync(trace.file, 'utf8')
        .split('\n')
        .filter((l) => /execve\(/.test(l) && / = 0$/.test(l)).length;
    }
    const polls = elapsedS * (1_000 / POLL_MS);
    return { cpuPerMinute: (cpu / elapsedS) * 60, processesPerPoll: execs === null ? null : execs / polls };
  } finally {
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runTrackingBench(options: { seconds: number }): Promise<TrackingSummary | null> {
  const missing = missingX11Tools();
  if (missing.length > 0) {
    note(`tracking: skipped (${missing.join(', ')} not installed)`);
    return null;
  }
  buildDist();
  const strace = onPath('strace');
  const desktop = await startX11Desktop();
  try {
    const ids = [
      await desktop.openWindow('bench left', 'TaLeft'),
      await desktop.openWindow('bench right', 'TaRight'),
    ];
    const modes: Mode[] = [
      { label: 'tracking off (--no-track)', args: ['--no-track'], env: {} },
      { label: 'get-windows (baseline)', args: [], env: { TIMEAUDIT_WINDOW_SOURCE: 'get-windows' } },
      { label: 'pure X11', args: [], env: { TIMEAUDIT_WINDOW_SOURCE: 'x11' } },
    ];
    const rows: TrackingRow[] = [];
    for (const mode of modes) {
      note(`tracking: ${mode.label}, ${options.seconds} s of focus switches…`);
      const cpu = await measure(desktop, ids, mode, options.seconds, false);
      let processesPerPoll: number | null = null;
      if (strace) {
        note(`tracking: ${mode.label}, counting processes under strace…`);
        processesPerPoll = (await measure(desktop, ids, mode, Math.min(20, options.seconds), true))
          .processesPerPoll;
      }
      rows.push({ label: mode.label, cpuSecondsPerMinute: cpu.cpuPerMinute, processesPerPoll });
    }
    const [, getWindows, x11] = rows as [TrackingRow, TrackingRow, TrackingRow];
    console.log('\n== tracking on X11 (one poll a second, a focus switch every 2 s) ==');
    console.log(
      table([
        ['window source', 'CPU s / minute', 'processes / poll'],
        ...rows.map((r) => [
          r.label,
          r.cpuSecondsPerMinute.toFixed(3),
          r.processesPerPoll === null ? 'n/a (strace unavailable)' : r.processesPerPoll.toFixed(2),
        ]),
      ]),
    );
    return { rows, getWindows, x11, cpuRatio: getWindows.cpuSecondsPerMinute / x11.cpuSecondsPerMinute };
  } finally {
    await desktop.close();
  }
}

if (import.meta.main) {
  const summary = await runTrackingBench({
    seconds: numberOption('--tracking-seconds', 'BENCH_TRACKING_SECONDS', 60),
  });
  if (summary) console.log(`get-windows / pure X11 CPU: ${ratio(summary.cpuRatio)}`);
}
