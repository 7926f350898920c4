import { useState } from 'react';
import {
  PRESET_LABELS,
  PRESETS,
  formatRange,
  isDay,
  shiftRange,
  type Day,
  type DayRange,
  type Preset,
} from '../lib/ranges.ts';

/** Nothing is tracked before 2000 (the API refuses older events). */
const MIN_YEAR = 2000;

export interface Selection {
  range: DayRange;
  /** The preset button that made the range, or null for a custom or shifted one. */
  preset: Preset | null;
}

interface Props {
  selection: Selection;
  today: Day;
  onChange: (range: DayRange) => void;
  onPreset: (preset: Preset) => void;
}

/** Preset ranges, a custom From–To, and stepping to the period before or after. */
export function RangePicker({ selection, today, onChange, onPreset }: Props) {
  const { range, preset } = selection;
  const [customOpen, setCustomOpen] = useState(false);
  const custom = customOpen || preset === null;
  const next = shiftRange(range, 1);

  // Moving one end past the other drags the other along.
  const setStart = (start: string) => {
    if (isDay(start, MIN_YEAR)) onChange({ start, end: start > range.end ? start : range.end });
  };
  const setEnd = (end: string) => {
    if (isDay(end, MIN_YEAR)) onChange({ start: end < range.start ? end : range.start, end });
  };

  return (
    <>
      <div role="group" aria-label="Range" className="segmented presets">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={!custom && preset === p}
            onClick={() => {
              setCustomOpen(false);
              onPreset(p);
            }}
          >
            {PRESET_LABELS[p]}
          </button>
        ))}
        <button type="button" aria-pressed={custom} onClick={() => setCustomOpen(true)}>
          Custom
        </button>
      </div>
      <div className="period">
        <button
          type="button"
          className="icon-button"
          aria-label="Previous period"
          title="Previous period"
          onClick={() => onChange(shiftRange(range, -1))}
        >
          ‹
        </button>
        <p className="range-words" aria-live="polite">
          {formatRange(range)}
        </p>
        <button
          type="button"
          className="icon-button"
          aria-label="Next period"
          title="Next period"
          disabled={next.start > today}
          onClick={() => onChange(next)}
        >
          ›
        </button>
        {custom ? (
          <div className="custom-range">
            <label className="field">
              <span>From</span>
              <input type="date" value={range.start} max={today} onChange={(e) => setStart(e.target.value)} />
            </label>
            <label className="field">
              <span>To</span>
              <input type="date" value={range.end} onChange={(e) => setEnd(e.target.value)} />
            </label>
          </div>
        ) : null}
      </div>
    </>
  );
}
