/**
 * Where the dashboard window reopens. The saved geometry is reused only while it is still reachable on the
 * displays connected now; otherwise (a monitor unplugged, a resolution changed) the window is centred on
 * the primary display.
 *
 * ```
 * work area:  [.............................]
 * saved:                             [..title..|......]   ≥ 100×100 px inside, title bar reachable → kept
 * saved:                                        [..title..]  off the edge → centred on the primary
 * ```
 */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 };
export const MIN_WINDOW_SIZE = { width: 900, height: 600 };

/** At least this much of the window must lie on one display, in each direction. */
const MIN_VISIBLE_PX = 100;
/** The strip at the top of the window by which it is dragged. */
const TITLE_BAR_PX = 32;

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function isValidBounds(b: Bounds): boolean {
  return [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width > 0 && b.height > 0;
}

/** Enough of the window is on `area`, and a piece of its title bar wide enough to grab is inside it. */
function isVisibleOn(bounds: Bounds, area: Bounds): boolean {
  const body = overlap(bounds, area);
  if (body.width < MIN_VISIBLE_PX || body.height < MIN_VISIBLE_PX) return false;
  const titleBar = overlap({ x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_PX }, area);
  return titleBar.width >= MIN_VISIBLE_PX && titleBar.height >= TITLE_BAR_PX;
}

function centred(area: Bounds): Bounds {
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, area.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * The saved state if it is still visible enough on one of the current displays' work areas (≥ 100×100 px of
 * overlap and the title bar reachable), its size clamped to that display; else centred on the primary
 * display (the first work area) at the default size, clamped to it. `maximized` is always kept.
 */
export function restoreWindowState(saved: WindowState | null | undefined, workAreas: Bounds[]): WindowState {
  const areas = workAreas.filter(isValidBounds);
  const primary = areas[0];
  const maximized = saved?.maximized ?? false;
  if (!primary) {
    // No display reported (should not happen): the default size at the origin, for the OS to place.
    return { bounds: { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE }, maximized };
  }
  if (saved && isValidBounds(saved.bounds)) {
    const area = areas.find((a) => isVisibleOn(saved.bounds, a));
    if (area) return { bounds: clampTo(saved.bounds, area), maximized };
  }
  return { bounds: centred(primary), maximized };
}

/** A window larger than its display is shrunk to it and moved inside; never below the minimum size unless
 * the display itself is smaller. */
function clampTo(bounds: Bounds, area: Bounds): Bounds {
  const width = Math.min(Math.max(bounds.width, Math.min(MIN_WINDOW_SIZE.width, area.width)), area.width);
  const height = Math.min(
    Math.max(bounds.height, Math.min(MIN_WINDOW_SIZE.height, area.height)),
    area.height,
  );
  if (width === bounds.width && height === bounds.height) return { ...bounds };
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
