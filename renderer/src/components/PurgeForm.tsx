import { useId, useState, type FormEvent } from 'react';
import { usePurgeContext } from '../hooks/usePurge.ts';

/** "2026-11-21T18:00" as the browser's local time, for a datetime-local field. */
const localInput = (ms: number): string => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};
const shown = (value: string) => value.replace('T', ' ');

/**
 * "Delete a range": from and to on the browser's clock, then the confirmation with the numbers (PurgeDialog).
 * Events over the range's edges keep their parts outside it. Everything at once is a link of its own.
 */
export function PurgeForm() {
  const purge = usePurgeContext();
  const errorId = useId();
  // The last hour, as a start.
  const [from, setFrom] = useState(() => localInput(Date.now() - 3_600_000));
  const [to, setTo] = useState(() => localInput(Date.now()));
  const [error, setError] = useState<string | null>(null);
  if (!purge) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return setError('Give both the start and the end.');
    if (toMs <= fromMs) return setError('The end must be after the start.');
    purge.ask({
      query: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
      what: `everything recorded from ${shown(from)} to ${shown(to)}`,
    });
  };

  return (
    <div className="purge-form">
      <h3>Delete recorded time</h3>
      <form className="inline-form" aria-label="Delete a range" onSubmit={submit} noValidate>
        <label>
          From{' '}
          <input
            type="datetime-local"
            value={from}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setFrom(e.target.value);
              setError(null);
            }}
          />
        </label>
        <label>
          to{' '}
          <input
            type="datetime-local"
            value={to}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setTo(e.target.value);
              setError(null);
            }}
          />
        </label>
        <button type="submit" className="button small danger">
          Delete this range…
        </button>
      </form>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted small">
        Events over the range&apos;s edges keep their parts outside it. An app or a site goes from its row in
        Top activities.{' '}
        <button
          type="button"
          className="link-button danger-link"
          onClick={() => purge.ask({ query: { all: 'true' }, what: 'everything recorded' })}
        >
          Delete everything…
        </button>
      </p>
    </div>
  );
}
