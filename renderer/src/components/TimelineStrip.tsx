import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { Timeline } from '../../../app/shared/report.ts';
import { formatClock, formatHour } from '../lib/clock.ts';
import { PRODUCTIVITY_LABELS, PRODUCTIVITY_ORDER } from '../lib/productivity.ts';
import { formatDay } from '../lib/ranges.ts';
import { describeSession, type Session } from '../lib/sessions.ts';
import {
  isWholeDay,
  lanesOf,
  panView,
  sessionAt,
  ticksOf,
  zoomView,
  type LaneMode,
  type View,
} from '../lib/timeline-view.ts';
import { Legend } from './Legend.tsx';
import { ToggleGroup } from './ToggleGroup.tsx';

const LANE_MODES = [
  { key: 'one' as const, label: 'One strip' },
  { key: 'category' as const, label: 'By category' },
  { key: 'app' as const, label: 'By app' },
];
/** How close (in pixels) a pointer must be to a thin block to mean it. */
const AIM_PX = 6;
const ZOOM_STEP = 2;

type Hovered = { session: Session } | { away: View } | null;

interface Props {
  timeline: Timeline;
  sessions: Session[];
  summary: string;
}

/**
 * The day's sessions in one strip or in lanes, zoomed and panned with the buttons, the keyboard (+ − ← → 0),
 * Ctrl + wheel or a pinch (zoom), Shift + wheel or a drag (pan). The pointer finds the nearest block, so thin
 * ones on a busy day can be read; away time is a grey band, logged time hatched.
 */
