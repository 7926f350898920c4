import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { MAX_HOSTNAME_LENGTH } from '../../../app/shared/hostname.ts';
import type { RestartField, SettingsView } from '../../../app/shared/settings-api.ts';
import { SETTINGS_LIMITS } from '../../../app/shared/settings-limits.ts';
import type { Failure } from '../hooks/usePlanningActions.ts';
import type { SettingsState } from '../hooks/useSettings.ts';
import { subjectPurge, usePurgeContext } from '../hooks/usePurge.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { Section } from './Section.tsx';
import { RedactionForm } from './RedactionForm.tsx';
import { RetentionForm } from './RetentionForm.tsx';
import { PortInForce } from './PortInForce.tsx';
import { EncryptionForm } from './EncryptionForm.tsx';
import { ChipListSetting, type ListField } from './ChipListSetting.tsx';

type Save = SettingsState['save'];

/**
 * What the user may change without editing settings.json: the apps and sites never recorded, and the away
 * threshold (both apply at once), then the sampling interval and the port (read at start, so a changed one
 * waits for a restart, which the card says until it has happened).
 */
export function SettingsSection({ state, className }: { state: SettingsState; className: string }) {
  const { settings, save, reload } = state;
  return (
    <Section
      title="Settings"
      subtitle="Kept in settings.json next to your data"
      className={`settings-card ${className}`}
    >
      {settings === null ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : !settings.ok ? (
        <LoadFailure what="the settings" error={settings.error} onRetry={reload} />
      ) : (
        <div className="settings-grid">
          <div className="settings-group">
            <h3>Never recorded</h3>
            <ExclusionList
              field="excluded_apps"
              title="Excluded apps"
              hint="Matched by name, in any case; their windows count as no window at all."
              noun="app"
              placeholder="e.g. KeePassXC"
              items={settings.value.excluded_apps}
              save={save}
              added={(name) => `${name} is excluded: its windows are not recorded`}
            />
            <ExclusionList
              field="excluded_domains"
              title="Excluded sites"
              hint="example.com also excludes its subdomains."
              noun="site"
              placeholder="e.g. bank.example"
              items={settings.value.excluded_domains}
              save={save}
              added={(name) => `${name} and its subdomains are excluded: the extension's visits are refused`}
            />
          </div>
          <div className="settings-group">
            <h3>Tracking</h3>
            <AwayForm minutes={settings.value.idle_minutes} save={save} />
            <RestartForm settings={settings.value} save={save} />
            <EncryptionForm />
          </div>
          <div className="settings-group">
            <h3>Privacy</h3>
            <RedactionForm settings={settings.value} save={save} />
          </div>
          <div className="settings-group">
            <h3>Retention</h3>
            <RetentionForm settings={settings.value} save={save} />
          </div>
        </div>
      )}
    </Section>
  );
}

/** Chips with a remove button each, and a one-field form to add one more. */
function ExclusionList(props: {
  field: Extract<ListField, 'excluded_apps' | 'excluded_domains'>;
  title: string;
  hint: string;
  noun: string;
  placeholder: string;
  items: string[];
  save: Save;
  added: (name: string) => string;
}) {
  const { field, title, noun, items } = props;
  // Just excluded: its past time can go too, asked here and confirmed with the numbers (PurgeDialog).
  const [past, setPast] = useState<string | null>(null);
  const purge = usePurgeContext();
  return (
    <ChipListSetting
      field={field}
      items={items}
      save={props.save}
      maxLength={field === 'excluded_apps' ? SETTINGS_LIMITS.maxAppLength : MAX_HOSTNAME_LENGTH}
      duplicate={(name, list) =>
        list.some((item) => item.toLowerCase() === name.toLowerCase()) ? `${name} is already excluded.` : null
      }
      onAdded={setPast}
      words={{
        title,
        hint: props.hint,
        placeholder: props.placeholder,
        empty: `None yet: every ${noun} is recorded.`,
        formLabel: `Exclude a ${noun}`,
        inputLabel: `${noun === 'app' ? 'App' : 'Site'} to exclude`,
        missing: `Type the ${noun} to exclude.`,
        removeLabel: (name) => `Stop excluding ${name}`,
        added: props.added,
        removed: (name) => `${name} is recorded again`,
      }}
    >
      {purge && past !== null && items.includes(past) ? (
        <p className="exclusion-past" role="status">
          <span>Also delete the time already recorded of {past}?</span>
          <button
            type="button"
            className="button small danger"
            onClick={() => {
              purge.ask(subjectPurge(field === 'excluded_apps' ? 'app' : 'domain', past));
              setPast(null);
            }}
          >
            Delete its past time…
          </button>
          <button type="button" className="link-button" onClick={() => setPast(null)}>
            Keep it
          </button>
        </p>
      ) : null}
    </ChipListSetting>
  );
}

