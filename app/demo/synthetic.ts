/**
 * Synthetic activity for demos, tests and benchmarks: deterministic (a seeded PRNG per day), and shaped like a
 * person's week. A workday, in local time:
 *
 * ```
 *           08:45                 12:30  13:15                        18:20
 * window:     [code][slack][chrome...][ ]  [zoom.......][code][term]...]
 * browser:                 [gh][so][yt]         (only inside browser windows)
 * idle:                          [..]  [lunch]                [..]
 * ```
 * - workdays (Mon–Fri) hold 8–10 h of activity starting between 08:00 and 09:30, plus a lunch break, a few idle
 *   periods of some minutes and now and then a meeting (one long Zoom or Teams window); a few are days off;
 * - weekend days are often off, otherwise one to three short sessions with more leisure apps and sites;
 * - apps and domains are picked with Zipf-like popularity, never the same one twice in a row;
 * - within one stream events are back to back and never overlap; window events pause during idle periods
 *   (as the tracker cuts them), and a browser event sometimes runs a few seconds past its browser window.
 */
import type { BrowserEvent, IdleEvent, WindowEvent } from '../shared/events.ts';
import { APPS, CATEGORY_INFO, DOMAINS, TITLES, type Subject } from './catalog.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, floorDiv, isoWeekday } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';

export {
  DEFAULT_CATEGORY_MAP,
  SYNTHETIC_APPS,
  SYNTHETIC_CATEGORIES,
  SYNTHETIC_DOMAINS,
  type DefaultSubjectCategory,
} from './catalog.ts';

export interface SyntheticOptions {
  /** Window events on a full workday; other active days get fewer, in proportion to their active time. */
  windowEventsPerDay?: number;
  /** Browser events on a full workday, likewise. */
  browserEventsPerDay?: number;
  /** Chance that a Saturday or Sunday has any activity at all. */
  weekendActiveChance?: number;
  /** Chance that a Monday–Friday is a day off (holiday, illness). */
  dayOffChance?: number;
  /** user_id of the browser events. */
  userId?: string;
  /** First part of every event id, as in `syn-w-20000-17`. */
  idPrefix?: string;
  /**
   * The local day number (days since 1970-01-01 on the local calendar) that `dayStartMs` starts; it decides the
   * weekday, the day's random stream and the ids. Default: derived from `dayStartMs`, right for UTC offsets
   * between −12 h and +12 h.
   */
  day?: number;
}

export interface SyntheticDay {
  day: number;
  /** false for a day without any event (weekend or day off). */
  active: boolean;
  window: WindowEvent[];
  browser: BrowserEvent[];
  idle: IdleEvent[];
}

export const DEFAULT_SYNTHETIC_OPTIONS: Required<Omit<SyntheticOptions, 'day'>> = {
  windowEventsPerDay: 600,
  browserEventsPerDay: 450,
  weekendActiveChance: 0.4,
  dayOffChance: 0.04,
  userId: 'synthetic-user',
  idPrefix: 'syn',
};

// ---- randomness ----

