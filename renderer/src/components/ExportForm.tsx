import { useId, useState, type FormEvent } from 'react';
import type { ExportFormat } from '../../../app/shared/api/data-export.ts';
import type { DownloadedFile } from '../../../app/shared/download.ts';
import { api, describeError } from '../lib/api.ts';
import { rangeInstants, type DayRange } from '../lib/ranges.ts';
import { ToggleGroup } from './ToggleGroup.tsx';

type What = 'sessions' | 'raw';

// Listed here rather than imported: the API module that declares them also holds zod, which the dashboard does
// not ship. `satisfies` keeps the two lists in step.
const FORMATS = [
  { key: 'csv', label: 'CSV', raw: false },
  { key: 'json', label: 'JSON', raw: true },
  { key: 'ndjson', label: 'NDJSON', raw: true },
  { key: 'parquet', label: 'Parquet', raw: false },
] as const satisfies ReadonlyArray<{ key: ExportFormat; label: string; raw: boolean }>;

/**
 * Downloads the range's sessions (or raw events) through the API. The API needs the token in a header, which a
 * plain link cannot send: the file is fetched, then offered to the browser as a download of its own.
 */
export function ExportForm({ range, rangeText, tz }: { range: DayRange; rangeText: string; tz: string }) {
  const [what, setWhat] = useState<What>('sessions');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [titles, setTitles] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const headingId = useId();
  const formatId = useId();
  const errorId = useId();
  const formats = FORMATS.filter((f) => what === 'sessions' || f.raw);

  const choose = (next: What) => {
    setWhat(next);
    if (next === 'raw' && !FORMATS.some((f) => f.key === format && f.raw)) setFormat('ndjson');
  };

  async function download(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const { from, to } = rangeInstants(range);
      const file = await api.exportData({
        query: { from: from.toISOString(), to: to.toISOString(), tz, format, titles, raw: what === 'raw' },
      });
      save(file);
      setSaved(file.fileName);
    } catch (failure) {
      setError(`Could not export: ${describeError(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="settings-group" aria-labelledby={headingId} onSubmit={(e) => void download(e)}>
      <h3 id={headingId}>Export</h3>
      <div className="setting">
        <ToggleGroup
          label="What to export"
          options={[
            { key: 'sessions', label: 'Sessions' },
            { key: 'raw', label: 'Raw events' },
          ]}
          value={what}
          onChange={choose}
        />
        <p className="muted small setting-hint">
          {what === 'sessions'
            ? `${rangeText}: one row per stretch of time on one app, site or logged activity, with its category; the durations add up to the report's.`
            : `${rangeText}: the window, browser and away events as they were recorded, and your logged time, for “timeaudit import timeaudit”.`}
        </p>
      </div>
      <div className="export-line">
        <label htmlFor={formatId}>Format</label>
        <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {formats.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
        <label className="export-check">
          <input type="checkbox" checked={titles} onChange={(e) => setTitles(e.target.checked)} />
          Include window titles
        </label>
      </div>
      <p className="muted small setting-hint">
        Titles can be private (documents, mail subjects): left out unless ticked.
      </p>
      <div className="export-line">
        <button
          type="submit"
          className="button primary"
          disabled={busy}
          aria-describedby={error ? errorId : undefined}
        >
          {busy ? 'Exporting…' : 'Download'}
        </button>
        {saved ? (
          <span className="muted small" role="status">
            Saved as {saved}
          </span>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Hands the fetched file to the browser's own download, under the name the app gave it. */
function save(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the object URL is only a way to it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
