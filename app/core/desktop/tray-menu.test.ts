import { describe, expect, it } from 'vitest';
import type { GoalProgress } from '../../shared/planning.ts';
import { goalLine, trayIcon, trayMenu, trayTooltip, type TrayInput } from './tray-menu.ts';

const NOW = Date.parse('2026-06-10T12:15:00Z'); // 14:15 in Berlin (CEST)
const base: TrayInput = {
  state: 'tracking',
  pause: { paused: false },
  todayMs: (3 * 60 + 12) * 60_000,
  productiveShare: 0.58,
  goals: [],
  launchAtLogin: true,
  nowMs: NOW,
  tz: 'Europe/Berlin',
};

const labels = (input: TrayInput) => trayMenu(input).map((i) => (i.type === 'separator' ? '---' : i.label));
const ids = (input: TrayInput) => trayMenu(input).flatMap((i) => (i.id ? [i.id] : []));

describe('trayMenu', () => {
  it('while tracking', () => {
    expect(labels(base)).toEqual([
      'Today 3h 12m · 58% productive',
      '---',
      'Open dashboard',
      '---',
      'Pause for 15 minutes',
      'Pause for 1 hour',
      'Pause until tomorrow',
      '---',
      'Launch at login',
      'Connect browser extension…',
      '---',
      'Quit Time Audit',
    ]);
    const menu = trayMenu(base);
    expect(menu[0]).toEqual({ label: 'Today 3h 12m · 58% productive', enabled: false });
    expect(menu.find((i) => i.id === 'launch-at-login')).toEqual({
      id: 'launch-at-login',
      type: 'checkbox',
      label: 'Launch at login',
      checked: true,
    });
    expect(menu.find((i) => i.id === 'pause-15')?.enabled).toBe(true);
    expect(ids(base)).not.toContain('resume');
  });

  it('with nothing tracked yet, or no categorized time', () => {
    expect(labels({ ...base, todayMs: null })[0]).toBe('Today: nothing tracked yet');
    expect(labels({ ...base, todayMs: 0 })[0]).toBe('Today: nothing tracked yet');
    expect(labels({ ...base, productiveShare: null })[0]).toBe('Today 3h 12m');
  });

  it('paused for 15 minutes', () => {
    const input: TrayInput = {
      ...base,
      state: 'paused',
      pause: { paused: true, untilMs: NOW + 15 * 60_000 },
      launchAtLogin: false,
    };
    expect(labels(input)).toEqual([
      'Today 3h 12m · 58% productive',
      'Paused until 14:30',
      '---',
      'Open dashboard',
      '---',
      'Resume',
      '---',
      'Launch at login',
      'Connect browser extension…',
      '---',
      'Quit Time Audit',
    ]);
    expect(trayMenu(input)[1]?.enabled).toBe(false);
    expect(trayMenu(input).find((i) => i.id === 'launch-at-login')?.checked).toBe(false);
    expect(trayTooltip(input)).toBe('Time Audit — paused until 14:30\nToday 3h 12m · 58% productive');
  });

  it('paused until tomorrow, and until a later day', () => {
    const midnight = Date.parse('2026-06-10T22:00:00Z');
    expect(labels({ ...base, state: 'paused', pause: { paused: true, untilMs: midnight } })[1]).toBe(
      'Paused until tomorrow',
    );
    const later = Date.parse('2026-06-11T07:00:00Z'); // Thursday 09:00 CEST
    expect(labels({ ...base, state: 'paused', pause: { paused: true, untilMs: later } })[1]).toBe(
      'Paused until Thu 09:00',
    );
  });

  it('uses the zone and a 24-hour clock', () => {
    const input: TrayInput = {
      ...base,
      state: 'paused',
      pause: { paused: true, untilMs: Date.parse('2026-06-10T20:05:00Z') },
      tz: 'America/New_York',
    };
    expect(labels(input)[1]).toBe('Paused until 16:05');
  });

  it('paused indefinitely', () => {
    const input: TrayInput = { ...base, state: 'paused', pause: { paused: true, untilMs: null } };
    expect(labels(input).slice(0, 2)).toEqual(['Today 3h 12m · 58% productive', 'Paused']);
    expect(ids(input)).toEqual(['open-dashboard', 'resume', 'launch-at-login', 'connect-browser', 'quit']);
    expect(trayTooltip(input)).toBe('Time Audit — paused\nToday 3h 12m · 58% productive');
  });

  it('in error', () => {
    const input: TrayInput = {
      ...base,
      state: 'error',
      errorMessage: 'The database is locked',
      todayMs: null,
    };
    const menu = trayMenu(input);
    expect(menu[1]).toEqual({ label: 'The database is locked', enabled: false });
    expect(menu.filter((i) => i.id?.startsWith('pause')).map((i) => i.enabled)).toEqual([
      false,
      false,
      false,
    ]);
    expect(trayTooltip(input)).toBe('Time Audit — error: The database is locked\nToday: nothing tracked yet');
    expect(trayMenu({ ...input, errorMessage: undefined })[1]?.label).toBe('Tracking stopped by an error');
  });

  it('every command appears once at most, and items are fresh objects', () => {
    const menu = trayMenu(base);
    const cmds = ids(base);
    expect(new Set(cmds).size).toBe(cmds.length);
    menu[0]!.label = 'changed';
    expect(trayMenu(base)[0]?.label).toBe('Today 3h 12m · 58% productive');
  });
});

