/**
 * Overlap resolution: turns the raw streams into one timeline in which at most one subject counts at any
 * instant. The rules, on an example:
 *
 * ```
 * manual:                                             [gym.........]
 * idle:                              [away....]               [away]
 * window:  [code.....][chrome....................][code....]
 * browser:      [github.com][youtube.com.....]  [news.com]
 * result:  [code.....][gh][youtube.][    ]        [co][gym.........]
 * ```
 * - a manual entry (an activity the user logged by hand) wins over everything tracked in its interval, idle
 *   included: the hour at the gym counts as the gym even though the computer sat idle, and the window and
 *   browser time under it counts for nothing, so nothing is counted twice;
 * - elsewhere idle time counts for nothing;
 * - where a window event covers an instant, the focused app decides; if it is a browser, a browser event at
 *   that instant names the domain instead (browser time without one stays the browser app). The window's
 *   subject is its `name`, set before: the app, or the app with a title rule's pattern ("Code — jira", see
 *   core/rules.ts); whether it is a browser goes by its `app`, so a browser event still wins over a title rule;
 * - browser events while another app is focused count for nothing (news.com above);
 * - where no window event covers an instant, browser events count as reported (extension-only users);
 * - among overlapping events of one stream the one that started last wins (ties: the one stored last). Manual
 *   entries are stored without overlaps, so for them this only matters to data written some other way.
 */
import { isBrowserApp } from './browsers.ts';
import type { SubjectKind } from '../shared/report.ts';

export interface Interval {
  startMs: number;
  endMs: number;
}

export interface WindowSpan extends Interval {
  /** The focused app, for the browser check. */
  app: string;
  /** The subject its time counts as: the app, or "<app> — <pattern>" when a title rule matched its title. */
  name: string;
  /** The raw id the desktop gave the app (WM_CLASS, Wayland app_id), when it differs from `app`. */
  appId?: string | undefined;
  /** Storage order, to break ties between events that start together. */
  seq: number;
}

export interface BrowserSpan extends Interval {
  domain: string;
  seq: number;
}

/** An activity logged by hand; `label` is the name of its subject of kind 'manual'. */
export interface ManualSpan extends Interval {
  label: string;
  seq: number;
}

export interface Segment extends Interval {
  kind: SubjectKind;
  name: string;
  /**
   * For an app subject that is its app (not a title rule's): the raw app id of its first window event that
   * had one; a new subject's built-in category may go by it (categories.ts).
   */
  appId?: string | undefined;
}

export interface Streams {
  window: WindowSpan[];
  browser: BrowserSpan[];
  idle: Interval[];
  manual: ManualSpan[];
}

type Ranked = Interval & { seq: number };

const later = (a: Ranked, b: Ranked): boolean =>
  a.startMs > b.startMs || (a.startMs === b.startMs && a.seq > b.seq);

/** A sweep over one stream: which events cover the elementary interval that starts at `at`. */
class Sweep<T extends Interval> {
  private readonly events: T[];
  private next = 0;
  private active: T[] = [];

  constructor(events: T[]) {
    this.events = events.filter((e) => e.endMs > e.startMs).sort((a, b) => a.startMs - b.startMs);
  }

  advance(at: number): T[] {
    while (this.next < this.events.length && (this.events[this.next] as T).startMs <= at) {
      this.active.push(this.events[this.next] as T);
      this.next++;
    }
    this.active = this.active.filter((e) => e.endMs > at);
    return this.active;
  }
}

function winner<T extends Ranked>(active: T[]): T | undefined {
  let best: T | undefined;
  for (const e of active) if (!best || later(e, best)) best = e;
  return best;
}

/** The resolved timeline inside [fromMs, toMs), adjacent pieces of one subject merged. */
export function resolve(streams: Streams, fromMs: number, toMs: number): Segment[] {
  const points = new Set<number>([fromMs, toMs]);
  for (const list of [streams.window, streams.browser, streams.idle, streams.manual]) {
    for (const e of list) {
      if (e.startMs > fromMs && e.startMs < toMs) points.add(e.startMs);
      if (e.endMs > fromMs && e.endMs < toMs) points.add(e.endMs);
    }
  }
  const bounds = [...points].sort((a, b) => a - b);
  const windows = new Sweep(streams.window);
  const browsers = new Sweep(streams.browser);
  const idle = new Sweep(streams.idle);
  const manual = new Sweep(streams.manual);
  const browserApp = new Map<string, boolean>();
  const isBrowser = (app: string): boolean => {
    let known = browserApp.get(app);
    if (known === undefined) browserApp.set(app, (known = isBrowserApp(app)));
    return known;
  };

  const out: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const end = bounds[i + 1] as number;
    const m = winner(manual.advance(start));
    const w = winner(windows.advance(start));
    const b = winner(browsers.advance(start));
    const away = idle.advance(start).length > 0;
    let kind: SubjectKind;
    let name: string;
    let appId: string | undefined;
    if (m) {
      kind = 'manual';
      name = m.label;
    } else if (away) continue;
    else if (w && !(b && isBrowser(w.app))) {
      kind = 'app';
      name = w.name;
      if (w.name === w.app) appId = w.appId;
    } else if (b) {
      kind = 'domain';
      name = b.domain;
    } else continue;
    const last = out.at(-1);
    if (last && last.endMs === start && last.kind === kind && last.name === name) {
      last.endMs = end;
      if (appId !== undefined) last.appId ??= appId;
    } else out.push({ startMs: start, endMs: end, kind, name, ...(appId === undefined ? {} : { appId }) });
  }
  return out;
}
