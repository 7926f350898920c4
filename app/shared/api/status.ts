/**
 * What is being recorded right now, per source, and where the API runs (GET /v1/status). The dashboard's header
 * shows it instead of assuming that tracking runs whenever it is not paused:
 *
 *   sources: windows  tracking  (x11)            ← the desktop's active window
 *            idle     off       "no display…"    ← away time
 *            browser  seen 2 min ago             ← the extension's last post
 *   api:     port 39211 from the --port flag; settings say 47600
 *
 * The list of sources is open: a tracker of another desktop (a Wayland compositor) reports its own `via`, and a
 * later source (team sync) adds an entry of its own with a new `id`.
 */
import { ROUTES } from '../routes.ts';
import { endpoint } from './endpoint.ts';
import type { PauseStatus } from './pause.ts';

/**
 * `tracking`: records now. `off`: does not run here, `reason` says why (--no-track, no display, unsupported
 * desktop). `failing`: runs but its last attempts failed, `reason` has the error. `paused`: runs, but the
 * user's pause holds it. `seen` / `unseen`: a source that posts to the API (the browser extension), with when
 * it last did.
 */
export type SourceState = 'tracking' | 'off' | 'failing' | 'paused' | 'seen' | 'unseen';

export interface SourceStatus {
  /** `windows`, `idle`, `browser`; other sources add their own. */
  id: string;
  /** What a person calls it: "Active window", "Idle time", "Browser extension". */
  label: string;
  state: SourceState;
  /** Why it is off or failing, in a sentence; null otherwise. */
  reason: string | null;
  /** How it reads the source here, e.g. `x11`, `sway`, `power-monitor`; null when it does not run. */
  via: string | null;
  /** When the source last delivered (ISO-8601 UTC), for sources that post; null when never or not known. */
  last_seen: string | null;
}

/** Where the port in force comes from: the --port flag, $TIMEAUDIT_PORT, the settings file, or the default. */
export type PortSource = 'flag' | 'environment' | 'settings' | 'default';

export interface AppStatus {
  pause: PauseStatus;
  sources: SourceStatus[];
  api: {
    /** The port the API answers on now. */
    port: number;
    port_source: PortSource;
    /** The port saved in the settings: used at the next start unless a flag or $TIMEAUDIT_PORT says otherwise. */
    saved_port: number;
  };
}

export const statusApi = {
  status: endpoint<AppStatus>()({ ...ROUTES.status }),
};
