/**
 * The desktop app's main process: the same store, server and tracker as `timeaudit serve`, plus a tray, the
 * dashboard window and pausing. One instance per data folder; a second launch shows the first one's dashboard,
 * and a launch while the daemon (`timeaudit serve`) holds the folder says so and quits.
 *
 * Sleep and lock close the open event at once instead of waiting for the idle threshold:
 *
 *   window:  [code.......)            [code....      ← restarted on resume / unlock
 *   power:               ↑ suspend   ↑ resume
 */
import path from 'node:path';
import { app, clipboard, dialog, powerMonitor, shell, type BrowserWindow } from 'electron';
import { createLogger } from '../core/logger.ts';
import { LiveSettings } from '../core/live-settings.ts';
import { startOfNextDay } from '../core/pause.ts';
import { PauseController, systemPauseClock } from '../server/pause-controller.ts';
import type { TrayCommand } from '../core/desktop/tray-menu.ts';
import { zoneFor } from '../core/zone.ts';
import { databasePath } from '../db/open.ts';
import { prepareDataFolder } from '../db/data-folder.ts';
import { DataFolderLock, isDaemon } from '../db/data-lock.ts';
import { DailyBackups } from '../db/daily-backups.ts';
import { RetentionJob, retentionChanged } from '../db/retention-run.ts';
import { SyncService } from '../sync/service.ts';
import { syncLine } from '../core/desktop/sync-line.ts';
import { Store } from '../db/store.ts';
import { createServer, DEFAULT_PORT } from '../server/server.ts';
import { reportTracker, StatusBoard } from '../server/status-board.ts';
import { StoreSlot } from '../db/store-slot.ts';
import { DaemonEncryption } from '../server/encryption-service.ts';
import { DesktopKeys } from './database-key.ts';
import { loadOrCreateToken } from '../server/token.ts';
import { desktopSources } from '../trackers/desktop-sources.ts';
import { offReason } from '../trackers/desktop.ts';
import { WindowTracker } from '../trackers/tracker.ts';
import { PAUSE_CHANGED_CHANNEL } from '../shared/desktop-bridge.ts';
import { EXTENSION_ID } from '../shared/extension.ts';
import { PowerMonitorIdleSource } from './idle-power-monitor.ts';
import { GoalNotifier } from './goal-notifier.ts';
import { DesktopSettings } from './settings.ts';
import { AppTray, type TrayModel } from './tray.ts';
import { createDashboardWindow } from './window.ts';

/** The database's file name in the data folder; the CLI's app/cli/paths.ts uses the same one. */
const log = createLogger('desktop');

// `--data-dir DIR` or $TIMEAUDIT_DATA_DIR (development, tests); else userData, the CLI's default folder too.
const dataDirFlag = process.argv.indexOf('--data-dir');
const dataDirArg =
  (dataDirFlag >= 0 ? process.argv[dataDirFlag + 1] : undefined) ?? process.env.TIMEAUDIT_DATA_DIR;
if (dataDirArg) app.setPath('userData', path.resolve(dataDirArg));

