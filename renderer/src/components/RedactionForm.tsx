import { useId, useState, type FormEvent } from 'react';
import type { SettingsPatch, SettingsView } from '../../../app/shared/settings-api.ts';
import { SETTINGS_LIMITS } from '../../../app/shared/settings-limits.ts';
import type { Failure } from '../hooks/usePlanningActions.ts';
import type { SettingsState } from '../hooks/useSettings.ts';

type Save = SettingsState['save'];
type ListField = 'private_apps' | 'private_title_markers' | 'redact_patterns';

/**
 * What of a window title is never stored: the titles of some apps and of private windows (stored as
 * "[hidden]"), and e-mail addresses, long numbers and the user's own patterns inside titles. Applies to
 * what is recorded from now on; rules see the titles as stored.
 */
export function RedactionForm({ settings, save }: { settings: SettingsView; save: Save }) {
  return (
    <>
      <TextList
        field="private_apps"
        title="Apps whose titles are never stored"
        hint="Their time is recorded, their window titles are stored as [hidden]."
        noun="app"
        placeholder="e.g. Signal"
        items={settings.private_apps}
        save={save}
      />
      <TextList
        field="private_title_markers"
        title="Private windows"
        hint="A title containing one of these (any case) is stored as [hidden]."
        noun="text"
        placeholder="e.g. InPrivate"
        items={settings.private_title_markers}
        save={save}
      />
      <div className="setting" role="group" aria-label="Hidden inside titles">
        <h4>Hidden inside titles</h4>
        <Toggle
          label="E-mail addresses, stored as [email]"
          checked={settings.redact_emails}
          onChange={(on) =>
            save({ redact_emails: on }, on ? 'E-mail addresses are hidden' : 'E-mail addresses are kept')
          }
        />
        <Toggle
          label="Numbers of 6 digits or more, stored as [number]"
          checked={settings.redact_digit_runs}
          onChange={(on) =>
            save({ redact_digit_runs: on }, on ? 'Long numbers are hidden' : 'Long numbers are kept')
          }
        />
      </div>
      <TextList
        field="redact_patterns"
        title="Your patterns"
        hint="Regular expressions (RE2, any case); what they match is stored as [hidden]."
        noun="pattern"
        placeholder="e.g. ACME-[0-9]+"
        items={settings.redact_patterns}
        save={save}
      />
    </>
  );
}

function Toggle(props: { label: string; checked: boolean; onChange: (on: boolean) => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  return (
    <label className="export-check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={busy}
        onChange={(e) => {
          setBusy(true);
          void props.onChange(e.target.checked).finally(() => setBusy(false));
        }}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** Chips with a remove button each, and a field to add one more (the app checks a pattern when it is saved). */
function TextList(props: {
  field: ListField;
  title: string;
  hint: string;
  noun: string;
  placeholder: string;
  items: string[];
  save: Save;
}) {
  const { field, title, noun, items, save } = props;
  const headingId = useId();
  const errorId = useId();
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (patch: SettingsPatch, done: string): Promise<Failure | null> => {
    setBusy(true);
    const failed = await save(patch, done);
    setBusy(false);
    setFailure(failed);
    return failed;
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return setFailure({ message: `Type the ${noun} to add.`, field });
    if (items.includes(value)) return setFailure({ message: `${value} is already in the list.`, field });
    if (!(await run({ [field]: [...items, value] }, `Added ${value}: applies to titles from now on`)))
      setText('');
  };

  return (
    <div className="setting" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      {items.length === 0 ? (
        <p className="muted small setting-empty">None.</p>
      ) : (
        <ul className="setting-chips" aria-label={title}>
          {items.map((item) => (
            <li key={item} className="setting-chip">
              <span className="setting-chip-name">{item}</span>
              <button
                type="button"
                className="setting-chip-remove"
                aria-label={`Remove ${item}`}
                title="Remove"
                disabled={busy}
                onClick={() => void run({ [field]: items.filter((i) => i !== item) }, `Removed ${item}`)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={`Add ${noun === 'text' ? 'a private-window text' : `a ${noun}`}`}
        onSubmit={(e) => void add(e)}
        noValidate
      >
        <input
          type="text"
          className="setting-text"
          aria-label={title}
          placeholder={props.placeholder}
          maxLength={
            field === 'private_apps' ? SETTINGS_LIMITS.maxAppLength : SETTINGS_LIMITS.maxPatternLength
          }
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={failure ? true : undefined}
          aria-describedby={failure ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setFailure(null);
          }}
        />
        <button type="submit" className="button small" disabled={busy}>
          Add
        </button>
      </form>
      <p className="muted small setting-hint">{props.hint}</p>
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
