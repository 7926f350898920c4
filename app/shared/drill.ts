/** What the drill-down reads answer: one subject looked at more closely. Every figure is in milliseconds. */
import type { SubjectKind } from './report.ts';

export interface TitleTotal {
  /** The window title as stored (redaction, when on, happened before it was stored). */
  title: string;
  ms: number;
}

/** `GET /v1/report/titles`: an app's window titles over a range, longest first. */
export interface AppTitles {
  app: string;
  from: string;
  to: string;
  total_ms: number;
  titles: TitleTotal[];
}

export interface DayTotal {
  /** The local date, YYYY-MM-DD. */
  date: string;
  ms: number;
}

/** `GET /v1/report/days`: a subject's time per local day of the range, every day listed. */
export interface SubjectDays {
  kind: SubjectKind;
  name: string;
  from: string;
  to: string;
  tz: string;
  total_ms: number;
  days: DayTotal[];
}
