/**
 * The few things a sync and a team report ask of where the dataset lives: put, get, delete and list objects by
 * key. `S3Objects` (s3-objects.ts) speaks S3 to any compatible store; `FolderObjects` keeps the same keys as
 * files under a folder (a team report over a copy of the bucket, `aws s3 sync`'d or mounted).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ListedObject {
  key: string;
  bytes: number;
}

export interface ObjectStore {
  /** Where it is, for messages: `s3://bucket/prefix`, or a folder. */
  readonly where: string;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  delete(keys: string[]): Promise<void>;
  list(prefix: string): Promise<ListedObject[]>;
}

/** The keys as files under `dir` (`a/b/c.parquet` → `dir/a/b/c.parquet`). */
export class FolderObjects implements ObjectStore {
  readonly where: string;
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    this.where = this.dir;
  }

  private file(key: string): string {
    const file = path.resolve(this.dir, key);
    if (!file.startsWith(this.dir + path.sep)) throw new Error(`the key ${key} leaves ${this.dir}`);
    return file;
  }

  put(key: string, body: Buffer): Promise<void> {
    const file = this.file(key);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.partial`, body);
    renameSync(`${file}.partial`, file);
    return Promise.resolve();
  }

  get(key: string): Promise<Buffer | null> {
    try {
      return Promise.resolve(readFileSync(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve(null);
      throw error;
    }
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) rmSync(this.file(key), { force: true });
    return Promise.resolve();
  }

  list(prefix: string): Promise<ListedObject[]> {
    const base = this.file(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
    let names: string[];
    try {
      names = readdirSync(base, { recursive: true, encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve([]);
      throw error;
    }
    const out: ListedObject[] = [];
    for (const name of names) {
      const file = path.join(base, name);
      let bytes: number;
      try {
        bytes = readFileSync(file).length;
      } catch {
        continue; // a folder
      }
      out.push({ key: path.relative(this.dir, file).split(path.sep).join('/'), bytes });
    }
    return Promise.resolve(out.sort((a, b) => a.key.localeCompare(b.key)));
  }
}
