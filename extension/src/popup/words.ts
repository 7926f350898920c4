/** How the popup words a time of day and a number of sessions, the same on every card. */

import { formatClock } from '../../../app/shared/local-format.ts';

/** "14:05" (or "2:05 PM", as the browser's locale has it), written as the dashboard writes it. */
export const timeOfDay = (ms: number): string => formatClock(ms);

/** "1 session", "12 sessions". */
export const sessions = (n: number): string => `${n} ${n === 1 ? 'session' : 'sessions'}`;
