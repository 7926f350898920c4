import type { PauseBody } from '../../../app/shared/api/index.ts';
import type { PauseControls } from '../hooks/usePause.ts';
import { formatClock } from '../lib/clock.ts';

const CHOICES: ReadonlyArray<{ value: string; label: string; body: PauseBody }> = [
  { value: '15', label: 'for 15 minutes', body: { minutes: 15 } },
  { value: '60', label: 'for 1 hour', body: { minutes: 60 } },
  { value: 'tomorrow', label: 'until tomorrow', body: { until: 'tomorrow' } },
  { value: 'resumed', label: 'until resumed', body: { until: null } },
];

/**
 * "Paused until 14:30" with Resume, or a Pause menu: the same pause as the tray's and the extension's. With
 * `showState` false the "● Tracking" beside the menu is left to the page's own tracking state.
 */
export function PauseControl({ pause, showState = true }: { pause: PauseControls; showState?: boolean }) {
  const { status, busy } = pause;
  if (status === null) return null;
  if (status.paused) {
    const until = status.until === null ? 'until resumed' : `until ${formatClock(Date.parse(status.until))}`;
    return (
      <div className="pause-control is-paused" role="status" data-testid="pause-state">
        <span className="pause-dot" aria-hidden="true" />
        <span>Tracking paused {until}</span>
        <button type="button" className="button small" disabled={busy} onClick={() => void pause.resume()}>
          Resume
        </button>
      </div>
    );
  }
  return (
    <div className="pause-control" data-testid="pause-state">
      {showState ? (
        <>
          <span className="pause-dot" aria-hidden="true" />
          <span>Tracking</span>
        </>
      ) : null}
      <select
        aria-label="Pause tracking"
        value=""
        disabled={busy}
        onChange={(event) => {
          const choice = CHOICES.find((c) => c.value === event.target.value);
          if (choice) void pause.pause(choice.body);
        }}
      >
        <option value="" disabled>
          Pause…
        </option>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
