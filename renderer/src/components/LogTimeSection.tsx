import { useState } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { ManualEntry } from '../../../app/shared/planning.ts';
import type { PlanningActions } from '../hooks/usePlanningActions.ts';
import { formatEntryTimes } from '../lib/entries.ts';
import type { Loaded } from '../lib/planning.ts';
import { dayOf, formatDay, type DayRange } from '../lib/ranges.ts';
import { EntryForm } from './EntryForm.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { Section } from './Section.tsx';

interface Props {
  entries: Loaded<ManualEntry[]>;
  range: DayRange;
  rangeText: string;
  actions: PlanningActions;
  onRetry: () => void;
  /** Its place in the grid. */
  className?: string;
}

const durationOf = (e: ManualEntry) => Date.parse(e.end) - Date.parse(e.start);

/**
 * Time logged by hand ("I was at the gym 18:00–19:00"): the form, and the entries of the range with edit and
 * delete. In its interval an entry takes the place of whatever was tracked, so nothing counts twice.
 */
export function LogTimeSection({
  entries,
  range,
  rangeText,
  actions,
  onRetry,
  className = 'span-12',
}: Props) {
  const [editing, setEditing] = useState<ManualEntry | null>(null);
  return (
    <Section
      title="Log time"
      subtitle="Time away from the computer, logged by hand; it replaces what was tracked in its hours"
      className={`log-time-card ${className}`}
    >
      <div className="log-time">
        <EntryForm actions={actions} range={range} editing={editing} onEditDone={() => setEditing(null)} />
        <div className="entries">
          {!entries.ok ? (
            <LoadFailure what="the logged entries" error={entries.error} onRetry={onRetry} />
          ) : (
            <EntryList
              entries={entries.value}
              rangeText={rangeText}
              editingId={editing?.id ?? null}
              actions={actions}
              onEdit={setEditing}
              onDeleted={(entry) => {
                if (editing?.id === entry.id) setEditing(null);
              }}
            />
          )}
        </div>
      </div>
    </Section>
  );
}

interface ListProps {
  entries: ManualEntry[];
  rangeText: string;
  editingId: number | null;
  actions: PlanningActions;
  onEdit: (entry: ManualEntry) => void;
  onDeleted: (entry: ManualEntry) => void;
}

function EntryList({ entries, rangeText, editingId, actions, onEdit, onDeleted }: ListProps) {
  const [busy, setBusy] = useState<number | null>(null);
  if (entries.length === 0) {
    return <p className="empty-line">Nothing logged by hand for {rangeText}.</p>;
  }
  const sorted = [...entries].sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  const total = entries.reduce((sum, e) => sum + durationOf(e), 0);
  const remove = async (entry: ManualEntry) => {
    setBusy(entry.id);
    const ok = await actions.deleteEntry(entry);
    setBusy(null);
    if (ok) onDeleted(entry);
  };
  return (
    <>
      <p className="entries-head">
        <span>
          {entries.length} {entries.length === 1 ? 'entry' : 'entries'} in this range
        </span>
        <span className="muted">{formatDuration(total)} in all</span>
      </p>
      <div className="entries-scroll">
        <table className="ranked entry-table">
          <caption className="visually-hidden">Time logged by hand, {rangeText}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Time</th>
              <th scope="col">Activity</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry) => {
              const day = formatDay(dayOf(new Date(entry.start)), false);
              const what = `${entry.label} on ${day}`;
              return (
                <tr
                  key={entry.id}
                  data-entry-id={entry.id}
                  className={entry.id === editingId ? 'is-editing' : undefined}
                >
                  <td className="nowrap">{day}</td>
                  <td className="nowrap num-left">{formatEntryTimes(entry)}</td>
                  <th scope="row" className="entry-what">
                    <span className="entry-label">{entry.label}</span>
                    <span className="entry-meta">
                      <span className="swatch" style={{ background: `var(--${entry.productivity})` }} />
                      {entry.category ?? 'No category'}
                      {entry.note ? <span className="entry-note">· {entry.note}</span> : null}
                    </span>
                  </th>
                  <td className="num">{formatDuration(durationOf(entry))}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Edit ${what}`}
                      onClick={() => onEdit(entry)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Delete ${what}`}
                      disabled={busy === entry.id}
                      onClick={() => void remove(entry)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
