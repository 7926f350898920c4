/** Pausing tracking: one pause shared by the tray, the dashboard, the extension and the daemon. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { emptyBody, endpoint } from './endpoint.ts';

/** Whether tracking is paused, shared by the tray, the daemon and the extension. */
export interface PauseStatus {
  paused: boolean;
  /** When tracking resumes by itself (ISO-8601 UTC); null while not paused or paused until resumed. */
  until: string | null;
}

/** Pause for a number of minutes, or until the start of tomorrow in the app's zone, or (null) until resumed. */
export type PauseBody = { minutes: number } | { until: 'tomorrow' | null };

export const pauseBody: z.ZodType<PauseBody> = z
  .object({
    minutes: z.number().int().min(1).max(1440).optional(),
    until: z.literal('tomorrow').nullable().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.minutes === undefined) === (b.until === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of minutes or until' });
    }
  })
  .transform((b): PauseBody =>
    b.minutes !== undefined ? { minutes: b.minutes } : { until: b.until ?? null },
  );

export const pauseApi = {
  getPause: endpoint<PauseStatus>()({ ...ROUTES.getPause }),
  setPause: endpoint<PauseStatus>()({ ...ROUTES.setPause, body: pauseBody }),
  resume: endpoint<PauseStatus>()({ ...ROUTES.resume, body: emptyBody }),
};
