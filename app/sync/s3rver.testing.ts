/**
 * A real S3 protocol server for tests: s3rver in-process on 127.0.0.1, over a temporary folder, that can go
 * down (every connection cut) and come back on the same port with the same objects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';

export const TEST_BUCKET = 'team-bucket';

/** What s3rver's events say of each change. */
export interface StoreEvent {
  name: string;
  key: string;
}

export class TestS3 {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-s3-'));
  readonly events: StoreEvent[] = [];
  port = 0;
  private server: S3rver | null = null;
  private http: Server | null = null;
  private listeners: ((e: StoreEvent) => void)[] = [];

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      silent: true,
      directory: this.dir,
      configureBuckets: [{ name: TEST_BUCKET, configs: [] }],
    });
    server.on('event', (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
      for (const r of event.Records) {
        const e = { name: r.eventName, key: decodeURIComponent(r.s3.object.key) };
        this.events.push(e);
        for (const l of this.listeners) l(e);
      }
    });
    const { port } = await server.run();
    this.port = port;
    this.server = server;
    this.http = (server as unknown as { httpServer: Server }).httpServer;
  }

  onEvent(listener: (e: StoreEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Down: no new connection is accepted and every open one is cut. */
  async stop(): Promise<void> {
    const http = this.http;
    this.http = null;
    this.server = null;
    if (!http) return;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeAllConnections();
    await closed;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The bucket's objects under a prefix, as S3 lists them (ETag, LastModified). */
  async list(prefix = ''): Promise<{ key: string; etag: string; modified: number }[]> {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: this.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    try {
      const page = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: prefix }));
      return (page.Contents ?? []).map((o) => ({
        key: o.Key ?? '',
        etag: o.ETag ?? '',
        modified: o.LastModified?.getTime() ?? 0,
      }));
    } finally {
      client.destroy();
    }
  }
}
