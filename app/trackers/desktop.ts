/**
 * Which desktop this is and how its windows and idle time are read, from the session's environment:
 *
 *   SWAYSOCK                      → sway IPC (every window, Wayland and XWayland) + Wayland idle notifications
 *   HYPRLAND_INSTANCE_SIGNATURE   → Hyprland sockets + Wayland idle notifications
 *   WAYLAND_DISPLAY and DISPLAY   → X11 through XWayland: only X11 apps are seen (GNOME, KDE Plasma, others)
 *   WAYLAND_DISPLAY alone         → no window tracking
 *   DISPLAY                       → X11
 *
 * Under sway DISPLAY is usually set too (XWayland), but XWayland only sees X11 windows: the native source wins.
 * On any Wayland session idle comes from the compositor (XWayland's idle counter misses input to Wayland apps).
 */

/** get-windows reads macOS and Windows windows. */
export type WindowBackend = 'sway' | 'hyprland' | 'x11' | 'get-windows';
export type IdleBackend = 'wayland' | 'x11';

export interface DesktopChoice {
  windows: WindowBackend | null;
  idle: IdleBackend | null;
  /** One line for the log and the status: the desktop and what is recorded there. */
  summary: string;
}

const UNNAMED = 'this desktop';
const STILL_WORKS = '(the API and the browser extension still work)';

/** The Linux desktop's name as the session gives it ("GNOME", "KDE", "sway"), for messages. */
function desktopName(env: NodeJS.ProcessEnv): string {
  const names = (env.XDG_CURRENT_DESKTOP ?? '').split(':').filter(Boolean);
  if (names.some((n) => /^gnome$/i.test(n) || /ubuntu/i.test(n))) return 'GNOME';
  if (names.some((n) => /^kde$/i.test(n))) return 'KDE Plasma';
  return names[0] ?? UNNAMED;
}

function whyNoWaylandWindows(name: string): string {
  if (name === 'GNOME')
    return 'GNOME offers no way to read the focused Wayland window without a Shell extension, which Time Audit does not ship';
  if (name === 'KDE Plasma') return 'KWin scripting (over D-Bus) is not supported yet';
  return `${name} has no window interface Time Audit supports (sway IPC, Hyprland)`;
}

/**
 * Why windows are not tracked, for the status line: the summary's part before its colon ("no display (DISPLAY is
 * not set)", "Wayland without XWayland DISPLAY").
 */
export function offReason(choice: DesktopChoice): string {
  return choice.summary.split(':')[0] ?? choice.summary;
}

export function chooseLinuxDesktop(env: NodeJS.ProcessEnv = process.env): DesktopChoice {
  const wayland = Boolean(env.WAYLAND_DISPLAY);
  const waylandIdle: IdleBackend | null = wayland ? 'wayland' : env.DISPLAY ? 'x11' : null;
  if (env.SWAYSOCK)
    return {
      windows: 'sway',
      idle: waylandIdle,
      summary: 'sway: every window (Wayland app_id, XWayland WM_CLASS) and its title through the sway IPC',
    };
  if (env.HYPRLAND_INSTANCE_SIGNATURE)
    return {
      windows: 'hyprland',
      idle: waylandIdle,
      summary: 'Hyprland: every window (class) and its title through the Hyprland sockets',
    };
  if (wayland) {
    const name = desktopName(env);
    const why = whyNoWaylandWindows(name);
    if (env.DISPLAY)
      return {
        windows: 'x11',
        idle: 'wayland',
        summary: `${name} on Wayland: only X11 apps (through XWayland) are recorded; ${why}`,
      };
    // Unnamed, the desktop goes unsaid: the status line reads "Wayland without XWayland DISPLAY".
    const where = name === UNNAMED ? 'Wayland' : `${name} on Wayland`;
    return {
      windows: null,
      idle: null,
      summary: `${where} without XWayland DISPLAY: window tracking is off; ${why} ${STILL_WORKS}`,
    };
  }
  if (env.DISPLAY)
    return { windows: 'x11', idle: 'x11', summary: 'X11: every window (WM_CLASS) and its title' };
  return {
    windows: null,
    idle: null,
    summary: `no display (DISPLAY is not set): window tracking is off ${STILL_WORKS}`,
  };
}
