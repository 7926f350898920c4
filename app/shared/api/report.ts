/** The report over a range, and one local day's timeline. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import type { Report, Timeline } from '../report.ts';
import { endpoint, isoInstant, timeZone } from './endpoint.ts';

/** Longer ranges are a typo; the trend alone would have a point per month for all of them. */
export const MAX_REPORT_RANGE_MS = 100 * 365.25 * 86_400_000;

export const reportQuery = z
  .object({
    from: isoInstant,
    to: isoInstant,
    tz: timeZone,
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_RANGE_MS, {
    message: 'a report covers at most 100 years',
    path: ['to'],
  });
export type ReportParams = z.infer<typeof reportQuery>;

export const timelineQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD')
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      {
        message: 'not a calendar date',
      },
    ),
  tz: timeZone,
});

export const reportApi = {
  report: endpoint<Report>()({ ...ROUTES.report, query: reportQuery }),
  timeline: endpoint<Timeline>()({ ...ROUTES.timeline, query: timelineQuery }),
};