if (!app.requestSingleInstanceLock()) app.quit();
else void main().catch((error: unknown) => fail(error));

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error(`could not start: ${message}`);
  dialog.showErrorBox('Time Audit could not start', message);
  app.exit(1);
}

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  // userData is the app's own folder (Electron keeps its caches there too): owner-only, like our files in it.
  prepareDataFolder(dataDir, { own: true, log });
  // The data folder's one writer, as the daemon is: a running daemon stops this launch with a message naming
  // it; a `timeaudit log` or `demo` run is waited for. The OS drops the lock with the process however it ends.
  const lock = DataFolderLock.acquire(dataDir, 'desktop', {
    waitMs: 15_000,
    keepWaiting: (holder) => !isDaemon(holder),
  });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Changed from the tray or the dashboard's Settings card: exclusions and the away threshold apply at once.
  const file = new DesktopSettings(dataDir);
  const settings = new LiveSettings(file);
  const config = settings.get();
  // An encrypted database opens with its key (safeStorage, else the daemon's key stores); without one the
  // launch stops here with one line, before anything is written.
  const keys = new DesktopKeys(dataDir, app.getPath('appData'));
  const unlocked = keys.unlock(databasePath(dataDir));
  const open = (key: Buffer | null) => {
    const opened = Store.open({
      file: databasePath(dataDir),
      key,
      zoneBuilds: 'background',
      redaction: settings.redaction,
    });
    opened.prepareZoneInBackground(tz);
    return opened;
  };
  // In a slot: encrypting or decrypting from the dashboard replaces it while the server runs.
  const slot = new StoreSlot(open(unlocked?.key ?? null));
  const store = slot.store;
  const token = loadOrCreateToken(dataDir);
  const pause = new PauseController(systemPauseClock);
  // The tracker starts once the server listens; a purge ends its open events (WindowTracker.cut).
  let cutTracker = (): void => {};
  // As the daemon does: a copy a day in <data>/backups, the last 7 kept.
  const backups = new DailyBackups({
    dataDir,
    tz,
    log: log.child('backup'),
    key: (): Buffer | null => encryption.key(),
  });
  const encryption: DaemonEncryption = new DaemonEncryption({
    dataDir,
    slot,
    unlocked,
    open,
    backups,
    log: log.child('encryption'),
    keys,
  });
  const status = new StatusBoard();
  status.portSource = config.port === DEFAULT_PORT ? 'default' : 'settings';
  // As the daemon does: team sync on its interval while enabled (app/sync).
  const sync = new SyncService({
    store,
    dataDir,
    tz,
    settings: () => settings.get().sync,
    log: log.child('sync'),
  });
  const server = createServer({
    store,
    token,
    status,
    port: config.port,
    extensionIds: [EXTENSION_ID],
    pause,
    tz,
    settings,
    beforePurge: () => cutTracker(),
    backups,
    sync,
    encryption,
  });
  const { url } = await server.listen().catch((error: unknown) => {
    store.close();
    throw error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
      ? new Error(`Port ${config.port} is in use: is the Time Audit daemon already running?`)
      : error;
  });
  lock.listening(url);
  log.info(`running: ${url} (data in ${dataDir})`);
  backups.start();
  // As the daemon does: retention at start, each new day, and when the settings change.
  const retention = new RetentionJob({
    store,
    policy: () => settings.get(),
    tz,
    log: log.child('retention'),
    waitFor: () => backups.settled(),
  });
  retention.start();
  sync.startSchedule();

  const idle = new PowerMonitorIdleSource(config.idleMinutes * 60);
  // sway and Hyprland through their sockets, X11, or get-windows on macOS and Windows (see app/trackers/desktop.ts).
  const desktop = await desktopSources(log);
  log.info(`desktop: ${desktop.choice.summary}`);
  const untracked = desktop.windows ? null : desktop.choice.summary;
  const tracker = new WindowTracker({
    windows: desktop.windows ?? { sample: () => Promise.resolve(null) },
    idle,
    sink: { saveWindow: (e) => store.saveTrackedWindow(e), saveIdle: (e) => store.saveTrackedIdle(e) },
    pollIntervalMs: config.pollIntervalMs,
    idleThresholdMs: config.idleMinutes * 60_000,
    isPaused: () => pause.isPaused(),
    excludeApp: (app) => settings.exclusions.excludesApp(app),
    log: log.child('tracker'),
  });
  cutTracker = () => tracker.cut();
  tracker.start();
  reportTracker(status, tracker, { windows: desktop.choice.windows ?? 'none', idle: 'power-monitor' });
  // Idle time still comes from Electron where windows cannot be read (Wayland without a supported interface).
  if (untracked) status.setOff('windows', 'Active window', offReason(desktop.choice));
  settings.onChange((next, previous) => {
    if (next.idleMinutes !== previous.idleMinutes) tracker.setIdleThresholdMs(next.idleMinutes * 60_000);
    if (retentionChanged(next, previous)) void retention.runNow().catch(() => {});
    if (next.launchAtLogin !== previous.launchAtLogin) {
      app.setLoginItemSettings({ openAtLogin: next.launchAtLogin });
      tray.refresh();
    }
  });

  let quitting = false;
  let dashboard: BrowserWindow | null = null;
  const showDashboard = () => {
    if (!dashboard || dashboard.isDestroyed()) {
      dashboard = createDashboardWindow({ origin: url, token, settings: file, isQuitting: () => quitting });
      dashboard.on('closed', () => (dashboard = null));
    } else {
      if (dashboard.isMinimized()) dashboard.restore();
      dashboard.show();
      dashboard.focus();
    }
  };

  // Goals are checked with each tray refresh (once a minute): crossing a limit shows a notification.
  const goalNotifier = new GoalNotifier(showDashboard);
  const model = (): TrayModel => {
    const zone = zoneFor(tz);
    const now = Date.now();
    const fromMs = zone.dayStart(zone.localDay(now));
    const report = store.report({ fromMs, toMs: startOfNextDay(now, tz), tz, limit: 1 });
    const goals = store.listGoals(tz);
    goalNotifier.check(goals);
    return {
      pause: pause.state(),
      todayMs: report.total_ms,
      // The dashboard's score: the productive share of all tracked time.
      productiveShare: report.score === null ? null : report.score / 100,
      goals,
      launchAtLogin: settings.get().launchAtLogin,
      errorMessage: untracked ?? tracker.problem(),
      syncLine: syncLine(sync.status(), tz),
    };
  };

  const connectBrowser = async () => {
    clipboard.writeText(token);
    const zip = path.join(process.resourcesPath, 'time-audit-extension.zip');
    const { response } = await dialog.showMessageBox({
      type: 'info',
      title: 'Connect the browser extension',
      message: 'The pairing token is on the clipboard.',
      detail:
        `Install the Time Audit extension in Chrome, open its popup, keep port ${config.port}, paste the token ` +
        'and press Connect.',
      buttons: app.isPackaged ? ['OK', 'Show the extension'] : ['OK'],
    });
    if (response === 1) shell.showItemInFolder(zip);
  };

  const run = (command: TrayCommand) => {
    const now = Date.now();
    if (command === 'open-dashboard') showDashboard();
    else if (command === 'pause-15') pause.pauseFor(15 * 60_000);
    else if (command === 'pause-60') pause.pauseFor(60 * 60_000);
    else if (command === 'pause-tomorrow') pause.pauseUntil(startOfNextDay(now, tz));
    else if (command === 'resume') pause.resume();
    else if (command === 'launch-at-login') {
      // onChange applies it to the login items and the tray.
      settings.update({ launchAtLogin: !settings.get().launchAtLogin });
    } else if (command === 'connect-browser') void connectBrowser();
    else if (command === 'quit') app.quit();
  };
  const tray = new AppTray({ iconsDir: path.join(app.getAppPath(), 'resources', 'tray'), model, run, tz });
  // The menu is rebuilt when a run ends, and at most every few seconds while it goes on.
  let syncDrawnMs = 0;
  sync.onChange((status) => {
    if (status.running && Date.now() - syncDrawnMs < 3_000) return;
    syncDrawnMs = Date.now();
    tray.refresh();
  });

  pause.onChange((state) => {
    tray.refresh();
    if (dashboard && !dashboard.isDestroyed()) dashboard.webContents.send(PAUSE_CHANGED_CHANNEL, state);
  });

  // Sleep, lock and shutdown end the open event now; waking and unlocking start a new one.
  const halt = () => void tracker.stop();
  powerMonitor.on('suspend', halt);
  powerMonitor.on('lock-screen', halt);
  powerMonitor.on('shutdown', () => {
    halt();
    app.quit();
  });
  powerMonitor.on('resume', () => tracker.start());
  powerMonitor.on('unlock-screen', () => tracker.start());

  app.on('second-instance', showDashboard);
  app.on('activate', showDashboard);
  app.on('window-all-closed', () => {
    if (!settings.get().closeToTray) app.quit();
  });

  // Quitting waits for the open events to be saved: the first before-quit is held until then.
  let cleanup: Promise<void> | null = null;
  let cleaned = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (cleaned) return;
    event.preventDefault();
    cleanup ??= (async () => {
      await tracker.stop();
      desktop.windows?.close?.();
      idle.close();
      tray.destroy();
      await server.close();
      await backups.stop();
      await retention.stop();
      await sync.stop();
      store.close();
      lock.release();
    })().then(
      () => {
        cleaned = true;
        app.quit();
      },
      (error: unknown) => {
        log.error(`error while quitting: ${String(error)}`);
        app.exit(1);
      },
    );
  });

  showDashboard();
}
