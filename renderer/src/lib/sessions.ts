/**
 * A day's timeline as sessions: consecutive segments of one subject joined into one, so that a long stretch
 * on github.com cut at slot boundaries reads as one block.
 *
 *   segments:  [github][github][code][github]
 *   sessions:  [github........][code][github]
 */
import type { ProductivityOrNone, SubjectKind, Timeline } from '../../../app/shared/report.ts';
import { formatClock } from './clock.ts';

export interface Session {
  startMs: number;
  endMs: number;
  kind: SubjectKind;
  name: string;
  category: string | null;
  productivity: ProductivityOrNone;
}

/** Gaps up to this long between two segments of one subject are joined over. */
const JOIN_GAP_MS = 1000;

export function sessionsOf(timeline: Timeline): Session[] {
  const sessions: Session[] = [];
  for (const seg of timeline.segments) {
    const startMs = Date.parse(seg.start);
    const endMs = Date.parse(seg.end);
    const last = sessions.at(-1);
    if (last && last.kind === seg.kind && last.name === seg.name && startMs - last.endMs <= JOIN_GAP_MS) {
      last.endMs = endMs;
      continue;
    }
    sessions.push({
      startMs,
      endMs,
      kind: seg.kind,
      name: seg.name,
      category: seg.category,
      productivity: seg.productivity,
    });
  }
  return sessions;
}

/** "09:12–09:40 github.com · Development", and "… · logged by hand" for a manual entry. */
export function describeSession(s: Session): string {
  const logged = s.kind === 'manual' ? ' · logged by hand' : '';
  return `${formatClock(s.startMs)}–${formatClock(s.endMs)} ${s.name} · ${s.category ?? 'No category'}${logged}`;
}
