/** Where the settings say to sync: the object store, and the name the local state keeps it under. */
import type { SyncSettings } from '../shared/sync-settings.ts';
import { DomainError } from '../core/errors.ts';
import { manifestKey } from './layout.ts';
import { S3Objects } from './s3-objects.ts';

export interface SyncTarget {
  objects: S3Objects;
  /** Endpoint, bucket and prefix: a change of any of them starts the local state afresh. */
  id: string;
  prefix: string;
}

/** Throws DomainError('invalid') when the settings name no bucket. */
export function syncTarget(settings: SyncSettings): SyncTarget {
  if (!settings.bucket) throw new DomainError('invalid', 'team sync has no bucket set', 'bucket');
  const where = `s3://${settings.bucket}${settings.prefix ? `/${settings.prefix}` : ''}`;
  return {
    objects: new S3Objects(
      {
        bucket: settings.bucket,
        region: settings.region,
        endpoint: settings.endpoint ?? undefined,
        profile: settings.profile ?? undefined,
      },
      settings.endpoint ? `${where} at ${settings.endpoint}` : where,
    ),
    id: `${settings.endpoint ?? 'aws'}|${settings.bucket}|${settings.prefix}`,
    prefix: settings.prefix,
  };
}

export function manifestUrl(settings: SyncSettings, userId: string): string | null {
  return settings.bucket ? `s3://${settings.bucket}/${manifestKey(settings.prefix, userId)}` : null;
}
