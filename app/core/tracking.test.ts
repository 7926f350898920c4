// The tracker's state machine on its own: a few exact scenarios, then properties over random runs of polls,
// pauses, cuts, gaps and idle periods (fast-check), each run replayed through `step` from the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdleEvent, WindowEvent } from '../shared/events.ts';
import { initialTracking, step } from './tracking.ts';
import type { IdleState, TrackingConfig, TrackingInput, TrackingSave, WindowSample } from './tracking.ts';

const CONFIG: TrackingConfig = { idleThresholdMs: 60_000, checkpointMs: 15_000, gapMs: 5_000 };
const A: WindowSample = { app: 'code', title: 'tracking.ts' };
const B: WindowSample = { app: 'IntelliJ IDEA', title: 'Main.kt', appId: 'jetbrains-idea' };

type Span = [number, number];

interface Run {
  /** The last save of each eventId: what a replacing database holds. */
  windows: Map<string, WindowEvent>;
  idles: Map<string, IdleEvent>;
  saves: TrackingSave[];
}

/** Replays inputs at their times through `step`, from the initial state, calling `after` after each step. */
function replay(
  inputs: Array<{ t: number; input: TrackingInput }>,
  config = CONFIG,
  after?: (state: ReturnType<typeof step>['state'], run: Run) => void,
): Run {
  let state = initialTracking(config);
  const run: Run = { windows: new Map(), idles: new Map(), saves: [] };
  for (const { t, input } of inputs) {
    const result = step(state, input, t);
    state = result.state;
    for (const s of result.saves) {
      run.saves.push(s);
      if (s.kind === 'window') run.windows.set(s.event.eventId, s.event);
      else run.idles.set(s.event.eventId, s.event);
    }
    after?.(state, run);
  }
  return run;
}

const spans = (events: Iterable<IdleEvent>): Span[] =>
  [...events].map((e): Span => [e.startMs, e.endMs]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

/** Touching or overlapping spans merged; empty ones dropped. */
function union(list: Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of [...list].sort((a, b) => a[0] - b[0])) {
    if (e <= s) continue;
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

describe('step', () => {
  it('opens, extends and closes a window event, carrying the raw app id', () => {
    let n = 0;
    const poll = (window: WindowSample | null): TrackingInput => ({
      kind: 'poll',
      window,
      idle: { idleMs: 0, locked: false },
      newId: `e${++n}`,
    });
    const run = replay([
      { t: 0, input: poll(B) },
      { t: 1_000, input: poll(B) },
      { t: 2_000, input: poll(A) },
      { t: 3_000, input: { kind: 'stop' } },
    ]);
    expect([...run.windows.values()]).toEqual([
      {
        eventId: 'e1',
        app: 'IntelliJ IDEA',
        appId: 'jetbrains-idea',
        title: 'Main.kt',
        startMs: 0,
        endMs: 2_000,
      },
      { eventId: 'e3', app: 'code', title: 'tracking.ts', startMs: 2_000, endMs: 3_000 },
    ]);
  });

  it('never changes the state it was given', () => {
    const state = initialTracking(CONFIG);
    const first = step(state, { kind: 'poll', window: A, idle: null, newId: 'x' }, 0).state;
    const frozen = structuredClone(first);
    step(first, { kind: 'poll', window: B, idle: null, newId: 'y' }, 1_000);
    expect(first).toEqual(frozen);
  });
});

// ---- properties ----

const windowArb = fc.constantFrom<WindowSample | null>(A, B, { app: 'xterm', title: '~' }, null);
const idleArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<IdleState>({ idleMs: 0, locked: false }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((idleMs) => ({ idleMs, locked: false })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5_000 }).map((idleMs) => ({ idleMs, locked: true })) },
);
/** Mostly a poll interval or so, sometimes a gap (asleep). */
const dtArb = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 2_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_001, max: 120_000 }) },
);
type Action =
  | { kind: 'poll'; window: WindowSample | null; idle: IdleState | null }
  | { kind: 'paused' }
  | { kind: 'cut' };
const actionArb = (opts: { pauses: boolean; nullable: boolean }): fc.Arbitrary<Action> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('poll' as const),
        window: opts.nullable ? windowArb : windowArb.filter((w) => w !== null),
        idle: opts.nullable ? fc.option(idleArb, { freq: 8 }) : idleArb,
      }),
    },
    { weight: opts.pauses ? 2 : 0, arbitrary: fc.constant({ kind: 'paused' as const }) },
    { weight: opts.pauses ? 1 : 0, arbitrary: fc.constant({ kind: 'cut' as const }) },
  );
