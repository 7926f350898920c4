import { formatDuration } from '../../../app/shared/format.ts';
import type { Timeline } from '../../../app/shared/report.ts';
import { formatClock } from '../lib/clock.ts';
import { addDays, dayOf, formatDay, isDay, type Day, type DayRange } from '../lib/ranges.ts';
import { sessionsOf, type Session } from '../lib/sessions.ts';
import { Section } from './Section.tsx';
import { TimelineStrip } from './TimelineStrip.tsx';

interface Props {
  timeline: Timeline;
  range: DayRange;
  /** The day being loaded, while the timeline still shows the previous one. */
  loadingDay: Day | null;
  onSelectDay: (day: Day) => void;
}

/**
 * One day's sessions coloured by productivity, in one strip or in lanes, zoomed and panned (TimelineStrip), with
 * the sessions also as a list. Time logged by hand is hatched, so that it reads apart from what was tracked;
 * time away is a grey band.
 */
export function TimelineSection({ timeline, range, loadingDay, onSelectDay }: Props) {
  const today = dayOf(new Date());
  const last = range.end < today ? range.end : today;
  const day = loadingDay ?? timeline.date;
  const canGo = (d: Day) => d >= range.start && d <= last;

  return (
    <Section
      title="Timeline"
      subtitle={formatDay(timeline.date)}
      className="span-12"
      actions={
        <div className="day-picker">
          <button
            type="button"
            className="icon-button"
            aria-label="Previous date"
            disabled={!canGo(addDays(day, -1))}
            onClick={() => onSelectDay(addDays(day, -1))}
          >
            ‹
          </button>
          <label className="field">
            <span>Day</span>
            <input
              type="date"
              value={day}
              min={range.start}
              max={last}
              onChange={(e) => {
                if (isDay(e.target.value) && canGo(e.target.value)) onSelectDay(e.target.value);
              }}
            />
          </label>
          <button
            type="button"
            className="icon-button"
            aria-label="Next date"
            disabled={!canGo(addDays(day, 1))}
            onClick={() => onSelectDay(addDays(day, 1))}
          >
            ›
          </button>
        </div>
      }
    >
      <DayStrip timeline={timeline} busy={loadingDay !== null} />
    </Section>
  );
}

function DayStrip({ timeline, busy }: { timeline: Timeline; busy: boolean }) {
  const sessions = sessionsOf(timeline);
  const tracked = sessions.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
  const first = sessions[0];
  const lastSession = sessions.at(-1);
  const summary =
    first && lastSession
      ? `${formatDuration(tracked)} tracked on ${formatDay(timeline.date)}, between ${formatClock(first.startMs)} and ` +
        `${formatClock(lastSession.endMs)}, in ${sessions.length} sessions.`
      : `Nothing tracked on ${formatDay(timeline.date)}.`;

  return (
    <div className={`timeline${busy ? ' is-busy' : ''}`}>
      {/* A new day starts at its whole 24 hours. */}
      <TimelineStrip key={timeline.date} timeline={timeline} sessions={sessions} summary={summary} />
      <div className="timeline-footer">
        {sessions.length > 0 ? <SessionList sessions={sessions} date={timeline.date} /> : null}
      </div>
    </div>
  );
}

function SessionList({ sessions, date }: { sessions: Session[]; date: Day }) {
  return (
    <details className="session-list">
      <summary>All {sessions.length} sessions</summary>
      <ol tabIndex={0} aria-label={`Sessions on ${formatDay(date)}`}>
        {sessions.map((s) => (
          <li key={s.startMs}>
            <span
              className={s.kind === 'manual' ? 'swatch hatched' : 'swatch'}
              style={{ background: `var(--${s.productivity})` }}
              aria-hidden="true"
            />
            <span className="session-time">
              {formatClock(s.startMs)}–{formatClock(s.endMs)}
            </span>{' '}
            <span className="session-name">{s.name}</span>
            <span className="muted">
              {' '}
              · {s.category ?? 'No category'}
              {s.kind === 'manual' ? ' · logged' : ''}
            </span>
            <span className="session-duration">{formatDuration(s.endMs - s.startMs)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
