/**
 * The dataset's objects in an S3-compatible store (AWS S3, MinIO, Cloudflare R2, Backblaze B2) through
 * `@aws-sdk/client-s3`, loaded only when a sync or a team report runs so the daemon stays lean. Credentials
 * come from the SDK's standard chain (environment, shared config and credentials files, the profile named in
 * the settings, SSO, instance roles): no secret is ever kept in settings.json.
 *
 * Bodies are uploaded as Buffers with checksums only where the protocol requires them: some S3-compatible
 * servers store the SDK's aws-chunked framing of a streamed upload as the content.
 */
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ListedObject, ObjectStore } from './objects.ts';

export interface S3Target {
  bucket: string;
  region: string;
  /** A custom endpoint (MinIO, R2, B2, a test server): path-style addressing. */
  endpoint?: string | undefined;
  /** A profile of the shared AWS config files, else the chain's default. */
  profile?: string | undefined;
}

type Sdk = typeof S3Sdk;
let sdk: Promise<Sdk> | null = null;
const loadSdk = (): Promise<Sdk> => (sdk ??= import('@aws-sdk/client-s3'));

export class S3Objects implements ObjectStore {
  readonly where: string;
  private readonly target: S3Target;
  private client: S3Client | null = null;

  constructor(target: S3Target, where: string) {
    this.target = target;
    this.where = where;
  }

  private async s3(): Promise<{ client: S3Client; sdk: Sdk }> {
    const loaded = await loadSdk();
    if (!this.client) {
      const { endpoint, region, profile } = this.target;
      this.client = new loaded.S3Client({
        region,
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
        ...(profile ? { profile } : {}),
        // Retries are the sync's own (retry.ts), with its backoff and its progress.
        maxAttempts: 1,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
      });
    }
    return { client: this.client, sdk: loaded };
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const { client, sdk: s } = await this.s3();
    await client.send(
      new s.PutObjectCommand({ Bucket: this.target.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const { client, sdk: s } = await this.s3();
    try {
      const answer = await client.send(new s.GetObjectCommand({ Bucket: this.target.bucket, Key: key }));
      if (!answer.Body) return Buffer.alloc(0);
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof s.NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    const { client, sdk: s } = await this.s3();
    // One request per key: DeleteObjects needs a Content-MD5 that not every compatible store accepts alike.
    for (const key of keys)
      await client.send(new s.DeleteObjectCommand({ Bucket: this.target.bucket, Key: key }));
  }

  async list(prefix: string): Promise<ListedObject[]> {
    const { client, sdk: s } = await this.s3();
    const out: ListedObject[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new s.ListObjectsV2Command({ Bucket: this.target.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, bytes: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  close(): void {
    this.client?.destroy();
    this.client = null;
  }
}
