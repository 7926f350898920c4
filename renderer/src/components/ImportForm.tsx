import { useId, useState, type FormEvent } from 'react';
import type { ImportSummary } from '../../../app/shared/api/data-import.ts';
import { api, describeError } from '../lib/api.ts';

type Format = 'activitywatch' | 'timeaudit';

const FORMATS: { value: Format; label: string; hint: string }[] = [
  {
    value: 'activitywatch',
    label: 'ActivityWatch export',
    hint: 'The JSON file of ActivityWatch’s Export button: window, AFK and browser buckets.',
  },
  {
    value: 'timeaudit',
    label: 'Time Audit raw export',
    hint: 'A file of “timeaudit export --raw”, NDJSON or JSON.',
  },
];

const count = (n: number) => n.toLocaleString();

/**
 * Brings history in from a file the user picks. The file goes to the app as it is (no copy in the page), and
 * the answer says what was stored, what was there already and what was skipped, and why. Importing the same
 * file again adds nothing; a broken file stores nothing and the error says where it breaks. The last summary
 * is kept by the dashboard (`summary`), since the first import into an empty folder replaces the empty page,
 * and this form with it, by the filled one.
 */
export function ImportForm({
  summary,
  onImported,
}: {
  summary: ImportSummary | null;
  onImported: (summary: ImportSummary | null) => void;
}) {
  const fileId = useId();
  const formatId = useId();
  const errorId = useId();
  const [format, setFormat] = useState<Format>('activitywatch');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return setFailure('Choose a file to import.');
    setBusy(true);
    setFailure(null);
    onImported(null);
    try {
      const call = format === 'activitywatch' ? api.importActivityWatch : api.importTimeAudit;
      onImported(await call({ body: file }));
    } catch (error) {
      setFailure(`Nothing was imported. ${describeError(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="import-form" aria-label="Import" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Import history</h3>
      <div className="import-fields">
        <span className="import-field">
          <label htmlFor={formatId}>Import from</label>
          <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </span>
        <span className="import-field">
          <label htmlFor={fileId}>File</label>
          <input
            id={fileId}
            type="file"
            accept=".json,.ndjson,application/json"
            aria-invalid={failure !== null && file === null}
            aria-describedby={failure ? errorId : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFailure(null);
            }}
          />
        </span>
        <button type="submit" className="button small" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
      <p className="muted small setting-hint">
        {FORMATS.find((f) => f.value === format)?.hint} Importing the same file again adds nothing.
      </p>
      {busy ? (
        <p className="muted small" role="status">
          Reading and storing {file?.name}… years of history take a minute.
        </p>
      ) : null}
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      {summary ? <SummaryView summary={summary} /> : null}
    </form>
  );
}

function SummaryView({ summary }: { summary: ImportSummary }) {
  return (
    <div className="import-summary" role="status">
      <p>
        <strong>{count(summary.stored)} new events</strong> imported from {count(summary.events)} read;{' '}
        {count(summary.duplicates)} already there, {count(summary.skipped)} skipped.
      </p>
      <ul>
        {summary.sources.map((s) => (
          <li key={s.id}>
            <span className="import-source">{s.id}</span> <span className="muted">({s.type})</span>:{' '}
            {count(s.stored)} stored
            {s.duplicates > 0 ? `, ${count(s.duplicates)} already there` : ''}
            {s.skipped.map((k) => (
              <span key={k.reason} className="muted small import-skipped">
                {count(k.count)} skipped: {k.reason}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