const progress = (over: Partial<GoalProgress>): GoalProgress => ({
  id: 1,
  category: 'Social',
  productivity: 'unproductive',
  direction: 'at_most',
  period: 'day',
  target_ms: 60 * 60_000,
  period_start: '2026-06-09T22:00:00.000Z',
  period_end: '2026-06-10T22:00:00.000Z',
  done_ms: 42 * 60_000,
  state: 'under',
  ...over,
});

describe('goals in the tray menu', () => {
  it('reads one line per goal, marked when over or met', () => {
    expect(goalLine(progress({}))).toBe('Social ≤ 1h/day: 42m');
    expect(goalLine(progress({ done_ms: 72 * 60_000, state: 'over' }))).toBe(
      'Social ≤ 1h/day: 1h 12m ⚠ over',
    );
    expect(
      goalLine(
        progress({
          category: 'Reading',
          direction: 'at_least',
          period: 'week',
          target_ms: 90 * 60_000,
          done_ms: 95 * 60_000,
          state: 'met',
        }),
      ),
    ).toBe('Reading ≥ 1h 30m/week: 1h 35m ✓');
    expect(goalLine(progress({ direction: 'at_least', done_ms: 0, state: 'short' }))).toBe(
      'Social ≥ 1h/day: 0m',
    );
  });

  it("lists the goals under today's total, disabled, before the pause line", () => {
    const goals = [progress({}), progress({ id: 2, category: 'Dev', direction: 'at_least', state: 'short' })];
    const input: TrayInput = {
      ...base,
      goals,
      state: 'paused',
      pause: { paused: true, untilMs: NOW + 15 * 60_000 },
    };
    expect(labels(input).slice(0, 5)).toEqual([
      'Today 3h 12m · 58% productive',
      'Social ≤ 1h/day: 42m',
      'Dev ≥ 1h/day: 42m',
      'Paused until 14:30',
      '---',
    ]);
    expect(trayMenu(input).slice(1, 3)).toEqual([
      { label: 'Social ≤ 1h/day: 42m', enabled: false },
      { label: 'Dev ≥ 1h/day: 42m', enabled: false },
    ]);
    expect(ids(input)).toEqual(ids({ ...input, goals: [] }));
  });
});

describe('trayIcon and trayTooltip', () => {
  it('names the icon file per state', () => {
    expect(trayIcon('tracking')).toBe('tray-tracking');
    expect(trayIcon('paused')).toBe('tray-paused');
    expect(trayIcon('error')).toBe('tray-error');
  });

  it('says tracking', () => {
    expect(trayTooltip(base)).toBe('Time Audit — tracking\nToday 3h 12m · 58% productive');
  });
});
