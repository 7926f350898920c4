import { useId } from 'react';
import type { AppStatusState } from '../hooks/useAppStatus.ts';
import { formatRange, type DayRange } from '../lib/ranges.ts';
import { describePort, describeSource, headline } from '../lib/tracking.ts';

/**
 * The header's "● Tracking", true per source: the headline follows the window tracker (or says the API does not
 * answer), and "Details" lists every source with its state, the browser extension's last post and the port.
 * While paused the pause control says so, and only the details remain here.
 */
export function TrackingState({ state }: { state: AppStatusState }) {
  const { status, unreachable, atMs } = state;
  const line = headline(status, unreachable);
  const listId = useId();
  return (
    <div className={`tracking-state tone-${line.tone}`} data-testid="tracking-state" data-tone={line.tone}>
      {line.tone === 'paused' ? null : (
        <span className="tracking-headline" role="status">
          <span className="pause-dot" aria-hidden="true" />
          <span className="tracking-text">{line.text}</span>
        </span>
      )}
      {status && !unreachable ? (
        <details className="sources">
          <summary aria-describedby={listId}>Details</summary>
          <dl id={listId} className="sources-list" aria-label="What Time Audit records">
            {status.sources.map((source) => (
              <div key={source.id} data-source={source.id} data-state={source.state}>
                <dt>{source.label}</dt>
                <dd>{describeSource(source, atMs)}</dd>
              </div>
            ))}
            <div data-source="api">
              <dt>Local API</dt>
              <dd>{describePort(status.api)}</dd>
            </div>
          </dl>
        </details>
      ) : null}
    </div>
  );
}

/** Over figures kept from another range because the range asked for could not be loaded. */
export function StaleMarker({ shown, asked }: { shown: DayRange; asked: DayRange }) {
  return (
    <p className="stale-marker" role="status" data-testid="stale-marker">
      <strong>Not updated:</strong> these figures are for {formatRange(shown)}; {formatRange(asked)} could not
      be loaded yet. They change as soon as it is.
    </p>
  );
}
