/**
 * What tracking costs under sway: the daemon tracking two foot windows in a headless sway, the focus switched
 * every few seconds, against the baseline of the same daemon with tracking off (`--no-track`), measured in the
 * same run. Prints the CPU per minute of each, their difference and ratio, the child processes the tracking
 * daemon started (0: the sway IPC is a socket), and the switches recorded. The daemon runs as it ships, from
 * dist/ (built first). Needs sway and foot (Linux).
 *
 *   node bench/sway-tracking.ts                      (60 s each; or --seconds N, BENCH_SWAY_SECONDS)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli, startDaemon } from '../app/cli/daemon.testing.ts';
import {
  missingSwayTools,
  startSwayDesktop,
  type SwayDesktop,
} from '../app/trackers/sway-desktop.testing.ts';
import { buildDist } from './build.ts';
import { ratio, table } from './measure.ts';
import { numberOption } from './options.ts';

const seconds = numberOption('--seconds', 'BENCH_SWAY_SECONDS', 60);
const SWITCH_MS = 3_000;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of a process so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function childrenOf(pid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(entry);
    } catch {
      // ended while we looked
    }
  }
  return found;
}

interface Run {
  cpuPerMinute: number;
  children: number;
  switches: number;
  recorded: number;
}

async function run(desktop: SwayDesktop, track: boolean): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-bench-sway-'));
  const daemon = await startDaemon(
    ['--port', '0', '--data-dir', dir, ...(track ? [] : ['--no-track'])],
    {
      ...process.env,
      ...desktop.env,
      TIMEAUDIT_LOG_LEVEL: 'warn',
    },
    { built: true },
  );
  const children = new Set<string>();
  let switches = 0;
  try {
    await sleep(2_000); // past start-up
    const cpu0 = cpuSeconds(daemon.pid);
    const t0 = Date.now();
    while (Date.now() - t0 < seconds * 1_000) {
      await desktop.swaymsg(`[app_id=${switches % 2 ? 'ta.b' : 'ta.a'}] focus`);
      switches++;
      for (let t = 0; t < SWITCH_MS; t += 250) {
        for (const child of childrenOf(daemon.pid)) children.add(child);
        await sleep(250);
      }
    }
    const cpuPerMinute = ((cpuSeconds(daemon.pid) - cpu0) / (Date.now() - t0)) * 60_000;
    await daemon.stop();
    const exported = runCli([
      'export',
      '--raw',
      '--format',
      'ndjson',
      '--data-dir',
      dir,
      '--from',
      'yesterday',
    ]);
    const recorded = exported.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { source: string; start_ts: string })
      .filter((e) => e.source === 'window' && Date.parse(e.start_ts) >= t0 - 500).length;
    return { cpuPerMinute, children: children.size, switches, recorded };
  } finally {
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const missing = missingSwayTools();
if (process.platform !== 'linux' || missing.length > 0) {
  console.log(`sway tracking bench skipped: needs Linux with ${missing.join(', ') || 'sway and foot'}`);
} else {
  buildDist();
  const desktop = await startSwayDesktop();
  try {
    await desktop.openWindow('ta.a', 'A');
    await desktop.openWindow('ta.b', 'B');
    process.stderr.write(`sway tracking bench: ${seconds} s tracking, then ${seconds} s not tracking\n`);
    const tracking = await run(desktop, true);
    const baseline = await run(desktop, false);
    console.log('\n== tracking under sway ==');
    console.log(
      table([
        ['daemon', 'CPU s/min', 'child processes', 'switches recorded'],
        [
          'tracking (sway IPC)',
          tracking.cpuPerMinute.toFixed(3),
          String(tracking.children),
          `${tracking.recorded} of ${tracking.switches}`,
        ],
        ['baseline: --no-track', baseline.cpuPerMinute.toFixed(3), String(baseline.children), '-'],
        [
          'tracking − baseline (target ≤ 0.2)',
          (tracking.cpuPerMinute - baseline.cpuPerMinute).toFixed(3),
          '',
          '',
        ],
        [
          'tracking / baseline',
          ratio(tracking.cpuPerMinute / Math.max(baseline.cpuPerMinute, 0.001)),
          '',
          '',
        ],
      ]),
    );
  } finally {
    await desktop.close();
  }
}
