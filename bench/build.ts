/**
 * The benchmarks measure the daemon as it ships: the JavaScript in dist/ (app/cli/launch.mjs builds it), with
 * the dashboard it serves. `buildDist()` rebuilds dist/ (a few seconds), so that the sources as they are now are
 * measured, and builds the dashboard only when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { note } from './progress.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Runs `node <args>` in the checkout; throws with `what` if it fails. */
export function runNode(args: string[], what: string): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** The dashboard when it is missing (the daemon serves it, and loads the static file server for it), then dist/. */
export function buildDist(): void {
  if (!existsSync(path.join(ROOT, 'renderer', 'dist', 'index.html'))) {
    note('building the dashboard (renderer/dist)…');
    const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    runNode([vite, 'build', '--logLevel', 'warn', '--config', 'renderer/vite.config.ts'], 'vite build');
  }
  note('building dist/ (node app/cli/launch.mjs --build)…');
  runNode(['app/cli/launch.mjs', '--build'], 'node app/cli/launch.mjs --build');
}
