/**
 * Sessions: the resolved timeline (resolve.ts) cut into rows a data pipeline can use. A session is a maximal
 * run of counted time on one subject, so it ends where another subject starts or nothing counts (idle, no
 * event). The timeline is read a chunk (a local day) at a time; a session that goes on across a chunk's
 * end is one row all the same:
 *
 * ```
 * chunks:     [day 1 ...........)[day 2 ...........)
 * resolved:   [code...][gh][code.][code..][yt]  [gh]
 * sessions:   [code...][gh][code........][yt]  [gh]
 * ```
 *
 * Each session knows where it started in the unclipped timeline (`originMs`), the instant its id hangs on: an
 * export whose range cuts a session gives its part the same id as an export that holds all of it.
 */
import type { SubjectKind } from '../shared/report.ts';
import type { Interval, Segment } from './resolve.ts';

export type SessionSource = 'window' | 'browser' | 'manual';

/** App time comes from window events, domain time from browser events, manual time from the user's entries. */
export const sourceOf = (kind: SubjectKind): SessionSource =>
  kind === 'app' ? 'window' : kind === 'domain' ? 'browser' : 'manual';

export interface Session extends Segment {
  /** Where the session starts before any range cut it. */
  originMs: number;
  /** Counted time per window title (app sessions, when titles are asked for). */
  titles: Map<string, number> | null;
}

/** The window event that decided an instant, and its title (resolve.ts over the window events alone). */
export interface TitleSpan extends Interval {
  title: string;
}

/** The title that counted longest in a session (the first seen among equals); null without one. */
export function mainTitle(session: Session): string | null {
  let best: string | null = null;
  let bestMs = -1;
  for (const [title, ms] of session.titles ?? []) {
    if (ms > bestMs) [best, bestMs] = [title, ms];
  }
  return best;
}

/**
 * Joins the segments of consecutive chunks into sessions. Feed it chunk after chunk, each starting where the
 * previous one ended; it hands back the sessions that can grow no more.
 */
export class Sessionizer {
  private open: Session | null = null;
  private readonly withTitles: boolean;
  /** The origin of a session that was already going on where the first chunk starts, if any. */
  private firstOrigin: number | undefined;

  constructor(options: { titles: boolean; firstOrigin?: number | undefined }) {
    this.withTitles = options.titles;
    this.firstOrigin = options.firstOrigin;
  }

  /** `titles`: the chunk's deciding window events, by start (only when titles are asked for). */
  push(segments: Segment[], titles: TitleSpan[] = []): Session[] {
    const done: Session[] = [];
    let t = 0;
    for (const seg of segments) {
      const open = this.open;
      let session: Session;
      if (open && open.endMs === seg.startMs && open.kind === seg.kind && open.name === seg.name) {
        open.endMs = seg.endMs;
        session = open;
      } else {
        if (open) done.push(open);
        const origin = this.firstOrigin ?? seg.startMs;
        session = {
          ...seg,
          originMs: Math.min(origin, seg.startMs),
          titles: this.withTitles && seg.kind === 'app' ? new Map() : null,
        };
        this.open = session;
      }
      this.firstOrigin = undefined;
      if (session.titles) {
        // Both lists are in time order: skip the title spans that end before this segment.
        while (t < titles.length && (titles[t] as TitleSpan).endMs <= seg.startMs) t++;
        for (let i = t; i < titles.length && (titles[i] as TitleSpan).startMs < seg.endMs; i++) {
          const span = titles[i] as TitleSpan;
          const ms = Math.min(span.endMs, seg.endMs) - Math.max(span.startMs, seg.startMs);
          if (ms > 0) session.titles.set(span.title, (session.titles.get(span.title) ?? 0) + ms);
        }
      }
    }
    this.firstOrigin = undefined;
    return done;
  }

  /** The session still open at the end of the last chunk. */
  finish(): Session[] {
    const last = this.open;
    this.open = null;
    return last ? [last] : [];
  }
}
