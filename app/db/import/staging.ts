/**
 * Where an import puts what it has read until the whole file has been read and found whole: a private,
 * temporary SQLite database (SQLite deletes it on close; its pages spill to an unlinked file, so memory stays
 * flat for any size), on a connection of its own. Nothing reaches the store until the file has been read to
 * its end; then one transaction moves it all (see Store.atomically), so a file cut short stores nothing.
 * Being another connection, it never holds the store's write lock while bytes are still arriving.
 */
import Database from 'better-sqlite3-multiple-ciphers';

/** One event as read: `part` is a bucket's number (ActivityWatch) or a source's (the raw format). */
export interface StagedRow {
  part: number;
  start_ms: number;
  end_ms: number;
  a: string | null;
  b: string | null;
  c: string | null;
}

const FLUSH_ROWS = 1024;

export class ImportStaging {
  private readonly db = new Database('');
  private readonly insert;
  private readonly pending: StagedRow[] = [];
  private readonly insertAll;

  constructor() {
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('cache_size = -4000');
    this.db.exec(`CREATE TABLE staged (
      part INTEGER NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, a TEXT, b TEXT, c TEXT
    ) STRICT`);
    this.insert = this.db.prepare(
      `INSERT INTO staged (part, start_ms, end_ms, a, b, c) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.insertAll = this.db.transaction((rows: StagedRow[]) => {
      for (const r of rows) this.insert.run(r.part, r.start_ms, r.end_ms, r.a, r.b, r.c);
    });
  }

  add(row: StagedRow): void {
    this.pending.push(row);
    if (this.pending.length >= FLUSH_ROWS) this.flush();
  }

  /** The rows of the given parts in order of start (then of reading), one at a time. */
  *rows(parts: readonly number[]): Generator<StagedRow> {
    this.flush();
    if (parts.length === 0) return;
    this.ensureIndex();
    const statement = this.db.prepare(
      `SELECT part, start_ms, end_ms, a, b, c FROM staged WHERE part IN (${parts.map(() => '?').join(',')})
       ORDER BY start_ms, rowid`,
    );
    yield* statement.iterate(...parts) as Iterable<StagedRow>;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private indexed = false;

  /** Built once, after the rows are in: one sort instead of an index kept up during the reading. */
  private ensureIndex(): void {
    if (this.indexed) return;
    this.db.exec(`CREATE INDEX staged_by_part ON staged (part, start_ms)`);
    this.indexed = true;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.insertAll(this.pending);
    this.pending.length = 0;
  }
}
