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
import { desktopSources, type DesktopWindowSource } from '../trackers/desktop-sources.ts';
import { offReason } from '../trackers/desktop.ts';
import type { IdleSource } from '../trackers/idle.ts';
import { WindowTracker } from '../trackers/tracker.ts';
import { databasePath } from './paths.ts';
import { SettingsFile } from '../db/settings-file.ts';
import { EXTENSION_ID } from '../shared/extension.ts';
import { DataFolderLock, isDaemon } from '../db/data-lock.ts';
import { DailyBackups } from '../db/daily-backups.ts';
import { RetentionJob, retentionChanged } from '../db/retention-run.ts';
import { prepareDataDir } from './paths.ts';
import { reportTracker, StatusBoard } from '../server/status-board.ts';
import { DEFAULT_PORT } from '../server/server.ts';
import type { PortSource } from '../shared/api/index.ts';
import { SyncService } from '../sync/service.ts';
import { KeyStores, unlockDatabase } from '../db/keys/choose.ts';
import { StoreSlot } from '../db/store-slot.ts';
import { DaemonEncryption } from '../server/encryption-service.ts';

/** Options left undefined come from the settings file the desktop app shares (settings.json), else defaults. */
export interface ServeOptions {
  dataDir: string;
  port?: number | undefined;
  /** Where `port` came from when it is given: the --port flag or $TIMEAUDIT_PORT. */
  portFrom?: 'flag' | 'environment' | undefined;
  track: boolean;
  pollMs?: number | undefined;
  idleMinutes?: number | undefined;
  extensionIds: string[];
}

const log = createLogger('serve');

function portSource(given: ServeOptions, saved: number): PortSource {
  if (given.port !== undefined) return given.portFrom ?? 'flag';
  return saved === DEFAULT_PORT ? 'default' : 'settings';
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
    Store.open({
      file: databasePath(options.dataDir),
      key,
      zoneBuilds: 'background',
      redaction: live.redaction,
    });
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
  const retention = new RetentionJob({
    store,
    policy: () => live.get(),
    tz,
    log: log.child('retention'),
    waitFor: () => backups.settled(),
  });
  live.onChange((next, previous) => {
    if (retentionChanged(next, previous)) void retention.runNow().catch(() => {});
  });
  pause.onChange((state) => {
    if (!state.paused) log.info('tracking resumed');
    else if (state.untilMs === null) log.info('tracking paused until resumed');
    else log.info(`tracking paused until ${new Date(state.untilMs).toISOString()}`);
  });
  const status = new StatusBoard();
  status.portSource = portSource(given, settings.port);
  // Team sync, off until the user turns it on: on its interval, or when asked through the API.
  const sync = new SyncService({
    store,
    dataDir: options.dataDir,
    tz,
    settings: () => live.get().sync,
    log: log.child('sync'),
  });
  const server = createServer({
    store,
    token,
    status,
    port: options.port,
    extensionIds: [EXTENSION_ID, ...options.extensionIds],
    pause,
    tz,
    settings: live,
    beforePurge: () => tracker?.cut(),
    backups,
    sync,
    encryption,
  });
  let tracker: WindowTracker | null = null;
  let idle: IdleSource | null = null;
  try {
    const { url, port } = await server.listen();
    live.runsWith({ port, pollIntervalMs: options.pollMs });
    lock.listening(url);
    console.log(`Time Audit is running: ${url}  (data in ${options.dataDir})`);
    // The token travels in the fragment, which browsers never send to a server; the dashboard keeps it.
    console.log(`Dashboard: ${url}/#token=${token}`);
    console.log('Pair the browser extension with the token from `timeaudit token`. Stop with Ctrl+C.');
    // Reports in this machine's zone read its summaries: built now, between requests, the first dashboard
    // load over a long range finds them ready.
    store.prepareZoneInBackground(tz);
    backups.start();
    // Titles and events older than the settings keep: at start, each new day, and when the settings change.
    retention.start();
    sync.startSchedule();
  } catch (error) {
    store.close();
    throw error;
  }

  // The desktop decides how windows and idle time are read (sway, Hyprland, X11), and says what is recorded.
  const desktop = options.track ? await desktopSources(log) : null;
  let windows: DesktopWindowSource | null = null;
  if (!desktop || !desktop.windows) {
    const why = desktop ? desktop.choice.summary : 'window tracking is off (--no-track)';
    log.warn(why);
    const reason = desktop ? offReason(desktop.choice) : 'started with --no-track';
    status.setOff('windows', 'Active window', reason);
    status.setOff('idle', 'Idle time', reason);
  } else {
    log.info(`desktop: ${desktop.choice.summary}`);
    windows = desktop.windows;
    idle = desktop.idle;
    tracker = new WindowTracker({
      windows,
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
    reportTracker(status, polled, { windows: desktop.choice.windows ?? 'none', idle: desktop.choice.idle });
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
  windows?.close?.();
  idle?.close();
  await server.close();
  await backups.stop();
  await retention.stop();
  await sync.stop();
  store.close();
}
