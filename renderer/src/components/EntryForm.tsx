import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { ManualEntry } from '../../../app/shared/planning.ts';
import type { Failure, PlanningActions } from '../hooks/usePlanningActions.ts';
import { endBeforeStart, entryInstants, fieldsOf, type EntryFields } from '../lib/entries.ts';
import { dayOf, formatDay, type DayRange } from '../lib/ranges.ts';
import { CategoryPicker } from './CategoryPicker.tsx';

interface Props {
  actions: PlanningActions;
  range: DayRange;
  /** The entry being edited, or null to log a new one. */
  editing: ManualEntry | null;
  onEditDone: () => void;
}

function blank(range: DayRange, keep?: Pick<EntryFields, 'date' | 'category'>): EntryFields {
  const today = dayOf(new Date());
  return {
    label: '',
    category: keep?.category ?? '',
    date: keep?.date ?? (range.end < today ? range.end : today),
    start: '',
    end: '',
    note: '',
  };
}

/**
 * Logs an activity by hand, or edits one: what, its category, the day and the times (an end before the start
 * is on the next day, up to 12 hours after the start; further back it is refused as a mistake), and a note. What the API refuses (an overlap, an end in the future, more than 7 days) is
 * shown under the form, which keeps everything typed.
 */
export function EntryForm({ actions, range, editing, onEditDone }: Props) {
  const id = useId();
  const [fields, setFields] = useState<EntryFields>(() => blank(range));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labelInput = useRef<HTMLInputElement>(null);
  const editingId = editing?.id ?? null;

  // Opening an entry for editing fills the form with it; leaving edit mode empties it again.
  const [shownFor, setShownFor] = useState<number | null>(null);
  if (shownFor !== editingId) {
    setShownFor(editingId);
    setFields(editing ? fieldsOf(editing) : blank(range, fields));
    setFailure(null);
    setInfo(null);
  }
  useEffect(() => {
    if (editingId !== null) labelInput.current?.focus();
  }, [editingId]);

  const instants = entryInstants(fields);
  const set = (patch: Partial<EntryFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setFailure(null);
    setInfo(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const label = fields.label.trim();
    if (!label) return setFailure({ message: 'Say what you were doing.', field: 'label' });
    if (!fields.category) return setFailure({ message: 'Pick a category.', field: 'category' });
    if (!instants) {
      return setFailure({
        message: fields.start ? 'Give the end time.' : 'Give the start and end times.',
        field: fields.start ? 'end' : 'start',
      });
    }
    if (endBeforeStart(instants)) {
      return setFailure({
        message: `The end (${fields.end}) is before the start (${fields.start}). An end after midnight counts as the next day, up to 12 hours after the start.`,
        field: 'end',
      });
    }
    const body = {
      label,
      category: fields.category,
      start: instants.start.toISOString(),
      end: instants.end.toISOString(),
      note: fields.note.trim(),
    };
    setBusy(true);
    const failed = editing ? await actions.updateEntry(editing, body) : await actions.createEntry(body);
    setBusy(false);
    setFailure(failed);
    if (failed) return;
    const day = fields.date;
    if (day < range.start || day > range.end) {
      setInfo(`Logged on ${formatDay(day, false)}, outside the range shown.`);
    }
    if (editing) onEditDone();
    else setFields(blank(range, fields));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && editing) {
      event.stopPropagation();
      onEditDone();
    }
  };

  const invalid = (...names: string[]) => (failure?.field && names.includes(failure.field)) || undefined;
  const describedBy = failure ? `${id}-error` : undefined;
  const today = dayOf(new Date());

  return (
    <form
      className="entry-form"
      aria-label={editing ? `Edit ${editing.label}` : 'Log time'}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <p className="form-title">{editing ? `Edit “${editing.label}”` : 'Log an activity'}</p>
      <label className="stacked" htmlFor={`${id}-label`}>
        <span>Activity</span>
        <input
          ref={labelInput}
          id={`${id}-label`}
          type="text"
          placeholder="Gym, team meeting, reading…"
          maxLength={120}
          value={fields.label}
          aria-invalid={invalid('label')}
          aria-describedby={describedBy}
          onChange={(e) => set({ label: e.target.value })}
        />
      </label>
      <label className="stacked" htmlFor={`${id}-category`}>
        <span>Category</span>
        <CategoryPicker
          id={`${id}-category`}
          label="Category of the activity"
          value={fields.category}
          invalid={invalid('category')}
          describedBy={describedBy}
          onChange={(category) => set({ category })}
        />
      </label>
      <div className="entry-times">
        <label className="stacked" htmlFor={`${id}-date`}>
          <span>Date</span>
          <input
            id={`${id}-date`}
            type="date"
            value={fields.date}
            max={today}
            aria-invalid={invalid('start', 'end')}
            onChange={(e) => set({ date: e.target.value })}
          />
        </label>
        <label className="stacked" htmlFor={`${id}-start`}>
          <span>Start</span>
          <input
            id={`${id}-start`}
            type="time"
            value={fields.start}
            aria-invalid={invalid('start')}
            aria-describedby={describedBy}
            onChange={(e) => set({ start: e.target.value })}
          />
        </label>
        <label className="stacked" htmlFor={`${id}-end`}>
          <span>End</span>
          <input
            id={`${id}-end`}
            type="time"
            value={fields.end}
            aria-invalid={invalid('end')}
            aria-describedby={describedBy}
            onChange={(e) => set({ end: e.target.value })}
          />
        </label>
      </div>
      <label className="stacked" htmlFor={`${id}-note`}>
        <span>
          Note <span className="muted">(optional)</span>
        </span>
        <input
          id={`${id}-note`}
          type="text"
          maxLength={1000}
          value={fields.note}
          aria-invalid={invalid('note')}
          onChange={(e) => set({ note: e.target.value })}
        />
      </label>
      <div className="form-buttons">
        <p className="entry-span muted" aria-live="polite">
          {!instants
            ? ''
            : endBeforeStart(instants)
              ? 'The end is before the start'
              : `${formatDuration(instants.end.getTime() - instants.start.getTime())}${instants.nextDay ? ', ends the next day' : ''}`}
        </p>
        {editing ? (
          <button type="button" className="button" onClick={onEditDone}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {editing ? 'Save' : 'Log time'}
        </button>
      </div>
      {failure ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
      {info ? (
        <p className="muted small" role="status">
          {info}
        </p>
      ) : null}
    </form>
  );
}
