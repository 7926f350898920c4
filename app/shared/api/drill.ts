/** The drill-down reads: an app's window titles, and a subject's time per day. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import type { AppTitles, SubjectDays } from '../drill.ts';
import { SUBJECT_KINDS } from '../report.ts';
import { endpoint, isoInstant, timeZone } from './endpoint.ts';

/** Both read raw time a day at a time: a year is plenty for a closer look, and bounds the work. */
export const MAX_DRILL_RANGE_MS = 367 * 86_400_000;

const subjectName = z.string().min(1, 'a name is required').max(1024, 'at most 1024 characters');

const range = { from: isoInstant, to: isoInstant };
const ordered = (q: { from: string; to: string }) => Date.parse(q.to) > Date.parse(q.from);
const short = (q: { from: string; to: string }) =>
  Date.parse(q.to) - Date.parse(q.from) <= MAX_DRILL_RANGE_MS;
const ORDERED = { message: 'to must be after from', path: ['to'] };
const SHORT = { message: 'a closer look covers at most a year', path: ['to'] };

export const titlesQuery = z
  .object({ ...range, app: subjectName })
  .refine(ordered, ORDERED)
  .refine(short, SHORT);
export const subjectDaysQuery = z
  .object({ ...range, kind: z.enum(SUBJECT_KINDS), name: subjectName, tz: timeZone })
  .refine(ordered, ORDERED)
  .refine(short, SHORT);

export const drillApi = {
  reportTitles: endpoint<AppTitles>()({ ...ROUTES.reportTitles, query: titlesQuery }),
  reportDays: endpoint<SubjectDays>()({ ...ROUTES.reportDays, query: subjectDaysQuery }),
};
