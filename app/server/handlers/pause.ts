import type { HandlersOf, PauseBody, pauseApi, PauseStatus } from '../../shared/api/index.ts';
import { startOfNextDay, type PauseState } from '../../core/pause.ts';
import type { PauseController } from '../pause-controller.ts';
import type { HandlerDeps } from './deps.ts';

export function toPauseStatus(state: PauseState): PauseStatus {
  return state.paused
    ? { paused: true, until: state.untilMs === null ? null : new Date(state.untilMs).toISOString() }
    : { paused: false, until: null };
}

function applyPause(pause: PauseController, body: PauseBody, nowMs: number, tz: string): PauseState {
  if ('minutes' in body) return pause.pauseFor(body.minutes * 60_000);
  return pause.pauseUntil(body.until === 'tomorrow' ? startOfNextDay(nowMs, tz) : null);
}

export function pauseHandlers({ pause, now, tz }: HandlerDeps): HandlersOf<typeof pauseApi> {
  return {
    getPause: () => toPauseStatus(pause.state()),
    setPause: ({ body }) => toPauseStatus(applyPause(pause, body, now(), tz)),
    resume: () => toPauseStatus(pause.resume()),
  };
}