/** A whole number typed into a text box, or null. */
const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

function NumberField(props: {
  label: string;
  before: ReactNode;
  after: ReactNode;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy: string | undefined;
  width: number;
}) {
  return (
    <label className="setting-line">
      <span>{props.before}</span>
      <input
        type="text"
        inputMode="numeric"
        className="setting-number"
        style={{ width: `${props.width}ch` }}
        aria-label={props.label}
        value={props.value}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span>{props.after}</span>
    </label>
  );
}

/** "Count me away after [3] minutes without input [Save]": applies at once. */
function AwayForm({ minutes, save }: { minutes: number; save: Save }) {
  const errorId = useId();
  const [text, setText] = useState(String(minutes));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = wholeNumber(text);
    if (value === null)
      return setFailure({ message: 'Give a whole number of minutes.', field: 'idle_minutes' });
    setBusy(true);
    const unit = value === 1 ? 'minute' : 'minutes';
    setFailure(await save({ idle_minutes: value }, `Away after ${value} ${unit} without input, from now on`));
    setBusy(false);
  };

  return (
    <form className="setting" aria-label="Away threshold" onSubmit={(e) => void submit(e)} noValidate>
      <div className="inline-form">
        <NumberField
          label="Minutes without input before you count as away"
          before="Count me away after"
          after="minutes without input"
          value={text}
          width={5}
          invalid={failure !== null}
          describedBy={failure ? errorId : undefined}
          onChange={(value) => {
            setText(value);
            setFailure(null);
          }}
        />
        <button type="submit" className="button small" disabled={busy || text.trim() === String(minutes)}>
          Save
        </button>
      </div>
      <p className="muted small setting-hint">Applies at once, to the browser extension too.</p>
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </form>
  );
}

const RESTART_TEXT: Record<RestartField, (s: SettingsView) => string> = {
  poll_interval_ms: (s) => `sampling every ${s.poll_interval_ms} ms`,
  port: (s) => `port ${s.port}`,
};

/** The sampling interval and the port: saved now, used from the next start. */
function RestartForm({ settings, save }: { settings: SettingsView; save: Save }) {
  const errorId = useId();
  const [poll, setPoll] = useState(String(settings.poll_interval_ms));
  const [port, setPort] = useState(String(settings.port));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged =
    poll.trim() === String(settings.poll_interval_ms) && port.trim() === String(settings.port);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pollMs = wholeNumber(poll);
    const portNumber = wholeNumber(port);
    if (pollMs === null)
      return setFailure({ message: 'Give a whole number of milliseconds.', field: 'poll_interval_ms' });
    if (portNumber === null) return setFailure({ message: 'Give a port number.', field: 'port' });
    setBusy(true);
    setFailure(
      await save(
        { poll_interval_ms: pollMs, port: portNumber },
        'Saved: takes effect when Time Audit restarts',
      ),
    );
    setBusy(false);
  };
  const edited = (apply: () => void) => {
    apply();
    setFailure(null);
  };
  const invalid = (field: string) =>
    failure !== null && (failure.field === field || failure.field === undefined);

  return (
    <form className="setting" aria-label="Sampling and port" onSubmit={(e) => void submit(e)} noValidate>
      <div className="setting-lines">
        <NumberField
          label="Sample the active window every (milliseconds)"
          before="Sample the active window every"
          after="ms"
          value={poll}
          width={7}
          invalid={invalid('poll_interval_ms')}
          describedBy={failure ? errorId : undefined}
          onChange={(value) => edited(() => setPoll(value))}
        />
        <NumberField
          label="Port of the local API"
          before="Local API on port"
          after={null}
          value={port}
          width={7}
          invalid={invalid('port')}
          describedBy={failure ? errorId : undefined}
          onChange={(value) => edited(() => setPort(value))}
        />
      </div>
      <div className="inline-form">
        <button type="submit" className="button small" disabled={busy || unchanged}>
          Save
        </button>
        <span className="muted small">Takes effect when Time Audit restarts.</span>
      </div>
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
      <PortInForce savedPort={settings.port} />
      {settings.restart_needed.length > 0 ? (
        <p className="setting-restart" role="status">
          <strong>Restart Time Audit</strong> to use{' '}
          {settings.restart_needed.map((field) => RESTART_TEXT[field](settings)).join(' and ')}.
          {settings.restart_needed.includes('port')
            ? ' The browser extension then needs the new port too.'
            : null}
        </p>
      ) : null}
    </form>
  );
}
