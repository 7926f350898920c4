/** What the handlers of every family are built from. */
import type { Store } from '../../db/store.ts';
import type { Exclusions } from '../../core/exclusions.ts';
import type { LiveSettings } from '../../core/live-settings.ts';
import type { PauseController } from '../pause-controller.ts';
import type { DailyBackups } from '../../db/daily-backups.ts';
import type { StatusBoard } from '../status-board.ts';
import type { SyncService } from '../../sync/service.ts';
import type { EncryptionControl } from '../encryption-control.ts';

export interface HandlerDeps {
  store: Store;
  /** The clock that decides whether an event ends in the future. */
  now: () => number;
  /** The away threshold of the tracker (it may change while running), told to the extension when it pairs. */
  idleSeconds: () => number;
  /** The one pause shared with the tracker and the tray. */
  pause: PauseController;
  /** The zone whose midnight "until tomorrow" means, and in which conflicts of manual entries are explained. */
  tz: string;
  /** Apps and domains the user never wants recorded: their events are refused with code `excluded`. */
  exclusions: Exclusions;
  /** The user's settings, read and changed through GET / PATCH /v1/settings. */
  settings: LiveSettings;
  /** Ends the tracker's open events, before a purge (see the data-purge handlers); absent without a tracker. */
  beforePurge?: (() => void) | undefined;
  /** The data folder's backups (POST /v1/backup, GET /v1/backups); null for a server without a data folder. */
  backups: DailyBackups | null;
  /** What each source of events is doing (GET /v1/status); the browser's posts are stamped on it. */
  status: StatusBoard;
  /** The port the API answers on. */
  port: () => number;
  /** Team sync (GET /v1/sync, POST /v1/sync/run); null for a server without a data folder. */
  sync?: SyncService | null | undefined;
  /** Encryption at rest of the database (GET / POST /v1/encryption); null for a server without a data folder. */
  encryption: EncryptionControl | null;
}
