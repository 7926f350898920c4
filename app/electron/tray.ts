/**
 * The tray (menu bar on macOS): an icon per state, a tooltip, and the menu trayMenu() describes. The menu is
 * rebuilt on every change of pause or error state and once a minute for today's total and the goals.
 */
import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { createLogger } from '../core/logger.ts';
import type { PauseState } from '../core/pause.ts';
import type { GoalProgress } from '../shared/planning.ts';
import {
  trayIcon,
  trayMenu,
  trayTooltip,
  type MenuItemSpec,
  type TrayCommand,
  type TrayInput,
} from '../core/desktop/tray-menu.ts';

const log = createLogger('tray');

export interface TrayModel {
  pause: PauseState;
  todayMs: number | null;
  productiveShare: number | null;
  goals: readonly GoalProgress[];
  launchAtLogin: boolean;
  errorMessage: string | null;
  /** Team sync's last run or error; null while sync is off. */
  syncLine?: string | null;
}

export interface AppTrayOptions {
  /** The folder of the tray icons (resources/tray). */
  iconsDir: string;
  model: () => TrayModel;
  run: (command: TrayCommand) => void;
  tz: string;
}

/** The icon file per platform: a template image on macOS (tinted by the system), .ico on Windows, PNG on Linux. */
export function trayIconFile(iconsDir: string, stem: string, platform = process.platform): string {
  if (platform === 'darwin') return path.join(iconsDir, `${stem}Template.png`);
  if (platform === 'win32') return path.join(iconsDir, `${stem}.ico`);
  return path.join(iconsDir, `${stem}.png`);
}

export class AppTray {
  private readonly tray: Tray;
  private readonly options: AppTrayOptions;
  private readonly timer: NodeJS.Timeout;
  private shown: TrayInput['state'] | null = null;

  constructor(options: AppTrayOptions) {
    this.options = options;
    this.tray = new Tray(this.icon(this.input()));
    this.refresh();
    this.timer = setInterval(() => this.refresh(), 60_000);
  }

  refresh(): void {
    const input = this.input();
    // The tray's state in the log too: what it shows when nobody looks at it (and what the e2e test reads).
    if (input.state !== this.shown)
      log.info(`tray: ${input.state}${input.state === 'error' ? ` (${input.errorMessage})` : ''}`);
    this.shown = input.state;
    this.tray.setImage(this.icon(input));
    this.tray.setToolTip(trayTooltip(input));
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenu(input).map((item) => this.toElectron(item))));
  }

  destroy(): void {
    clearInterval(this.timer);
    this.tray.destroy();
  }

  private input(): TrayInput {
    const m = this.options.model();
    const state = m.errorMessage !== null ? 'error' : m.pause.paused ? 'paused' : 'tracking';
    return {
      state,
      pause: m.pause,
      todayMs: m.todayMs,
      productiveShare: m.productiveShare,
      goals: m.goals,
      launchAtLogin: m.launchAtLogin,
      ...(m.errorMessage !== null ? { errorMessage: m.errorMessage } : {}),
      ...(m.syncLine ? { syncLine: m.syncLine } : {}),
      nowMs: Date.now(),
      tz: this.options.tz,
    };
  }

  private icon(input: TrayInput): Electron.NativeImage {
    const image = nativeImage.createFromPath(trayIconFile(this.options.iconsDir, trayIcon(input.state)));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    return image;
  }

  private toElectron(item: MenuItemSpec): MenuItemConstructorOptions {
    const { id } = item;
    return {
      type: item.type ?? 'normal',
      ...(item.label !== undefined ? { label: item.label } : {}),
      ...(item.enabled !== undefined ? { enabled: item.enabled } : {}),
      ...(item.checked !== undefined ? { checked: item.checked } : {}),
      ...(id !== undefined ? { id, click: () => this.options.run(id) } : {}),
    };
  }
}