const runArb = (opts: { pauses: boolean; nullable: boolean }) =>
  fc
    .array(fc.tuple(dtArb, actionArb(opts)), { minLength: 1, maxLength: 120 })
    .chain((steps) => fc.tuple(fc.constant(steps), dtArb));

/** Absolute times (from 1 h), fresh ids, and the stop at the end. */
function timed(steps: Array<[number, Action]>, lastDt: number): Array<{ t: number; input: TrackingInput }> {
  let t = 3_600_000;
  let n = 0;
  const out = steps.map(([dt, a]): { t: number; input: TrackingInput } => {
    t += dt;
    const input: TrackingInput = a.kind === 'poll' ? { ...a, newId: `id${++n}` } : a;
    return { t, input };
  });
  out.push({ t: t + lastDt, input: { kind: 'stop' } });
  return out;
}

describe('step: properties', () => {
  it('events never overlap, and a closed save is final', () => {
    fc.assert(
      fc.property(runArb({ pauses: true, nullable: true }), ([steps, lastDt]) => {
        const run = replay(timed(steps, lastDt));
        const all = spans([...run.windows.values(), ...run.idles.values()]);
        for (let i = 1; i < all.length; i++) expect(all[i]![0]).toBeGreaterThanOrEqual(all[i - 1]![1]);
        for (const [s, e] of all) expect(e).toBeGreaterThanOrEqual(s);
        const closedAt = new Map<string, number>();
        run.saves.forEach((s, i) => {
          expect(closedAt.has(s.event.eventId)).toBe(false);
          if (s.closed) closedAt.set(s.event.eventId, i);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('window and idle events cover the polled time exactly', () => {
    // Every poll sees a window and an idle state, nothing is paused: the time between two polls closer than
    // the gap, and from the last poll to the stop, is all recorded, once, and nothing else is.
    fc.assert(
      fc.property(runArb({ pauses: false, nullable: false }), ([steps, lastDt]) => {
        const inputs = timed(steps, lastDt);
        const run = replay(inputs);
        const polled: Span[] = [];
        for (let i = 1; i < inputs.length; i++) {
          const [prev, next] = [inputs[i - 1]!.t, inputs[i]!.t];
          if (next - prev <= CONFIG.gapMs) polled.push([prev, next]);
        }
        const recorded = spans([...run.windows.values(), ...run.idles.values()]);
        const total = (l: Span[]) => l.reduce((sum, [s, e]) => sum + (e - s), 0);
        expect(union(recorded)).toEqual(union(polled));
        expect(total(recorded)).toBe(total(union(polled))); // once: no time counted twice
      }),
      { numRuns: 300 },
    );
  });

  it('nothing lands inside a pause', () => {
    fc.assert(
      fc.property(runArb({ pauses: true, nullable: true }), ([steps, lastDt]) => {
        const inputs = timed(steps, lastDt);
        const run = replay(inputs);
        // A pause runs from the first input that found it to the next poll.
        const pauses: Span[] = [];
        let from: number | null = null;
        for (const { t, input } of inputs) {
          if (input.kind === 'paused') from ??= t;
          else if (input.kind === 'poll' && from !== null) {
            pauses.push([from, t]);
            from = null;
          }
        }
        if (from !== null) pauses.push([from, inputs.at(-1)!.t]);
        for (const [s, e] of spans([...run.windows.values(), ...run.idles.values()])) {
          for (const [ps, pe] of pauses) expect(e <= ps || s >= pe).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a crash at any moment loses less than one checkpoint interval per open event', () => {
    fc.assert(
      fc.property(
        runArb({ pauses: true, nullable: true }),
        fc.integer({ min: 1_000, max: 30_000 }),
        ([steps, lastDt], checkpointMs) => {
          const config = { ...CONFIG, checkpointMs };
          replay(timed(steps, lastDt), config, (state, run) => {
            for (const open of [state.window, state.away]) {
              if (!open) continue;
              const e = open.event;
              const saved = run.windows.get(e.eventId) ?? run.idles.get(e.eventId);
              expect(e.endMs - (saved ? saved.endMs : e.startMs)).toBeLessThan(checkpointMs);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a clock that jumps back is never bridged', () => {
    const poll = (newId: string): TrackingInput => ({
      kind: 'poll',
      window: A,
      idle: { idleMs: 0, locked: false },
      newId,
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (back) => {
        const run = replay([
          { t: 200_000, input: poll('a') },
          { t: 201_000, input: poll('b') },
          { t: 201_000 - back, input: poll('c') },
          { t: 202_000 - back, input: { kind: 'stop' } },
        ]);
        for (const e of run.windows.values()) expect(e.endMs - e.startMs).toBeLessThanOrEqual(1_000);
      }),
    );
  });
});
