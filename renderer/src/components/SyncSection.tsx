import { useId, useState, type FormEvent } from 'react';
import type { SyncSettingsPatch, SyncSettingsView, SyncStatus } from '../../../app/shared/api/sync.ts';
import type { Failure } from '../hooks/usePlanningActions.ts';
import type { SyncState } from '../hooks/useSync.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { Section } from './Section.tsx';

/**
 * Team sync: where the session dataset goes (an S3 bucket the team runs), what it includes, and how the last
 * sync went, with "Sync now". Off until turned on; credentials never pass through here (the AWS chain).
 */
export function SyncSection({ state, className }: { state: SyncState; className: string }) {
  const { status, reload } = state;
  return (
    <Section
      title="Team sync"
      subtitle="Your sessions as Parquet in your team's S3 bucket (docs/team.md)"
      className={`sync-card ${className}`}
    >
      {status === null ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : !status.ok ? (
        <LoadFailure what="team sync" error={status.error} onRetry={reload} />
      ) : (
        <div className="settings-grid">
          <SyncForm key={JSON.stringify(status.value.settings)} status={status.value} save={state.save} />
          <SyncState status={status.value} syncNow={state.syncNow} />
        </div>
      )}
    </Section>
  );
}

type Draft = Record<
  'bucket' | 'prefix' | 'endpoint' | 'region' | 'profile' | 'display_name' | 'interval',
  string
> & {
  enabled: boolean;
  include_titles: boolean;
};

const draftOf = (s: SyncSettingsView): Draft => ({
  enabled: s.enabled,
  bucket: s.bucket,
  prefix: s.prefix,
  endpoint: s.endpoint ?? '',
  region: s.region,
  profile: s.profile ?? '',
  display_name: s.display_name ?? '',
  include_titles: s.include_titles,
  interval: String(s.interval_minutes),
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function SyncForm({ status, save }: { status: SyncStatus; save: SyncState['save'] }) {
  const headingId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(() => draftOf(status.settings));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged = JSON.stringify(draft) === JSON.stringify(draftOf(status.settings));
  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setFailure(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const interval = Number(draft.interval.trim());
    if (!Number.isInteger(interval))
      return setFailure({ message: 'Give a whole number of minutes.', field: 'interval_minutes' });
    const patch: SyncSettingsPatch = {
      enabled: draft.enabled,
      bucket: draft.bucket.trim(),
      prefix: draft.prefix.trim(),
      endpoint: orNull(draft.endpoint),
      region: draft.region.trim(),
      profile: orNull(draft.profile),
      display_name: orNull(draft.display_name),
      include_titles: draft.include_titles,
      interval_minutes: interval,
    };
    setBusy(true);
    setFailure(
      await save(patch, draft.enabled ? 'Team sync settings saved: sync is on' : 'Team sync settings saved'),
    );
    setBusy(false);
  };
  const invalid = (field: string) => failure !== null && failure.field === field;
  const text = (
    key: Exclude<keyof Draft, 'enabled' | 'include_titles'>,
    label: string,
    field: string,
    placeholder = '',
  ) => (
    <label className="sync-field">
      <span>{label}</span>
      <input
        type="text"
        value={draft[key]}
        placeholder={placeholder}
        aria-invalid={invalid(field) || undefined}
        aria-describedby={invalid(field) ? errorId : undefined}
        onChange={(e) => edit(key, e.target.value)}
      />
    </label>
  );

  return (
    <form className="settings-group" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>Where</h3>
      <label className="export-check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => edit('enabled', e.target.checked)} />
        Sync to the team's bucket every
        <input
          type="text"
          inputMode="numeric"
          className="setting-number"
          style={{ width: '6ch' }}
          aria-label="Minutes between syncs"
          value={draft.interval}
          aria-invalid={invalid('interval_minutes') || undefined}
          onChange={(e) => edit('interval', e.target.value)}
        />
        minutes
      </label>
      <div className="sync-fields">
        {text('bucket', 'Bucket', 'bucket', 'acme-time')}
        {text('prefix', 'Prefix', 'prefix', 'team')}
        {text('region', 'Region', 'region', 'us-east-1')}
        {text('endpoint', 'Endpoint (MinIO, R2, B2)', 'endpoint', 'AWS when empty')}
        {text('profile', 'AWS profile', 'profile', 'the default chain')}
        {text(
          'display_name',
          'Display name (optional)',
          'display_name',
          `shown as ${status.user_id.slice(0, 8)}…`,
        )}
      </div>
      <label className="export-check">
        <input
          type="checkbox"
          checked={draft.include_titles}
          onChange={(e) => edit('include_titles', e.target.checked)}
        />
        Include window titles
      </label>
      <p className="muted small setting-hint">
        Credentials come from the AWS chain (environment, ~/.aws, the profile), never from here. Titles can be
        private: left out unless ticked. Others in the team see your display name, else a random id.
      </p>
      <div className="inline-form">
        <button type="submit" className="button small" disabled={busy || unchanged}>
          Save
        </button>
      </div>
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </form>
  );
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function SyncState({ status, syncNow }: { status: SyncStatus; syncNow: SyncState['syncNow'] }) {
  const headingId = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const { running, last, last_success: success, settings } = status;
  const ready = settings.enabled && settings.bucket !== '';
  return (
    <div className="settings-group" aria-labelledby={headingId}>
      <h3 id={headingId}>Last sync</h3>
      <dl className="sync-facts">
        <dt>Last sync</dt>
        <dd>{success ? when(success.at) : 'never'}</dd>
        <dt>Days in the bucket</dt>
        <dd>{status.days_synced}</dd>
        <dt>Uploaded last time</dt>
        <dd>
          {success
            ? `${days(success.uploaded)} (${success.checked} checked, ${success.deleted} removed)`
            : '—'}
        </dd>
        <dt>Your id</dt>
        <dd className="sync-id">{status.user_id}</dd>
      </dl>
      {running ? (
        <p className="muted small" role="status">
          Syncing: {running.checked} of {running.total} days checked, {running.uploaded} uploaded…
        </p>
      ) : null}
      {last && !last.ok ? (
        <p className="form-error" role="alert">
          The last sync failed ({when(last.at)}): {last.error}
        </p>
      ) : null}
      <div className="inline-form">
        <button
          type="button"
          className="button primary"
          disabled={!ready || running !== null}
          onClick={() => void syncNow().then(setFailure)}
        >
          {running ? 'Syncing…' : 'Sync now'}
        </button>
        {!ready ? <span className="muted small">Turn sync on and name a bucket first.</span> : null}
      </div>
      {failure ? (
        <p className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
