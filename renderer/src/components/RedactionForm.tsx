import { useState } from 'react';
import type { SettingsView } from '../../../app/shared/settings-api.ts';
import { SETTINGS_LIMITS } from '../../../app/shared/settings-limits.ts';
import type { SettingsState } from '../hooks/useSettings.ts';
import { ChipListSetting, type ListField } from './ChipListSetting.tsx';

type Save = SettingsState['save'];

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
  field: Extract<ListField, 'private_apps' | 'private_title_markers' | 'redact_patterns'>;
  title: string;
  hint: string;
  noun: string;
  placeholder: string;
  items: string[];
  save: Save;
}) {
  const { field, title, noun } = props;
  return (
    <ChipListSetting
      field={field}
      items={props.items}
      save={props.save}
      maxLength={field === 'private_apps' ? SETTINGS_LIMITS.maxAppLength : SETTINGS_LIMITS.maxPatternLength}
      duplicate={(value, items) => (items.includes(value) ? `${value} is already in the list.` : null)}
      words={{
        title,
        hint: props.hint,
        placeholder: props.placeholder,
        empty: 'None.',
        formLabel: `Add ${noun === 'text' ? 'a private-window text' : `a ${noun}`}`,
        inputLabel: title,
        missing: `Type the ${noun} to add.`,
        removeLabel: (item) => `Remove ${item}`,
        added: (item) => `Added ${item}: applies to titles from now on`,
        removed: (item) => `Removed ${item}`,
      }}
    />
  );
}
