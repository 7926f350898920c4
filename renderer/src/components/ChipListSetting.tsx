import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { SettingsPatch } from '../../../app/shared/settings-api.ts';
import type { Failure } from '../hooks/usePlanningActions.ts';
import type { SettingsState } from '../hooks/useSettings.ts';

/** The settings that are lists of names or patterns. */
export type ListField =
  'excluded_apps' | 'excluded_domains' | 'private_apps' | 'private_title_markers' | 'redact_patterns';

/** What a list says, in its own words. */
export interface ChipListWords {
  title: string;
  hint: string;
  placeholder: string;
  /** Shown while the list is empty. */
  empty: string;
  formLabel: string;
  inputLabel: string;
  /** Refused with this before saving: nothing typed. */
  missing: string;
  removeLabel: (item: string) => string;
  /** The message once an item was added or removed. */
  added: (item: string) => string;
  removed: (item: string) => string;
}

/**
 * A list setting as chips, each with a remove button, and a field to add one more; saved at once, the app
 * checking what it is given. `duplicate` says why a value is already there (or null); `onAdded` follows a save.
 */
export function ChipListSetting(props: {
  field: ListField;
  items: string[];
  save: SettingsState['save'];
  maxLength: number;
  words: ChipListWords;
  duplicate: (value: string, items: string[]) => string | null;
  onAdded?: (value: string) => void;
  /** Below the hint: what follows an addition (the exclusions' offer to delete past time). */
  children?: ReactNode;
}) {
  const { field, items, save, words } = props;
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
    if (!value) return setFailure({ message: words.missing, field });
    const duplicate = props.duplicate(value, items);
    if (duplicate) return setFailure({ message: duplicate, field });
    if (!(await run({ [field]: [...items, value] }, words.added(value)))) {
      setText('');
      props.onAdded?.(value);
    }
  };

  return (
    <div className="setting" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{words.title}</h4>
      {items.length === 0 ? (
        <p className="muted small setting-empty">{words.empty}</p>
      ) : (
        <ul className="setting-chips" aria-label={words.title}>
          {items.map((item) => (
            <li key={item} className="setting-chip">
              <span className="setting-chip-name">{item}</span>
              <button
                type="button"
                className="setting-chip-remove"
                aria-label={words.removeLabel(item)}
                title="Remove"
                disabled={busy}
                onClick={() => void run({ [field]: items.filter((i) => i !== item) }, words.removed(item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" aria-label={words.formLabel} onSubmit={(e) => void add(e)} noValidate>
        <input
          type="text"
          className="setting-text"
          aria-label={words.inputLabel}
          placeholder={words.placeholder}
          maxLength={props.maxLength}
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
      <p className="muted small setting-hint">{words.hint}</p>
      {props.children}
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
