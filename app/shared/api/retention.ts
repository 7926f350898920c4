/**
 * Retention's preview: what the daily job would blank and delete now with these settings (before they are
 * saved, so that the Settings card can say it and ask). Days as in PATCH /v1/settings; null keeps everything.
 *
 *   POST /v1/retention/preview { "keep_titles_days": 90, "keep_events_days": 365 }
 *   → { "titles": 5230, "titles_before": "2025-12-10T23:00:00.000Z", "events": 12005, "events_ms": …, … }
 */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { SETTINGS_LIMITS } from '../settings-limits.ts';
import { endpoint } from './endpoint.ts';

const { min, max } = SETTINGS_LIMITS.keepDays;
const days = (what: string) =>
  z
    .number({ error: `${what} must be a number of days, or null to keep everything` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`)
    .nullable();

export const retentionPreviewBody = z
  .object({
    keep_titles_days: days('the days of titles kept'),
    keep_events_days: days('the days of events kept'),
  })
  .strict();

export interface RetentionPreviewView {
  /** The instant before which titles would be blanked / events deleted (a local midnight); null: kept. */
  titles_before: string | null;
  events_before: string | null;
  /** Window titles that would be blanked (their time stays), and the window time they cover. */
  titles: number;
  titles_ms: number;
  oldest_title: string | null;
  /** Events and entries logged by hand that would be deleted; the time reports count for them. */
  events: number;
  manual_entries: number;
  events_ms: number;
  oldest_event: string | null;
}

export const retentionApi = {
  previewRetention: endpoint<RetentionPreviewView>()({
    ...ROUTES.previewRetention,
    body: retentionPreviewBody,
  }),
};