export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG, good enough for test data. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per (seed, day), so that any day can be generated alone. */
function dayRng(seed: number, day: number): Rng {
  let h = (seed ^ Math.imul(day, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return mulberry32(h ^ (h >>> 16));
}

const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
const intBetween = (rng: Rng, lo: number, hi: number): number => Math.floor(between(rng, lo, hi + 1));

/** A log-normal weight: mostly near 1, now and then much longer. */
function lengthWeight(rng: Rng, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.exp(sigma * z);
}

/** Weighted choice by Zipf rank (1/rank), reweighted by category on leisure days. */
class Picker {
  private readonly subjects: readonly Subject[];
  private readonly cumulative: number[] = [];

  constructor(subjects: readonly Subject[], weekend: boolean) {
    this.subjects = subjects;
    let sum = 0;
    subjects.forEach((s, rank) => {
      const leisure = weekend ? (s.category ? CATEGORY_INFO[s.category].weekend : 1.5) : 1;
      sum += leisure / (rank + 1);
      this.cumulative.push(sum);
    });
  }

  /** A subject other than `previous` (a switch always changes what is in front). */
  pick(rng: Rng, previous?: Subject): Subject {
    for (;;) {
      const x = rng() * (this.cumulative.at(-1) as number);
      let lo = 0;
      let hi = this.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      const s = this.subjects[lo] as Subject;
      if (s !== previous) return s;
    }
  }
}

const PICKERS = {
  workday: { apps: new Picker(APPS, false), domains: new Picker(DOMAINS, false) },
  weekend: { apps: new Picker(APPS, true), domains: new Picker(DOMAINS, true) },
};
const MEETING_APPS = APPS.filter((a) => a.category === 'meet');

// ---- the shape of a day ----

interface Span {
  startMs: number;
  endMs: number;
}

/** Active time of an average workday (8–10 h), which gets the requested numbers of events. */
const NOMINAL_ACTIVE_MS = 9 * HOUR_MS;
const MIN_WINDOW_MS = 1_000;
const MIN_BROWSER_MS = 500;

/** Places a span of `length` inside `within` clear of `taken` (with a margin); null after a few misses. */
function place(rng: Rng, length: number, within: Span, taken: Span[], marginMs: number): Span | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const startMs = Math.round(between(rng, within.startMs, within.endMs - length));
    const span = { startMs, endMs: startMs + length };
    if (taken.every((t) => span.endMs + marginMs <= t.startMs || span.startMs >= t.endMs + marginMs))
      return span;
  }
  return null;
}

interface Plan {
  /** Active time, back to back with the idle periods in between. */
  sessions: Span[];
  idle: Span[];
  meetings: Span[];
}

function planWorkday(rng: Rng, dayStartMs: number): Plan {
  const at = (hours: number): number => dayStartMs + Math.round(hours * HOUR_MS);
  const start = at(between(rng, 8, 9.5));
  const lunchStart = at(between(rng, 12, 13));
  const lunch = { startMs: lunchStart, endMs: lunchStart + intBetween(rng, 30, 60) * MINUTE_MS };
  const activeMs = Math.round(between(rng, 8, 10) * HOUR_MS);
  let end = start + activeMs + (lunch.endMs - lunch.startMs);
  const idle: Span[] = [lunch];
  const day = { startMs: start + 20 * MINUTE_MS, endMs: end - 20 * MINUTE_MS };
  for (let i = intBetween(rng, 3, 6); i > 0; i--) {
    const span = place(rng, intBetween(rng, 3 * 60, 12 * 60) * 1000, day, idle, 10 * MINUTE_MS);
    if (span) idle.push(span);
  }
  // The short breaks come on top of the active time: the day ends that much later.
  end += idle.reduce((sum, s) => sum + s.endMs - s.startMs, 0) - (lunch.endMs - lunch.startMs);
  const meetings: Span[] = [];
  for (let i = intBetween(rng, 0, 2); i > 0; i--) {
    const span = place(
      rng,
      intBetween(rng, 2, 4) * 15 * MINUTE_MS,
      day,
      [...idle, ...meetings],
      5 * MINUTE_MS,
    );
    if (span) meetings.push(span);
  }
  idle.sort((a, b) => a.startMs - b.startMs);
  meetings.sort((a, b) => a.startMs - b.startMs);
  return { sessions: subtract({ startMs: start, endMs: end }, idle), idle, meetings };
}

