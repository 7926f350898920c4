/**
 * The tray's menu, icon and tooltip as plain data, so app/electron only turns them into Electron objects
 * and every state is unit-tested here.
 *
 * ```
 * Today 3h 12m · 58% productive      (disabled)
 * Social ≤ 1h/day: 42m               (disabled; one per goal: "⚠ over" when crossed, "✓" when met)
 * Paused until 14:30                 (disabled; only while paused, or the error while in error)
 * ─────────
 * Open dashboard
 * ─────────
 * Pause for 15 minutes / Pause for 1 hour / Pause until tomorrow   (while tracking)
 * Resume                                                            (while paused)
 * ─────────
 * ☑ Launch at login
 * Connect browser extension…
 * ─────────
 * Quit Time Audit
 * ```
 */
import { formatDuration } from '../../shared/format.ts';
import type { GoalProgress } from '../../shared/planning.ts';
import { startOfNextDay, type PauseState } from '../pause.ts';

export type TrayState = 'tracking' | 'paused' | 'error';

export interface TrayInput {
  state: TrayState;
  pause: PauseState;
  /** Time tracked today; null while not known yet. */
  todayMs: number | null;
  /** Productive share of today, 0–1; null when nothing is categorized. */
  productiveShare: number | null;
  /** The goals and their progress in the current day or week, in the order to show them. */
  goals: readonly GoalProgress[];
  launchAtLogin: boolean;
  errorMessage?: string;
  /** Team sync's last run or error (sync-line.ts); absent while sync is off. */
  syncLine?: string;
  nowMs: number;
  tz: string;
}

export type TrayCommand =
  | 'open-dashboard'
  | 'pause-15'
  | 'pause-60'
  | 'pause-tomorrow'
  | 'resume'
  | 'launch-at-login'
  | 'connect-browser'
  | 'quit';

export interface MenuItemSpec {
  id?: TrayCommand;
  type?: 'normal' | 'separator' | 'checkbox';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

function summaryLine(input: TrayInput): string {
  if (input.todayMs === null || input.todayMs <= 0) return 'Today: nothing tracked yet';
  const total = `Today ${formatDuration(input.todayMs)}`;
  if (input.productiveShare === null) return total;
  return `${total} · ${Math.round(input.productiveShare * 100)}% productive`;
}

/** "Social ≤ 1h/day: 42m", "Reading ≥ 30m/week: 45m ✓", "Social ≤ 1h/day: 1h 12m ⚠ over". */
export function goalLine(goal: GoalProgress): string {
  const sign = goal.direction === 'at_most' ? '≤' : '≥';
  const line = `${goal.category} ${sign} ${formatDuration(goal.target_ms)}/${goal.period}: ${formatDuration(goal.done_ms)}`;
  if (goal.state === 'over') return `${line} ⚠ over`;
  if (goal.state === 'met') return `${line} ✓`;
  return line;
}

/** "14:30" in the zone; with the date's weekday when the pause ends on another local day ("Wed 09:00"). */
function formatUntil(untilMs: number, nowMs: number, tz: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(untilMs);
  if (untilMs < startOfNextDay(nowMs, tz)) return time;
  if (untilMs === startOfNextDay(nowMs, tz)) return 'tomorrow';
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short' }).format(untilMs);
  return `${day} ${time}`;
}

/** What the pause line says: "Paused until 14:30", "Paused until tomorrow", "Paused". */
export function pauseLabel(pause: PauseState, nowMs: number, tz: string): string | null {
  if (!pause.paused) return null;
  if (pause.untilMs === null) return 'Paused';
  return `Paused until ${formatUntil(pause.untilMs, nowMs, tz)}`;
}

function statusLine(input: TrayInput): string | null {
  if (input.state === 'error') return input.errorMessage ?? 'Tracking stopped by an error';
  return pauseLabel(input.pause, input.nowMs, input.tz) ?? (input.state === 'paused' ? 'Paused' : null);
}

function isPaused(input: TrayInput): boolean {
  return input.pause.paused || input.state === 'paused';
}

export function trayMenu(input: TrayInput): MenuItemSpec[] {
  const items: MenuItemSpec[] = [{ label: summaryLine(input), enabled: false }];
  for (const goal of input.goals) items.push({ label: goalLine(goal), enabled: false });
  if (input.syncLine) items.push({ label: input.syncLine, enabled: false });
  const status = statusLine(input);
  if (status !== null) items.push({ label: status, enabled: false });
  items.push(SEPARATOR, { id: 'open-dashboard', label: 'Open dashboard' }, SEPARATOR);
  if (isPaused(input)) {
    items.push({ id: 'resume', label: 'Resume' });
  } else {
    // In error there is nothing to pause, but the items stay where the hand expects them.
    const enabled = input.state !== 'error';
    items.push(
      { id: 'pause-15', label: 'Pause for 15 minutes', enabled },
      { id: 'pause-60', label: 'Pause for 1 hour', enabled },
      { id: 'pause-tomorrow', label: 'Pause until tomorrow', enabled },
    );
  }
  items.push(
    SEPARATOR,
    { id: 'launch-at-login', type: 'checkbox', label: 'Launch at login', checked: input.launchAtLogin },
    { id: 'connect-browser', label: 'Connect browser extension…' },
    SEPARATOR,
    { id: 'quit', label: 'Quit Time Audit' },
  );
  return items.map((item) => ({ ...item }));
}

export function trayIcon(state: TrayState): 'tray-tracking' | 'tray-paused' | 'tray-error' {
  return state === 'error' ? 'tray-error' : state === 'paused' ? 'tray-paused' : 'tray-tracking';
}

/** One or two lines: "Time Audit — tracking" then today's summary. */
export function trayTooltip(input: TrayInput): string {
  let status: string;
  if (input.state === 'error') status = `error: ${input.errorMessage ?? 'tracking stopped'}`;
  else if (isPaused(input)) {
    status = (pauseLabel(input.pause, input.nowMs, input.tz) ?? 'Paused').toLowerCase();
  } else status = 'tracking';
  return `Time Audit — ${status}\n${summaryLine(input)}`;
}
