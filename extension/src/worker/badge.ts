/**
 * What the toolbar badge says: today's time on the current domain, coloured by the productivity of its
 * category; or a mark that tracking is paused, or that the app cannot be reached.
 */
import { formatDuration } from '../../../app/shared/format.ts';
import type { ProductivityOrNone } from '../../../app/shared/report.ts';
import type { LinkState } from '../protocol.ts';

export interface Badge {
  text: string;
  /** #rrggbb */
  color: string;
  title: string;
}

export const BADGE_COLORS: Record<ProductivityOrNone | 'paused' | 'disconnected', string> = {
  productive: '#1f9d55',
  neutral: '#3b6fc4',
  unproductive: '#d9432b',
  uncategorized: '#6b7480',
  paused: '#6b7480',
  disconnected: '#e09b12',
};

/** At most four characters: "<1m", "42m", "3h" (whole hours, rounded down). */
export function badgeDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h`;
}

export interface BadgeInput {
  link: LinkState;
  paused: boolean;
  /** The focused tab's domain; null on pages that are not tracked. */
  domain: string | null;
  todayMs: number;
  productivity: ProductivityOrNone;
  category: string | null;
  /** Sessions waiting to be sent. */
  waiting: number;
}

const DISCONNECTED: Record<Exclude<LinkState, 'connected'>, string> = {
  unpaired: 'not connected to the app yet — open this menu to pair',
  offline: 'the app is not running',
  unauthorized: 'the app refused the token — pair again',
  error: 'the app refused the last request',
};

export function badgeFor(input: BadgeInput): Badge {
  const waiting = input.waiting > 0 ? ` · ${input.waiting} waiting` : '';
  if (input.paused) return { text: 'II', color: BADGE_COLORS.paused, title: `Time Audit — paused${waiting}` };
  if (input.link !== 'connected') {
    return {
      text: '!',
      color: BADGE_COLORS.disconnected,
      title: `Time Audit — ${DISCONNECTED[input.link]}${waiting}`,
    };
  }
  if (input.domain === null) return { text: '', color: BADGE_COLORS.uncategorized, title: 'Time Audit' };
  const category = input.category ?? 'no category';
  return {
    text: badgeDuration(input.todayMs),
    color: BADGE_COLORS[input.productivity],
    title: `Time Audit — ${input.domain}: ${formatDuration(input.todayMs)} today (${category})`,
  };
}

/** #rrggbb → [r, g, b, 255], the form chrome.action.getBadgeBackgroundColor answers. */
export function rgba(hex: string): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
