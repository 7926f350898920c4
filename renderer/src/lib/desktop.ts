/** The desktop app's bridge (its preload's `window.timeaudit`), or undefined in a browser. */
import type { DesktopBridge } from '../../../app/shared/desktop-bridge.ts';

export function desktopBridge(): DesktopBridge | undefined {
  return (window as Window & { timeaudit?: DesktopBridge }).timeaudit;
}