function planWeekend(rng: Rng, dayStartMs: number): Plan {
  const sessions: Span[] = [];
  const evening = { startMs: dayStartMs + 9 * HOUR_MS, endMs: dayStartMs + 22.5 * HOUR_MS };
  for (let i = intBetween(rng, 1, 3); i > 0; i--) {
    const span = place(rng, intBetween(rng, 30, 150) * MINUTE_MS, evening, sessions, 30 * MINUTE_MS);
    if (span) sessions.push(span);
  }
  sessions.sort((a, b) => a.startMs - b.startMs);
  // A short gap between sessions is the machine left on (idle); a long one is the machine asleep (nothing).
  const idle: Span[] = [];
  for (let i = 1; i < sessions.length; i++) {
    const gap = { startMs: (sessions[i - 1] as Span).endMs, endMs: (sessions[i] as Span).startMs };
    if (gap.endMs - gap.startMs < 2 * HOUR_MS) idle.push(gap);
  }
  return { sessions, idle, meetings: [] };
}

function subtract(whole: Span, holes: Span[]): Span[] {
  const out: Span[] = [];
  let cursor = whole.startMs;
  for (const h of holes) {
    if (h.startMs > cursor) out.push({ startMs: cursor, endMs: h.startMs });
    cursor = Math.max(cursor, h.endMs);
  }
  if (whole.endMs > cursor) out.push({ startMs: cursor, endMs: whole.endMs });
  return out;
}

/** Splits `total` into integer shares proportional to `weights`, the remainders carried forward. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let carried = 0;
  let given = 0;
  return weights.map((w) => {
    carried += sum > 0 ? (total * w) / sum : 0;
    const share = Math.round(carried) - given;
    given += share;
    return share;
  });
}

/** `n` back-to-back spans filling [startMs, endMs), each at least `minMs` long, lengths ∝ weights. */
function fill(span: Span, weights: number[], minMs: number): Span[] {
  const spare = span.endMs - span.startMs - minMs * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: Span[] = [];
  let cumulative = 0;
  let startMs = span.startMs;
  weights.forEach((w, i) => {
    cumulative += w;
    const endMs =
      i === weights.length - 1
        ? span.endMs
        : span.startMs + minMs * (i + 1) + Math.round((spare * cumulative) / sum);
    out.push({ startMs, endMs });
    startMs = endMs;
  });
  return out;
}

// ---- events ----

interface Focus extends Span {
  app: Subject;
}

export function generateDay(dayStartMs: number, seed: number, options: SyntheticOptions = {}): SyntheticDay {
  const o = { ...DEFAULT_SYNTHETIC_OPTIONS, ...options };
  const day = options.day ?? floorDiv(dayStartMs + 12 * HOUR_MS, DAY_MS);
  const rng = dayRng(seed, day);
  const workday = isoWeekday(day) <= 5;
  const active = rng() >= (workday ? o.dayOffChance : 1 - o.weekendActiveChance);
  const out: SyntheticDay = { day, active, window: [], browser: [], idle: [] };
  if (!active) return out;

  const plan = workday ? planWorkday(rng, dayStartMs) : planWeekend(rng, dayStartMs);
  const pickers = workday ? PICKERS.workday : PICKERS.weekend;
  const activeMs = plan.sessions.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
  const scale = activeMs / NOMINAL_ACTIVE_MS;

  // Meetings are one long window each; the rest of the active time is cut into short focus periods.
  const pieces = plan.sessions.flatMap((s) =>
    subtract(
      s,
      plan.meetings.filter((m) => m.startMs < s.endMs && m.endMs > s.startMs),
    ),
  );
  const wanted = Math.max(0, Math.round(o.windowEventsPerDay * scale) - plan.meetings.length);
  const counts = apportion(
    wanted,
    pieces.map((p) => p.endMs - p.startMs),
  );
  const focus: Focus[] = plan.meetings.map((m) => ({
    ...m,
    app: MEETING_APPS[intBetween(rng, 0, MEETING_APPS.length - 1)] as Subject,
  }));
  pieces.forEach((piece, i) => {
    const n = Math.min(counts[i] as number, Math.floor((piece.endMs - piece.startMs) / MIN_WINDOW_MS));
    const apps: Subject[] = [];
    for (let k = 0; k < n; k++) apps.push(pickers.apps.pick(rng, apps.at(-1)));
    const spans = fill(
      piece,
      apps.map((a) => a.scale * lengthWeight(rng, 1)),
      MIN_WINDOW_MS,
    );
    spans.forEach((span, k) => focus.push({ ...span, app: apps[k] as Subject }));
  });
  focus.sort((a, b) => a.startMs - b.startMs);

  const browserFocus = focus.filter((f) => f.app.browser);
  const browserCounts = apportion(
    Math.round(o.browserEventsPerDay * scale),
    browserFocus.map((f) => f.endMs - f.startMs),
  );
  const dayEndMs = dayStartMs + 23 * HOUR_MS;
  let b = 0;
  focus.forEach((f, i) => {
    let title: string;
    if (f.app.browser) {
      const nextStart = (browserFocus[b + 1] as Focus | undefined)?.startMs ?? dayEndMs;
      const domain = addBrowserEvents(out, o, rng, pickers.domains, f, browserCounts[b] as number, nextStart);
      b++;
      title = `${domain ?? 'New Tab'} — ${f.app.name}`;
    } else {
      const titles = TITLES[f.app.category ?? 'none'];
      title = titles[intBetween(rng, 0, titles.length - 1)] as string;
    }
    out.window.push({
      eventId: `${o.idPrefix}-w-${day}-${i}`,
      app: f.app.name,
      title,
      startMs: f.startMs,
      endMs: f.endMs,
    });
  });
  plan.idle.forEach((s, i) => out.idle.push({ eventId: `${o.idPrefix}-i-${day}-${i}`, ...s }));
  return out;
}

