/**
 * The header's words for what the app records now, from GET /v1/status: the active window decides the headline
 * (it is what the app tracks by itself); every source gets a line of its own in the details.
 *
 *   windows tracking                 → ● Tracking
 *   windows off "started with --no-track" → ● Not tracking: started with --no-track
 *   the app does not answer          → ● API unreachable
 */
import type { AppStatus, PortSource, SourceStatus } from '../../../app/shared/api/index.ts';

export type Tone = 'on' | 'off' | 'failing' | 'paused' | 'down' | 'unknown';

export interface Headline {
  tone: Tone;
  text: string;
}

export function headline(status: AppStatus | null, unreachable: boolean): Headline {
  if (unreachable) return { tone: 'down', text: 'API unreachable' };
  if (status === null) return { tone: 'unknown', text: 'Checking…' };
  if (status.pause.paused) return { tone: 'paused', text: 'Paused' };
  const windows = status.sources.find((s) => s.id === 'windows');
  if (!windows) return { tone: 'unknown', text: 'No window tracker' };
  if (windows.state === 'tracking') return { tone: 'on', text: 'Tracking' };
  if (windows.state === 'failing') return { tone: 'failing', text: 'Tracking failing' };
  return { tone: 'off', text: `Not tracking: ${windows.reason ?? 'off'}` };
}

/** "3 min ago", "just now", "2 h ago", "on 5 Dec": how long since a source last posted. */
export function ago(isoInstant: string, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - Date.parse(isoInstant)) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return `on ${new Date(isoInstant).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
}

/** One source's line: "Tracking (x11)", "Off: no display (DISPLAY is not set)", "Last seen 3 min ago". */
export function describeSource(source: SourceStatus, nowMs: number): string {
  const via = source.via ? ` (${source.via})` : '';
  switch (source.state) {
    case 'tracking':
      return `Tracking${via}`;
    case 'paused':
      return `Paused${via}`;
    case 'failing':
      return `Failing: ${source.reason ?? 'unknown error'}`;
    case 'off':
      return `Off: ${source.reason ?? 'not running'}`;
    case 'seen':
      return source.last_seen ? `Last seen ${ago(source.last_seen, nowMs)}` : 'Seen';
    case 'unseen':
      return 'Not seen since Time Audit started';
  }
}

const PORT_SOURCES: Record<PortSource, string> = {
  flag: 'the --port flag',
  environment: '$TIMEAUDIT_PORT',
  settings: 'the settings',
  default: 'the default',
};

/** "Port 39211, from the --port flag". */
export function describePort(api: AppStatus['api']): string {
  return `Port ${api.port}, from ${PORT_SOURCES[api.port_source]}`;
}
