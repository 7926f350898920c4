/**
 * Encrypting or decrypting the database of a running daemon or desktop app (POST /v1/encryption, and
 * `timeaudit encrypt` / `decrypt` while one runs). It holds the data folder's lock; here it also stops its daily
 * backups (a backup started from the old file could leave a plain copy behind), takes its store out of the
 * slot (the API answers 503 "preparing" meanwhile, the tracker keeps its events), closes it, converts the
 * file (app/db/convert.ts), and opens it again with the new key. A failed conversion leaves the old file as it
 * was, and the daemon goes on with it.
 */
import { conflict } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { databaseState } from '../db/cipher.ts';
import { convertDatabase } from '../db/convert.ts';
import type { DailyBackups } from '../db/daily-backups.ts';
import type { FoundKey } from '../db/keys/choose.ts';
import { formatRecoveryKey, KeyStoreError, newKey, type KeyStore } from '../db/keys/key-store.ts';
import { databasePath } from '../db/open.ts';
import type { Store } from '../db/store.ts';
import type { StoreSlot } from '../db/store-slot.ts';
import type { EncryptionControl } from './encryption-control.ts';
import type { EncryptionChange, EncryptionStatus } from '../shared/api/index.ts';

export interface DaemonEncryptionOptions {
  dataDir: string;
  slot: StoreSlot;
  /** The key the database was opened with, and where it was found; null for a plain one. */
  unlocked: FoundKey | null;
  open: (key: Buffer | null) => Store;
  backups: DailyBackups;
  log: Logger;
  /** Where keys are: the daemon's stores (app/db/keys/choose.ts), or the desktop app's safeStorage first. */
  keys: { find(): FoundKey | null; writable(): KeyStore };
}

export class DaemonEncryption implements EncryptionControl {
  private readonly options: DaemonEncryptionOptions;
  private unlocked: FoundKey | null;
  private busy = false;

  constructor(options: DaemonEncryptionOptions) {
    this.options = options;
    this.unlocked = options.unlocked;
  }

  /** The key of the database as it is now (the daily backups are made with it). */
  key(): Buffer | null {
    return this.unlocked?.key ?? null;
  }

  status(): EncryptionStatus {
    const encrypted = databaseState(databasePath(this.options.dataDir)) === 'encrypted';
    return {
      encrypted,
      key_store: encrypted ? (this.unlocked?.store.where ?? null) : null,
      can_convert: true,
    };
  }

  async convert(encrypted: boolean): Promise<EncryptionChange> {
    if (this.busy) throw conflict('the database is being converted already');
    const { dataDir, slot, backups, log } = this.options;
    const state = databaseState(databasePath(dataDir));
    if (encrypted && state === 'encrypted') throw conflict('the database is encrypted already');
    if (!encrypted && state !== 'encrypted') throw conflict('the database is not encrypted');
    this.busy = true;
    try {
      const from = this.unlocked;
      const to = encrypted ? this.keyToEncryptWith() : null;
      await backups.stop();
      const store = slot.take();
      store.close();
      try {
        const result = convertDatabase(dataDir, { from: from?.key ?? null, to: to?.key ?? null });
        this.unlocked = to;
        log.info(
          `the database is ${encrypted ? `encrypted; its key is in ${to?.store.where}` : 'decrypted'}`,
        );
        return {
          ...this.status(),
          rows: result.rows,
          recovery_key: to ? formatRecoveryKey(to.key) : null,
          backups_rewritten: result.backupsRewritten.length,
          backups_removed: result.backupsRemoved.length,
        };
      } finally {
        slot.put(this.options.open(this.key()));
        backups.start();
      }
    } finally {
      this.busy = false;
    }
  }

  /** The key already stored for this folder, else a new one, stored and read back before it is used. */
  private keyToEncryptWith(): FoundKey {
    const existing = this.options.keys.find();
    if (existing) return existing;
    const store = this.options.keys.writable();
    const key = newKey();
    store.write(key);
    if (!store.read()?.equals(key))
      throw new KeyStoreError(`the key written to ${store.where} did not read back`);
    return { key, store };
  }
}