/**
 * Browser events inside one browser window: a short delay after focus, back to back, and one time in five the
 * last one runs up to 5 s past the window (the extension hears of the blur late), never into the next one.
 * Returns the first domain, for the window's title.
 */
function addBrowserEvents(
  out: SyntheticDay,
  o: Required<Omit<SyntheticOptions, 'day'>>,
  rng: Rng,
  domains: Picker,
  f: Focus,
  wanted: number,
  nextStartMs: number,
): string | undefined {
  const startMs = f.startMs + intBetween(rng, 0, 300);
  const n = Math.min(wanted, Math.floor((f.endMs - startMs) / MIN_BROWSER_MS));
  if (n <= 0) return undefined;
  const picked: Subject[] = [];
  for (let k = 0; k < n; k++) picked.push(domains.pick(rng, picked.at(-1)));
  const spill = rng() < 0.2 ? intBetween(rng, 0, 5_000) : 0;
  const endMs = Math.max(f.endMs, Math.min(f.endMs + spill, nextStartMs));
  const spans = fill(
    { startMs, endMs },
    picked.map(() => lengthWeight(rng, 0.8)),
    MIN_BROWSER_MS,
  );
  spans.forEach((span, k) => {
    const last = k === n - 1;
    out.browser.push({
      eventId: `${o.idPrefix}-b-${out.day}-${out.browser.length}`,
      userId: o.userId,
      domain: (picked[k] as Subject).name,
      startMs: span.startMs,
      endMs: span.endMs,
      durationMs: span.endMs - span.startMs,
      reasonClosed: last ? 'window_blur' : rng() < 0.7 ? 'tab_switch' : 'navigation',
    });
  });
  return picked[0]?.name;
}

export interface DayRange {
  /** The first local day number (days since 1970-01-01 on the local calendar). */
  firstDay: number;
  days: number;
  /** IANA zone whose local days are generated; default UTC. */
  tz?: string;
}

/** The days of a range one after the other, each with the instant it starts in the zone. */
export function* generateDays(
  range: DayRange,
  seed: number,
  options: Omit<SyntheticOptions, 'day'> = {},
): Generator<SyntheticDay & { dayStartMs: number }> {
  const zone = zoneFor(range.tz ?? 'UTC');
  for (let day = range.firstDay; day < range.firstDay + range.days; day++) {
    const dayStartMs = zone.dayStart(day);
    yield { dayStartMs, ...generateDay(dayStartMs, seed, { ...options, day }) };
  }
}
