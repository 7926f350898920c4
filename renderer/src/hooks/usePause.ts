/**
 * Whether tracking is paused, shared with the tray and the extension through the API: read on load, again
 * every half minute while the page is visible, at once when the desktop app says it changed (its tray), and
 * when a timed pause runs out.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PauseBody, PauseStatus } from '../../../app/shared/api/index.ts';
import { api, describeError } from '../lib/api.ts';
import { desktopBridge } from '../lib/desktop.ts';

const POLL_MS = 30_000;

export interface PauseControls {
  /** null until the first answer (or while the app is unreachable). */
  status: PauseStatus | null;
  busy: boolean;
  pause(body: PauseBody): Promise<void>;
  resume(): Promise<void>;
}

export function usePause(onError: (text: string) => void): PauseControls {
  const [status, setStatus] = useState<PauseStatus | null>(null);
  const [busy, setBusy] = useState(false);

  // A timed pause ends by itself: ask again just after it does rather than up to half a minute later.
  const until = status?.until ?? null;
  useEffect(() => {
    let live = true;
    const refresh = () => {
      api.getPause({}).then(
        (answer) => live && setStatus(answer),
        () => live && setStatus(null), // the page's own banner says when the app is unreachable
      );
    };
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    const ends =
      until === null ? undefined : setTimeout(refresh, Math.max(0, Date.parse(until) - Date.now()) + 500);
    const unsubscribe = desktopBridge()?.onPauseChanged(refresh);
    return () => {
      live = false;
      clearInterval(timer);
      clearTimeout(ends);
      unsubscribe?.();
    };
  }, [until]);

  const change = useCallback(
    async (call: () => Promise<PauseStatus>, what: string) => {
      setBusy(true);
      try {
        setStatus(await call());
      } catch (error) {
        onError(`Could not ${what}: ${describeError(error)}`);
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );

  return {
    status,
    busy,
    pause: (body) => change(() => api.setPause({ body }), 'pause tracking'),
    resume: () => change(() => api.resume({ body: {} }), 'resume tracking'),
  };
}
