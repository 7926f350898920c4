/**
 * What Chrome says is in front of the user, as the tracker's `FocusedTab`.
 *
 * Focus events are not to be trusted alone (found with Chromium 156 under Playwright, see README.md):
 * - headless Chromium never sends windows.onFocusChanged for tab or window switches, every window says it is
 *   `focused`, and opening a window sends its id and then, at once, WINDOW_ID_NONE although it has the focus;
 * - on X11 (Xvfb + a window manager) the same NONE follows a new window, and giving the focus to another app
 *   sends no event at all; only `windows.getLastFocused().focused` turns false.
 * So a NONE is believed only when no window says it is focused, tabs.onActivated carries tab switches, and
 * the minute alarm compares the state with what these queries answer (`sync`).
 */
import { domainOf } from './domain.ts';
import type { FocusedTab, IdleState } from './session.ts';
import { IDLE_SECONDS, MIN_IDLE_SECONDS } from '../config.ts';

export function focusedTab(tab: chrome.tabs.Tab): FocusedTab | null {
  if (tab.id === undefined || tab.id === chrome.tabs.TAB_ID_NONE) return null;
  return {
    tabId: tab.id,
    windowId: tab.windowId,
    domain: domainOf(tab.url, tab.incognito),
    audible: tab.audible === true,
  };
}

export async function tabById(tabId: number): Promise<FocusedTab | null> {
  try {
    return focusedTab(await chrome.tabs.get(tabId));
  } catch {
    return null; // closed in the meantime
  }
}

/** The active tab of a window, or of the last focused one. */
export async function activeTab(windowId?: number): Promise<FocusedTab | null> {
  const query: chrome.tabs.QueryInfo =
    windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId };
  const [tab] = await chrome.tabs.query(query);
  return tab ? focusedTab(tab) : null;
}

/** Whether a browser window has the focus (false: another app, or every window minimised or closed). */
export async function browserFocused(): Promise<boolean> {
  try {
    return (await chrome.windows.getLastFocused()).focused;
  } catch {
    return false; // no window at all
  }
}

/**
 * The away threshold in use. Kept in the pairing (chrome.storage); this copy is set again from it each time
 * the worker starts, and when the extension pairs.
 */
let idleSeconds = IDLE_SECONDS;

export function useIdleThreshold(seconds: number | undefined): void {
  idleSeconds = Math.max(MIN_IDLE_SECONDS, Math.round(seconds ?? IDLE_SECONDS));
  chrome.idle.setDetectionInterval(idleSeconds);
}

export const idleThresholdMs = (): number => idleSeconds * 1000;

export async function idleState(): Promise<IdleState> {
  return chrome.idle.queryState(idleSeconds);
}
