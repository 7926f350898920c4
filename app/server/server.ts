/**
 * The localhost listener: fastify bound to 127.0.0.1 only, guarded by security.ts, serving the `api` map through
 * handlers/. It does not own the store: whoever opened it closes it after `close()`.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger, type Logger } from '../core/logger.ts';
import { PauseController, systemPauseClock } from './pause-controller.ts';
import { installErrorHandling, replyWithError, writeClientError } from './errors.ts';
import { createHandlers } from './handlers/index.ts';
import type { Store } from '../db/store.ts';
import type { DailyBackups } from '../db/daily-backups.ts';
import type { SyncService } from '../sync/service.ts';
import type { EncryptionControl } from './encryption-control.ts';
import { registerRoutes } from './routes.ts';
import { DEFAULT_DASHBOARD_DIR, registerDashboard } from './dashboard.ts';
import { installGuards } from './security.ts';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { StatusBoard } from './status-board.ts';
import { DEFAULT_PORT } from '../shared/port.ts';

export { DEFAULT_PORT };
/** Loopback only. Never 0.0.0.0: the API serves a personal activity log. */
export const LISTEN_HOST = '127.0.0.1';
export const BODY_LIMIT_BYTES = 1_048_576;
/** How long requests still running when the app stops get to finish before their connections are cut. */
const CLOSE_GRACE_MS = 2_000;

export interface ServerOptions {
  store: Store;
  token: string;
  /** 0 picks a free port; the Host and Origin checks then use the port actually bound. Default 47600. */
  port?: number;
  /** Chrome extension ids whose `chrome-extension://<id>` origin may call the API. */
  extensionIds: readonly string[];
  now?: () => number;
  log?: Logger;
  /**
   * The user's settings (GET / PATCH /v1/settings): they supply the apps and domains never recorded and the
   * away threshold told to the extension, live. Without them the server keeps the defaults in memory.
   */
  settings?: LiveSettings;
  /** The dashboard's built files; default renderer/dist; null serves no dashboard. */
  dashboardDir?: string | null;
  /** The pause shared with the tracker (and the tray); the server makes its own when none is given. */
  pause?: PauseController;
  /** The zone of "pause until tomorrow"; default the machine's. */
  tz?: string;
  /** Called before a purge deletes anything: the tracker ends its open events (WindowTracker.cut). */
  beforePurge?: () => void;
  /** The data folder's backups, made and listed through the API; without them those calls answer 404. */
  backups?: DailyBackups;
  /** What the trackers are doing, filled in by whoever starts them (GET /v1/status); the server's own if none. */
  status?: StatusBoard;
  /** Team sync; without it the sync calls answer 404. */
  sync?: SyncService;
  /** Encryption status and conversion of the database; without it GET /v1/encryption says what the file is. */
  encryption?: EncryptionControl;
}

export interface TimeAuditServer {
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  readonly app: FastifyInstance;
  /** The pause the API reads and sets: the one given in the options, or the server's own. */
  readonly pause: PauseController;
  /** The board GET /v1/status reads: the one given in the options, or the server's own. */
  readonly status: StatusBoard;
}

export function createServer(options: ServerOptions): TimeAuditServer {
  const log = options.log ?? createLogger('server');
  if (options.token.length < 16) throw new Error('the API token is missing or too short');
  const requestedPort = options.port ?? DEFAULT_PORT;
  let boundPort = requestedPort;
  const now = options.now ?? Date.now;
  const pause = options.pause ?? new PauseController({ ...systemPauseClock, now });
  const settings = options.settings ?? new LiveSettings(memorySettings());
  const status = options.status ?? new StatusBoard();

  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // App names may be long (up to 256 characters, more once percent-encoded); zod gives the real limit.
    routerOptions: { maxParamLength: 2048 },
    clientErrorHandler: writeClientError,
    frameworkErrors: (error, request, reply) => replyWithError(log, error, request, reply),
  });

  // Only JSON is ever parsed: without the text/plain parser any other body is refused, not read.
  app.removeContentTypeParser('text/plain');
  installGuards(app, {
    token: options.token,
    extensionIds: options.extensionIds,
    port: () => boundPort,
    log,
  });
  installErrorHandling(app, log);
  registerDashboard(app, options.dashboardDir === undefined ? DEFAULT_DASHBOARD_DIR : options.dashboardDir);
  registerRoutes(
    app,
    createHandlers({
      store: options.store,
      now,
      idleSeconds: () => settings.idleSeconds(),
      pause,
      tz: options.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      exclusions: settings.exclusions,
      settings,
      beforePurge: options.beforePurge,
      backups: options.backups ?? null,
      status,
      port: () => boundPort,
      sync: options.sync ?? null,
      encryption: options.encryption ?? null,
    }),
  );
  app.addHook('onResponse', async (request, reply) => {
    log.debug(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode}`);
  });

  return {
    app,
    pause,
    status,
    async listen() {
      await app.listen({ host: LISTEN_HOST, port: requestedPort });
      boundPort = (app.server.address() as AddressInfo).port;
      const url = `http://${LISTEN_HOST}:${boundPort}`;
      log.info(`listening on ${url}`);
      return { port: boundPort, url };
    },
    async close() {
      // Idle keep-alive connections close at once; a browser's speculative or stuck connection gets a short
      // grace and is then cut, so that stopping the app never waits on a tab left open.
      const force = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(force);
      }
    },
  };
}
