/**
 * `timeaudit serve`: the headless daemon. Opens the store, starts the localhost API and the window tracker,
 * and on SIGINT/SIGTERM flushes the open events and closes everything in order.
 */
import { createLogger } from '../core/logger.ts';
import { LiveSettings } from '../core/live-settings.ts';
import { PauseController, systemPauseClock } from '../server/pause-controller.ts';
import { Store } from '../db/store.ts';
import { createServer } from '../server/server.ts';
import { loadOrCreateToken } from '../server/token.ts';
import { GetWindowsSource } from '../trackers/active-window.ts';
import { X11IdleSource } from '../trackers/idle-x11.ts';
import type { IdleSource } from '../trackers/idle.ts';
import { WindowTracker } from '../trackers/tracker.ts';
import { databasePath } from './paths.ts';
import { SettingsFile } from './settings-file.ts';
import { EXTENSION_ID } from '../shared/extension.ts';
import { DataFolderLock, isDaemon } from '../db/data-lock.ts';
import { DailyBackups } from '../db/daily-backups.ts';
import { prepareDataDir } from './paths.ts';
import { KeyStores, unlockDatabase } from '../db/keys/choose.ts';
import { StoreSlot } from '../db/store-slot.ts';
import { DaemonEncryption } from '../server/encryption-service.ts';

/** Options left undefined come from the settings file the desktop app shares (settings.json), else defaults. */
export interface ServeOptions {
  dataDir: string;
  port?: number | undefined;
  track: boolean;
  pollMs?: number | undefined;
  idleMinutes?: number | undefined;
  extensionIds: string[];
}

const log = createLogger('serve');

/** Why window tracking cannot run here, or null when it can. */
export function trackingUnavailable(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | null {
  if (platform !== 'linux') return null;
  if (env.DISPLAY) return null;
  return env.WAYLAND_DISPLAY
    ? 'Wayland without XWayland DISPLAY: window tracking is off (the API and the browser extension still work)'
    : 'no display (DISPLAY is not set): window tracking is off (the API and the browser extension still work)';
}

/** How long a daemon waits for a `timeaudit log` or `demo` run to finish with the data folder. */
const COMMAND_WAIT_MS = 15_000;

/**
 * Runs the daemon as the data folder's one writer: a second daemon (or the desktop app) on the same folder
 * stops at once with DataFolderBusyError naming the first; a writing command that holds the folder is waited
 * for. The lock goes when this returns or throws, and with the process however it ends.
 */
export async function serve(given: ServeOptions): Promise<void> {
  prepareDataDir(given.dataDir);
  const lock = DataFolderLock.acquire(given.dataDir, 'serve', {
    waitMs: COMMAND_WAIT_MS,
    keepWaiting: (holder) => !isDaemon(holder),
  });
  try {
    await serveLocked(given, lock);
  } finally {
    lock.release();
  }
}

async function serveLocked(given: ServeOptions, lock: DataFolderLock): Promise<void> {
  // The dashboard's Settings card changes the same file; exclusions and the away threshold apply at once.
  const live = new LiveSettings(new SettingsFile(given.dataDir), { idleMinutes: given.idleMinutes });
  const settings = live.get();
  const options = {
    ...given,
    port: given.port ?? settings.port,
    pollMs: given.pollMs ?? settings.pollIntervalMs,
    idleMinutes: given.idleMinutes ?? settings.idleMinutes,
  };
  // An encrypted database that no key opens stops the daemon here, in one line, before it serves anything.
  const unlocked = unlockDatabase(databasePath(options.dataDir), options.dataDir);
  if (unlocked) log.info(`the database is encrypted; its key is in ${unlocked.store.where}`);
  // Summaries of a zone are built in steps between requests: the API answers from the first moment.
  const open = (key: Buffer | null) =>
    Store.open({ file: databasePath(options.dataDir), key, zoneBuilds: 'background' });
  // The store sits in a slot, so that `encrypt` / `decrypt` can replace it while the API runs.
  const slot = new StoreSlot(open(unlocked?.key ?? null));
  const store = slot.store;
  const token = loadOrCreateToken(options.dataDir);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // One pause for the API (the extension, and later the tray) and the tracker.
  const pause = new PauseController(systemPauseClock);
  // A copy a day in <data>/backups, the last 7 kept: made through a connection of its own, writes go on.
  const backups = new DailyBackups({
    dataDir: options.dataDir,
    tz,
    log: log.child('backup'),
    key: (): Buffer | null => encryption.key(),
  });
  const encryption: DaemonEncryption = new DaemonEncryption({
    dataDir: options.dataDir,
    slot,
    unlocked,
    open: (key) => {
      const reopened = open(key);
      reopened.prepareZoneInBackground(tz);
      return reopened;
    },
    backups,
    log: log.child('encryption'),
    keys: {
      find: () => new KeyStores(options.dataDir).find().found,
      writable: () => new KeyStores(options.dataDir).writable(),
    },
  });
  pause.onChange((state) => {
    if (!state.paused) log.info('tracking resumed');
    else if (state.untilMs === null) log.info('tracking paused until resumed');
    else log.info(`tracking paused until ${new Date(state.untilMs).toISOString()}`);
  });
  const server = createServer({
    store,
    token,
    port: options.port,
    extensionIds: [EXTENSION_ID, ...options.extensionIds],
    pause,
    tz,
    settings: live,
    beforePurge: () => tracker?.cut(),
    backups,
    encryption,
  });
  let tracker: WindowTracker | null = null;
  let idle: IdleSource | null = null;
  try {
    const { url } = await server.listen();
    lock.listening(url);
    console.log(`Time Audit is running: ${url}  (data in ${options.dataDir})`);
    // The token travels in the fragment, which browsers never send to a server; the dashboard keeps it.
    console.log(`Dashboard: ${url}/#token=${token}`);
    console.log('Pair the browser extension with the token from `timeaudit token`. Stop with Ctrl+C.');
    // Reports in this machine's zone read its summaries: built now, between requests, the first dashboard
    // load over a long range finds them ready.
    store.prepareZoneInBackground(tz);
    backups.start();
  } catch (error) {
    store.close();
    throw error;
  }

  const why = options.track ? trackingUnavailable() : 'window tracking is off (--no-track)';
  if (why) log.warn(why);
  else {
    idle = process.platform === 'linux' ? new X11IdleSource({ log: log.child('idle') }) : null;
    tracker = new WindowTracker({
      windows: new GetWindowsSource({ log: log.child('window') }),
      idle,
      sink: { saveWindow: (e) => store.saveTrackedWindow(e), saveIdle: (e) => store.saveTrackedIdle(e) },
      pollIntervalMs: options.pollMs,
      idleThresholdMs: options.idleMinutes * 60_000,
      log: log.child('tracker'),
      isPaused: () => pause.isPaused(),
      excludeApp: (app) => live.exclusions.excludesApp(app),
    });
    // A poll right away closes the open event at the moment of pausing rather than at the next poll.
    const polled = tracker;
    pause.onChange((state) => {
      if (state.paused) void polled.tick();
    });
    live.onChange((next, previous) => {
      if (next.idleMinutes === previous.idleMinutes) return;
      polled.setIdleThresholdMs(next.idleMinutes * 60_000);
      log.info(`away after ${next.idleMinutes} min idle from now on`);
    });
    tracker.start();
    log.info(
      `tracking the active window every ${options.pollMs} ms; away after ${options.idleMinutes} min idle`,
    );
  }

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info(`${signal}: saving open events and stopping`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await tracker?.stop();
  idle?.close();
  await server.close();
  await backups.stop();
  store.close();
}
