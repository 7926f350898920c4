import { useState } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { Timeline } from '../../../app/shared/report.ts';
import { formatClock, formatHour } from '../lib/clock.ts';
import { PRODUCTIVITY_LABELS, PRODUCTIVITY_ORDER } from '../lib/productivity.ts';
import { addDays, dayOf, formatDay, isDay, type Day, type DayRange } from '../lib/ranges.ts';
import { describeSession, sessionsOf, type Session } from '../lib/sessions.ts';
import { Legend } from './Legend.tsx';
import { Section } from './Section.tsx';

interface Props {
  timeline: Timeline;
  range: DayRange;
  /** The day being loaded, while the timeline still shows the previous one. */
  loadingDay: Day | null;
  onSelectDay: (day: Day) => void;
}

const HOUR = 3_600_000;

/**
 * One day as a 24-hour strip of sessions coloured by productivity, with the sessions also as a list. Time logged
 * by hand is hatched, so that it reads apart from what was tracked.
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
  const [hovered, setHovered] = useState<Session | null>(null);
  const fromMs = Date.parse(timeline.from);
  const span = Date.parse(timeline.to) - fromMs;
  const sessions = sessionsOf(timeline);
  const tracked = sessions.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
  const hours = Math.round(span / HOUR);
  const ticks = Array.from({ length: hours + 1 }, (_, h) => ({
    left: ((h * HOUR) / span) * 100,
    label: formatHour(fromMs + h * HOUR),
    major: h % 3 === 0,
    // On a narrow screen only every sixth hour is labelled: "12 AM 3 AM 6 AM" would run together.
    sixth: h % 6 === 0,
  }));
  const first = sessions[0];
  const lastSession = sessions.at(-1);
  const summary =
    first && lastSession
      ? `${formatDuration(tracked)} tracked on ${formatDay(timeline.date)}, between ${formatClock(first.startMs)} and ` +
        `${formatClock(lastSession.endMs)}, in ${sessions.length} sessions.`
      : `Nothing tracked on ${formatDay(timeline.date)}.`;

  return (
    <div className={`timeline${busy ? ' is-busy' : ''}`}>
      <p className="timeline-readout" aria-hidden="true">
        {hovered ? (
          <>
            <span
              className={hovered.kind === 'manual' ? 'swatch hatched' : 'swatch'}
              style={{ background: `var(--${hovered.productivity})` }}
            />
            {describeSession(hovered)}
            <span className="muted"> · {formatDuration(hovered.endMs - hovered.startMs)}</span>
          </>
        ) : sessions.length > 0 ? (
          <span className="muted">{summary} Point at a block for details.</span>
        ) : (
          <span className="muted">{summary}</span>
        )}
      </p>
      <div className="strip" role="img" aria-label={summary} onMouseLeave={() => setHovered(null)}>
        {ticks.map((t) => (
          <span key={t.left} className={`tick${t.major ? ' major' : ''}`} style={{ left: `${t.left}%` }} />
        ))}
        {sessions.map((s) => (
          <span
            key={s.startMs}
            className={s.kind === 'manual' ? 'block hatched' : 'block'}
            title={describeSession(s)}
            style={{
              left: `${((s.startMs - fromMs) / span) * 100}%`,
              width: `${((s.endMs - s.startMs) / span) * 100}%`,
              background: `var(--${s.productivity})`,
            }}
            onMouseEnter={() => setHovered(s)}
          />
        ))}
      </div>
      <div className="strip-axis" aria-hidden="true">
        {ticks
          .filter((t) => t.major)
          .map((t) => (
            <span key={t.left} className={t.sixth ? undefined : 'axis-3h'} style={{ left: `${t.left}%` }}>
              {t.label}
            </span>
          ))}
      </div>
      <div className="timeline-footer">
        <Legend
          label="Colours"
          items={[
            ...PRODUCTIVITY_ORDER.map((p) => ({ label: PRODUCTIVITY_LABELS[p], color: `var(--${p})` })),
            ...(sessions.some((s) => s.kind === 'manual')
              ? [{ label: 'Logged by hand', color: 'var(--uncategorized)', swatchClass: 'hatched' }]
              : []),
          ]}
        />
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