export function TimelineStrip({ timeline, sessions, summary }: Props) {
  const day: View = { startMs: Date.parse(timeline.from), endMs: Date.parse(timeline.to) };
  const [view, setView] = useState<View>(day);
  const [mode, setMode] = useState<LaneMode>('one');
  const [hovered, setHovered] = useState<Hovered>(null);
  const area = useRef<HTMLDivElement>(null);
  const away = (timeline.away ?? []).map((a) => ({ startMs: Date.parse(a.start), endMs: Date.parse(a.end) }));
  const span = view.endMs - view.startMs;
  const lanes = lanesOf(sessions, mode);
  const pct = (ms: number) => `${((ms - view.startMs) / span) * 100}%`;
  const width = (a: number, b: number) =>
    `${((Math.min(b, view.endMs) - Math.max(a, view.startMs)) / span) * 100}%`;
  const inView = (s: View) => s.endMs > view.startMs && s.startMs < view.endMs;
  const whole = isWholeDay(view, day);

  const zoom = (factor: number, anchorMs = (view.startMs + view.endMs) / 2) =>
    setView((v) => zoomView(v, day, factor, anchorMs));
  const pan = (fraction: number) => setView((v) => panView(v, day, (v.endMs - v.startMs) * fraction));
  // Every lane's strip spans the same times; the lanes' labels are beside them.
  const stripRect = () => area.current?.querySelector('.strip')?.getBoundingClientRect();
  const timeAt = (clientX: number): number => {
    const rect = stripRect();
    if (!rect || rect.width === 0) return view.startMs;
    return view.startMs + ((clientX - rect.left) / rect.width) * span;
  };

  // Wheel events are listened to directly: React's are passive, and a zoom must not scroll the page too.
  const latest = useRef({ zoom, pan, timeAt });
  useEffect(() => {
    latest.current = { zoom, pan, timeAt };
  });
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        latest.current.zoom(Math.exp(-e.deltaY / 200), latest.current.timeAt(e.clientX));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        latest.current.pan((e.shiftKey ? e.deltaY : e.deltaX) / 1000);
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // Pointers: one drags the view along, two pinch it.
  const pointers = useRef(new Map<number, number>());
  const gesture = useRef<{ x: number; distance: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    pointers.current.set(e.pointerId, e.clientX);
    e.currentTarget.setPointerCapture(e.pointerId);
    const xs = [...pointers.current.values()];
    gesture.current = { x: e.clientX, distance: xs.length === 2 ? Math.abs((xs[0] ?? 0) - (xs[1] ?? 0)) : 0 };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>, laneSessions: Session[]) => {
    const rect = stripRect();
    if (pointers.current.has(e.pointerId) && gesture.current && rect) {
      pointers.current.set(e.pointerId, e.clientX);
      const xs = [...pointers.current.values()];
      if (xs.length === 2) {
        const distance = Math.abs((xs[0] ?? 0) - (xs[1] ?? 0));
        if (gesture.current.distance > 0 && distance > 0)
          zoom(distance / gesture.current.distance, timeAt(((xs[0] ?? 0) + (xs[1] ?? 0)) / 2));
        gesture.current = { x: e.clientX, distance };
        return;
      }
      const dx = e.clientX - gesture.current.x;
      if (Math.abs(dx) > 0) setView((v) => panView(v, day, (-dx / rect.width) * (v.endMs - v.startMs)));
      gesture.current = { x: e.clientX, distance: 0 };
    }
    const atMs = timeAt(e.clientX);
    const tolerance = rect && rect.width > 0 ? (AIM_PX / rect.width) * span : 0;
    const found = sessionAt(laneSessions, atMs, tolerance);
    const awayHere = away.find((a) => a.startMs <= atMs && a.endMs > atMs);
    setHovered(found ? { session: found } : awayHere ? { away: awayHere } : null);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(e.pointerId);
    gesture.current = null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      '+': () => zoom(ZOOM_STEP),
      '=': () => zoom(ZOOM_STEP),
      '-': () => zoom(1 / ZOOM_STEP),
      ArrowLeft: () => pan(-0.25),
      ArrowRight: () => pan(0.25),
      '0': () => setView(day),
      Home: () => setView(day),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const ticks = ticksOf(view, day.startMs);
  const shown = `${formatClock(view.startMs)}–${view.endMs >= day.endMs ? '24:00' : formatClock(view.endMs)}`;
  return (
    <>
      <div className="timeline-tools">
        <ToggleGroup label="Lanes" options={LANE_MODES} value={mode} onChange={setMode} />
        <div className="zoom-tools" role="group" aria-label="Zoom">
          <button
            type="button"
            className="icon-button"
            aria-label="Earlier"
            disabled={view.startMs <= day.startMs}
            onClick={() => pan(-0.5)}
          >
            ‹
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Zoom out"
            disabled={whole}
            onClick={() => zoom(1 / ZOOM_STEP)}
          >
            −
          </button>
          <span className="zoom-span" aria-live="polite">
            {shown}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label="Zoom in"
            disabled={span <= 15 * 60_000}
            onClick={() => zoom(ZOOM_STEP)}
          >
            +
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Later"
            disabled={view.endMs >= day.endMs}
            onClick={() => pan(0.5)}
          >
            ›
          </button>
          <button type="button" className="button small" disabled={whole} onClick={() => setView(day)}>
            Whole day
          </button>
        </div>
      </div>
      <p className="timeline-readout" aria-hidden="true">
        {hovered && 'session' in hovered ? (
          <>
            <span
              className={hovered.session.kind === 'manual' ? 'swatch hatched' : 'swatch'}
              style={{ background: `var(--${hovered.session.productivity})` }}
            />
            {describeSession(hovered.session)}
            <span className="muted">
              {' '}
              · {formatDuration(hovered.session.endMs - hovered.session.startMs)}
            </span>
          </>
        ) : hovered ? (
          <>
            <span className="swatch away-swatch" />
            {formatClock(hovered.away.startMs)}–{formatClock(hovered.away.endMs)} away
            <span className="muted"> · {formatDuration(hovered.away.endMs - hovered.away.startMs)}</span>
          </>
        ) : (
          <span className="muted">
            {summary}
            {sessions.length > 0
              ? ' Point at a block for details; Ctrl + wheel or pinch to zoom, drag to move.'
              : ''}
          </span>
        )}
      </p>
      {/* Labelled without "day": the card's date field is found by that word. */}
      <div
        className={`lanes lanes-${mode}`}
        ref={area}
        tabIndex={0}
        role="group"
        aria-label={`Timeline of ${formatDay(timeline.date)}, ${shown}. Plus and minus zoom, arrows move, 0 shows all 24 hours.`}
        onKeyDown={onKeyDown}
        onPointerLeave={() => setHovered(null)}
      >
        {lanes.map((lane) => (
          <div className="lane" key={lane.key}>
            {mode === 'one' ? null : (
              <span className="lane-label" title={lane.label}>
                {lane.label}
              </span>
            )}
            <div
              className="strip"
              role="img"
              aria-label={mode === 'one' ? summary : `${lane.label}: ${lane.sessions.length} sessions`}
              data-lane={lane.label}
              onPointerDown={onPointerDown}
              onPointerMove={(e) => onPointerMove(e, lane.sessions)}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
            >
              {ticks.map((t) => (
                <span key={t} className="tick" style={{ left: pct(t) }} />
              ))}
              {away.filter(inView).map((a) => (
                <span
                  key={`away${a.startMs}`}
                  className="away"
                  style={{ left: pct(Math.max(a.startMs, view.startMs)), width: width(a.startMs, a.endMs) }}
                />
              ))}
              {lane.sessions.filter(inView).map((s) => (
                <span
                  key={s.startMs}
                  className={`block${s.kind === 'manual' ? ' hatched' : ''}${hovered && 'session' in hovered && hovered.session === s ? ' is-hovered' : ''}`}
                  style={{
                    left: pct(Math.max(s.startMs, view.startMs)),
                    width: width(s.startMs, s.endMs),
                    background: `var(--${s.productivity})`,
                  }}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className={`strip-axis${mode === 'one' ? '' : ' with-labels'}`} aria-hidden="true">
        <div className="axis-inner">
          {ticks.map((t, i) => (
            <span
              key={t}
              style={{ left: pct(t) }}
              className={i === 0 && t === view.startMs ? 'first' : t === view.endMs ? 'last' : undefined}
            >
              {span > 6 * 3_600_000 ? formatHour(t) : formatClock(t)}
            </span>
          ))}
        </div>
      </div>
      <Legend
        label="Colours"
        items={[
          ...PRODUCTIVITY_ORDER.map((p) => ({ label: PRODUCTIVITY_LABELS[p], color: `var(--${p})` })),
          ...(sessions.some((s) => s.kind === 'manual')
            ? [{ label: 'Logged by hand', color: 'var(--uncategorized)', swatchClass: 'hatched' }]
            : []),
          ...(away.length > 0 ? [{ label: 'Away', color: 'var(--away)', swatchClass: 'away-swatch' }] : []),
        ]}
      />
    </>
  );
}
