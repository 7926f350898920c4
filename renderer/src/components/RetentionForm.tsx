import { useId, useState, type FormEvent } from 'react';
import { describeRetention } from '../../../app/shared/retention-text.ts';
import type { SettingsView } from '../../../app/shared/settings-api.ts';
import { SETTINGS_LIMITS } from '../../../app/shared/settings-limits.ts';
import { api } from '../lib/api.ts';
import { failureOf, type Failure } from '../hooks/usePlanningActions.ts';
import type { SettingsState } from '../hooks/useSettings.ts';

const { min, max } = SETTINGS_LIMITS.keepDays;

interface Days {
  keep_titles_days: number | null;
  keep_events_days: number | null;
}

/** "" keeps everything; a whole number of days; anything else is refused before asking the app. */
function daysOf(text: string): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return 'bad';
  const n = Number(t);
  return n < min || n > max ? 'bad' : n;
}

const dateOf = (iso: string): string =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * How many days of window titles and of everything recorded are kept (empty: all). Saving first asks the app
 * what the new values would remove now (POST /v1/retention/preview) and, when that is anything, says it and
 * asks; the daily job then removes it for good (from the backups too).
 */
export function RetentionForm({ settings, save }: { settings: SettingsView; save: SettingsState['save'] }) {
  const errorId = useId();
  const shown = (days: number | null) => (days === null ? '' : String(days));
  const [titles, setTitles] = useState(shown(settings.keep_titles_days));
  const [events, setEvents] = useState(shown(settings.keep_events_days));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ body: Days; text: string } | null>(null);
  const unchanged =
    titles.trim() === shown(settings.keep_titles_days) && events.trim() === shown(settings.keep_events_days);

  const values = (): Days | null => {
    const t = daysOf(titles);
    const e = daysOf(events);
    const bad = `Give a whole number of days from ${min} to ${max}, or leave it empty to keep everything.`;
    if (t === 'bad' || e === 'bad') {
      setFailure({ message: bad, field: t === 'bad' ? 'keep_titles_days' : 'keep_events_days' });
      return null;
    }
    return { keep_titles_days: t, keep_events_days: e };
  };

  const commit = async (body: Days) => {
    setBusy(true);
    const failed = await save(body, 'Retention saved: older data is removed now and every day');
    setBusy(false);
    setFailure(failed);
    if (!failed) setAsking(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = values();
    if (!body) return;
    setBusy(true);
    try {
      const preview = await api.previewRetention({ body });
      setBusy(false);
      const text = describeRetention(preview, dateOf);
      if (text === null) await commit(body);
      else setAsking({ body, text });
    } catch (error) {
      setBusy(false);
      setFailure(failureOf(error));
    }
  };
  const edited = (apply: () => void) => {
    apply();
    setFailure(null);
    setAsking(null);
  };

  return (
    <form
      className="setting retention-form"
      aria-label="Retention"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h4>Keep</h4>
      <div className="setting-lines">
        <DaysField
          label="Days of window titles kept"
          before="Window titles for"
          value={titles}
          invalid={failure?.field === 'keep_titles_days'}
          describedBy={failure ? errorId : undefined}
          onChange={(v) => edited(() => setTitles(v))}
        />
        <DaysField
          label="Days of everything recorded kept"
          before="Everything recorded for"
          value={events}
          invalid={failure?.field === 'keep_events_days'}
          describedBy={failure ? errorId : undefined}
          onChange={(v) => edited(() => setEvents(v))}
        />
      </div>
      <p className="muted small setting-hint">
        Empty keeps everything. Older titles are blanked (their time stays); older events and time logged by
        hand are deleted, from the backups too.
      </p>
      {asking ? (
        <div className="retention-confirm" role="alertdialog" aria-label="Confirm retention">
          <p>
            Saving will {asking.text}. <strong>This cannot be undone.</strong>
          </p>
          <div className="inline-form">
            <button
              type="button"
              className="button small danger"
              disabled={busy}
              onClick={() => void commit(asking.body)}
            >
              Save and remove
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="inline-form">
          <button type="submit" className="button small" disabled={busy || unchanged}>
            Save
          </button>
        </div>
      )}
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </form>
  );
}

function DaysField(props: {
  label: string;
  before: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <label className="setting-line">
      <span>{props.before}</span>
      <input
        type="text"
        inputMode="numeric"
        className="setting-number"
        style={{ width: '7ch' }}
        aria-label={props.label}
        placeholder="all"
        value={props.value}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span>days</span>
    </label>
  );
}
