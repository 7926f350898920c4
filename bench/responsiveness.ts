/**
 * Whether heavy work stalls the daemon: a real `timeaudit serve` on years of demo data, started in a zone whose
 * summaries are not built (it builds them as it starts), then asked for a first report over all years in
 * another new zone. Meanwhile GET /v1/health and small ingests are timed; the baseline is the same requests
 * once everything is built.
 *
 *   node bench/responsiveness.ts [--years 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startDaemon } from '../app/cli/daemon.testing.ts';
import { createApiClient } from '../app/shared/client.ts';
import { ms, table, untilPrepared } from './measure.ts';
import { numberOption } from './options.ts';
import { note } from './progress.ts';

export const RESPONSIVE_TARGET_MS = 100;

export interface ResponsivenessSummary {
  /** From starting the process to the first answer of /v1/health. */
  firstHealthMs: number;
  /** p99 of /v1/health and of a small ingest while the zones are being built, and once they are built. */
  busy: { healthP99: number; ingestP99: number; buildMs: number; samples: number };
  idle: { healthP99: number; ingestP99: number };
}

const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
};

export async function runResponsivenessBench(options: { years: number }): Promise<ResponsivenessSummary> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'timeaudit-bench-responsive-'));
  const days = Math.round(options.years * 365.25);
  try {
    note(`responsiveness: writing ${days} days of demo data…`);
    const demo = runCli(['demo', '--days', String(days), '--tz', 'Europe/Berlin', '--data-dir', dataDir]);
    if (demo.status !== 0) throw new Error(demo.stderr);
    const token = runCli(['token', '--data-dir', dataDir]).stdout.trim();
    // The daemon's own zone is new to this data: it builds its summaries as it starts.
    const env = { ...process.env, DISPLAY: '', TZ: 'Asia/Tokyo', TIMEAUDIT_LOG_LEVEL: 'warn' };
    const spawned = performance.now();
    const daemon = await startDaemon(['--port', '0', '--no-track', '--data-dir', dataDir], env);
    const api = createApiClient({ baseUrl: daemon.url, token: () => token });
    await api.health({});
    const firstHealthMs = performance.now() - spawned;
    try {
      let n = 0;
      const sample = async (health: number[], ingest: number[]) => {
        const t0 = performance.now();
        await api.health({});
        health.push(performance.now() - t0);
        const start = new Date(Date.now() - 60_000 - (n % 1000) * 1000);
        const t1 = performance.now();
        await api.postIdleEvents({
          body: {
            events: [
              {
                event_id: `bench-${n++}`,
                start_ts: start.toISOString(),
                end_ts: new Date(start.getTime() + 500).toISOString(),
                duration_ms: 500,
                schema_version: 1,
              },
            ],
          },
        });
        ingest.push(performance.now() - t1);
      };
      const busyHealth: number[] = [];
      const busyIngest: number[] = [];
      const everything = { from: '2000-01-01T00:00:00Z', to: new Date().toISOString() };
      const built = performance.now();
      let ready = false;
      const report = untilPrepared(
        () => api.report({ query: { ...everything, tz: 'America/Sao_Paulo' } }),
        50,
      ).then(() => (ready = true));
      while (!ready) {
        await sample(busyHealth, busyIngest);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await report;
      const buildMs = performance.now() - built;
      await untilPrepared(() => api.report({ query: { ...everything, tz: 'Asia/Tokyo' } }));
      const idleHealth: number[] = [];
      const idleIngest: number[] = [];
      for (let i = 0; i < Math.max(50, busyHealth.length); i++) await sample(idleHealth, idleIngest);
      return {
        firstHealthMs,
        busy: {
          healthP99: p99(busyHealth),
          ingestP99: p99(busyIngest),
          buildMs,
          samples: busyHealth.length,
        },
        idle: { healthP99: p99(idleHealth), ingestP99: p99(idleIngest) },
      };
    } finally {
      await daemon.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function responsivenessTable(r: ResponsivenessSummary): string {
  return table([
    ['figure', 'while building', 'once built (baseline)', 'ratio'],
    [
      'GET /v1/health, p99',
      ms(r.busy.healthP99),
      ms(r.idle.healthP99),
      (r.busy.healthP99 / r.idle.healthP99).toFixed(1),
    ],
    [
      'POST one idle event, p99',
      ms(r.busy.ingestP99),
      ms(r.idle.ingestP99),
      (r.busy.ingestP99 / r.idle.ingestP99).toFixed(1),
    ],
    [
      'first report, all years, new zone (503 until ready)',
      ms(r.busy.buildMs),
      '',
      `${r.busy.samples} samples`,
    ],
    ['process start → first /v1/health', ms(r.firstHealthMs), '', ''],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runResponsivenessBench({ years: numberOption('--years', 'BENCH_YEARS', 5) });
  console.log(responsivenessTable(result));
}
