/** How the popup words a time of day and a number of sessions, the same on every card. */

/** "14:05" (or "2:05 PM", as the browser's locale has it). */
export const timeOfDay = (ms: number): string =>
  new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** "1 session", "12 sessions". */
export const sessions = (n: number): string => `${n} ${n === 1 ? 'session' : 'sessions'}`;
