/**
 * What this installation last synced, `<data folder>/sync-state.json`: the manifest it last wrote (so a sync
 * knows which days are current without asking the store first) and the outcome of the last run (for the
 * dashboard, the tray and `timeaudit sync`).
 *
 * A file rather than a table: it describes the bucket, not the user's data, so a restored backup or an
 * imported database never carries a claim about objects it did not write; losing it costs nothing (the
 * next sync reads the manifest back from the bucket). It is written whole under a temporary name and renamed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { manifestSchema, type Manifest } from './manifest.ts';

export const STATE_FILE = 'sync-state.json';

const outcome = z.object({
  at: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
  checked: z.number().int(),
  uploaded: z.number().int(),
  deleted: z.number().int(),
});
export type SyncOutcome = z.infer<typeof outcome>;

const stateSchema = z.object({
  version: z.literal(1),
  /** The bucket, prefix and endpoint the manifest belongs to: another target starts afresh. */
  target: z.string().nullable(),
  manifest: manifestSchema.nullable(),
  /** The last run, and the last one that completed. */
  last: outcome.nullable(),
  lastSuccess: outcome.nullable(),
});
export type SyncState = z.infer<typeof stateSchema>;

const EMPTY: SyncState = { version: 1, target: null, manifest: null, last: null, lastSuccess: null };

export class SyncStateFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, STATE_FILE);
  }

  /** The saved state; an empty one when there is none or it cannot be read (it is only a cache). */
  load(): SyncState {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { ...EMPTY };
    } catch {
      return { ...EMPTY };
    }
  }

  save(state: SyncState): void {
    const partial = `${this.file}.partial`;
    writeFileSync(partial, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    renameSync(partial, this.file);
  }

  update(change: (state: SyncState) => SyncState): SyncState {
    const next = change(this.load());
    this.save(next);
    return next;
  }

  /** The manifest last written to `target`, or null. */
  manifestFor(target: string): Manifest | null {
    const state = this.load();
    return state.target === target ? state.manifest : null;
  }
}
