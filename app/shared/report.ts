/** What `GET /v1/report` answers. Every figure is an integer number of milliseconds. */
export const PRODUCTIVITIES = ['productive', 'neutral', 'unproductive'] as const;
export type Productivity = (typeof PRODUCTIVITIES)[number];
/** A subject without a category counts as `uncategorized`. */
export type ProductivityOrNone = Productivity | 'uncategorized';
export const PRODUCTIVITY_KEYS = [...PRODUCTIVITIES, 'uncategorized'] as const;

/** What time counts against: an app, a domain, or the label of an activity logged by hand. */
export type SubjectKind = 'app' | 'domain' | 'manual';
export const SUBJECT_KINDS = ['app', 'domain', 'manual'] as const;

export type ByProductivity = Record<ProductivityOrNone, number>;

export interface HourBucket extends ByProductivity {
  hour: number;
  total_ms: number;
}

export interface WeekdayBucket extends ByProductivity {
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: number;
  total_ms: number;
}

export interface SubjectTotal {
  kind: SubjectKind;
  name: string;
  ms: number;
  category: string | null;
  productivity: ProductivityOrNone;
}

export interface CategoryTotal {
  /** null for the time of subjects that have no category. */
  name: string | null;
  ms: number;
  productivity: ProductivityOrNone;
}

/** Time of one category (null: subjects without one) in one local hour or weekday. */
export interface CategoryCell {
  category: string | null;
  ms: number;
}

export interface HourCategory extends CategoryCell {
  hour: number;
}

export interface WeekdayCategory extends CategoryCell {
  weekday: number;
}

/** The scores of one local day (or month, for long ranges) of the report's range. */
export interface TrendPoint {
  /** The local date the bucket starts on, YYYY-MM-DD. */
  date: string;
  total_ms: number;
  productive_ms: number;
  score: number | null;
  pulse: number | null;
}

export interface Report {
  from: string;
  to: string;
  tz: string;
  total_ms: number;
  by_productivity: ByProductivity;
  /** Productive share of tracked time, 0–100 (rounded); null without tracked time. */
  score: number | null;
  /**
   * A weighted score, 0–100 (rounded), like RescueTime's pulse: productive time weighs 1, neutral and
   * uncategorized ½, unproductive 0; null without tracked time.
   */
  pulse: number | null;
  /** Score and pulse per local day of the range (per month when the range is longer than 92 days). */
  trend_unit: 'day' | 'month';
  trend: TrendPoint[];
  by_hour: HourBucket[];
  by_weekday: WeekdayBucket[];
  subjects: SubjectTotal[];
  categories: CategoryTotal[];
  shrinkage: SubjectTotal[];
  /** The same time as by_hour, split by category instead of productivity (non-zero cells only). */
  hour_categories: HourCategory[];
  /** The same time as by_weekday, split by category (non-zero cells only). */
  weekday_categories: WeekdayCategory[];
}

/** One stretch of a day's resolved timeline: what counted from start to end. */
export interface TimelineSegment {
  start: string;
  end: string;
  kind: SubjectKind;
  name: string;
  category: string | null;
  productivity: ProductivityOrNone;
}

export interface Timeline {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  tz: string;
  /** The instants the local day starts and ends (23 or 25 hours apart on DST days). */
  from: string;
  to: string;
  segments: TimelineSegment[];
  /** Time away from the computer (idle), not under a hand-logged entry, by start. */
  away: Array<{ start: string; end: string }>;
}

export interface Category {
  id: number;
  name: string;
  productivity: Productivity;
  /** '#rrggbb' chosen by the user, or null: the dashboard gives it a colour of its palette. */
  colour: string | null;
}
