/**
 * Runs Time Audit from a checkout as the JavaScript that tsc compiles into dist/, building dist/ first when it
 * is missing or older than its sources. Running the TypeScript sources through Node's type stripping instead
 * would cost every daemon about 30 MiB more and a slower start. `npm run timeaudit`, `npm run serve` and
 * `npm start` come through here; `npm run build` builds without running. Installed, the `timeaudit` command
 * runs dist/app/cli/main.js directly.
 *
 *   node app/cli/launch.mjs main report --from today      the timeaudit command
 *   node app/cli/launch.mjs start                          npm start: the desktop app, else the daemon
 *   node app/cli/launch.mjs --build                        build only
 *
 * Plain JavaScript, so that nothing here needs type stripping either.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// SQLite's binary crashes an older Node as it loads, before any message could be printed: say it first.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Time Audit needs Node.js 22.18 or newer, and this is ${process.version}. Run it through npm ` +
      '(npm start, npm run timeaudit -- …), which uses the Node 24 the project brings.',
  );
  process.exit(1);
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
/** Written last by a build that succeeded: the signature of the sources it compiled. */
const STAMP = path.join(DIST, '.built');
const ENTRIES = { main: 'main.js', start: 'start.js' };

/** What dist/ is compiled from: the app's sources (not its tests, nor the desktop shell), and what it copies. */
const SOURCES = ['app', 'migrations', 'tsconfig.json', 'tsconfig.build.json'];
/** The dashboard, built by vite (`npm run build:renderer`), and its copy in dist/, which the daemon serves. */
const DASHBOARD = path.join(ROOT, 'renderer', 'dist');
const DASHBOARD_COPY = path.join(DIST, 'renderer', 'dist');
const isSource = (file) =>
  !/\.(test|testing)\.ts$/.test(file) && !file.startsWith(path.join(ROOT, 'app', 'electron'));

/**
 * What the sources are now: each file's path, size and modification time, hashed. Any file changed, added or
 * removed (a pull, a checkout, an edit, a file copied with an old date) gives another signature.
 */
function sourcesSignature() {
  const lines = [];
  const visit = (file) => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return; // a file removed while we look
    }
    if (stat.isDirectory()) for (const name of readdirSync(file).sort()) visit(path.join(file, name));
    else if (isSource(file)) lines.push(`${path.relative(ROOT, file)}\t${stat.size}\t${stat.mtimeMs}`);
  };
  for (const source of SOURCES) visit(path.join(ROOT, source));
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Whether the sources differ from what the last build compiled (or there is none). */
export function isStale() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).sources !== sourcesSignature();
  } catch {
    return true;
  }
}

/**
 * Compiles into a new folder and then puts it in place of dist/, so that a build that fails, or one running
 * beside a command still using dist/, never leaves half a dist/ behind.
 */
export function build() {
  const started = Date.now();
  // Read before compiling: a file saved while tsc runs changes it, and makes the next run build again.
  const sources = sourcesSignature();
  const next = `${DIST}.${process.pid}.tmp`;
  const old = `${DIST}.${process.pid}.old`;
  rmSync(next, { recursive: true, force: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', next], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (compiled.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    const output = `${compiled.stdout ?? ''}${compiled.stderr ?? ''}`.trim() || String(compiled.error ?? '');
    throw new Error(`the build failed (tsc -p tsconfig.build.json):\n${output}`);
  }
  // The files the compiled code finds beside itself: migrations/, the team report's SQL, the dashboard.
  cpSync(path.join(ROOT, 'migrations'), path.join(next, 'migrations'), { recursive: true });
  cpSync(path.join(ROOT, 'app', 'sync', 'sql'), path.join(next, 'app', 'sync', 'sql'), { recursive: true });
  if (existsSync(DASHBOARD))
    cpSync(DASHBOARD, path.join(next, 'renderer', 'dist'), { recursive: true, preserveTimestamps: true });
  writeFileSync(
    path.join(next, '.built'),
    `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`,
  );
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
  return Date.now() - started;
}

/** Copies the dashboard into dist/ again when vite has built it since (npm run serve builds it each time). */
function refreshDashboard() {
  const built = (dir) =>
    existsSync(path.join(dir, 'index.html')) ? statSync(path.join(dir, 'index.html')).mtimeMs : 0;
  if (built(DASHBOARD) <= built(DASHBOARD_COPY)) return;
  rmSync(DASHBOARD_COPY, { recursive: true, force: true });
  cpSync(DASHBOARD, DASHBOARD_COPY, { recursive: true, preserveTimestamps: true });
}

async function main() {
  const [what, ...args] = process.argv.slice(2);
  if (what !== '--build' && !(what in ENTRIES)) {
    console.error('usage: node app/cli/launch.mjs main|start [arguments…] | --build');
    process.exitCode = 2;
    return;
  }
  if (what === '--build' || isStale()) {
    if (what !== '--build')
      console.error('Building timeaudit into dist/ (the sources changed since the last build)…');
    try {
      const ms = build();
      if (what === '--build') console.error(`Built dist/ in ${(ms / 1000).toFixed(1)} s.`);
    } catch (error) {
      console.error(`timeaudit: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    if (what === '--build') return;
  } else refreshDashboard();
  // The program reads its arguments from process.argv, as when run as `node dist/app/cli/main.js …`.
  const entry = path.join(DIST, 'app', 'cli', ENTRIES[what]);
  process.argv = [process.argv[0], entry, ...args];
  await import(pathToFileURL(entry).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
