/** What `GET /v1/report` answers. Every figure is an integer number of milliseconds. */
export const PRODUCTIVITIES = ['productive', 'neutral', 'unproductive'] as const;
export type Productivity = (typeof PRODUCTIVITIES)[number];
/** A subject without a category counts as `uncategorized`. */
export type ProductivityOrNone = Productivity | 'uncategorized';
export const PRODUCTIVITY_KEYS = [...PRODUCTIVITIES, 'uncategorized'] as const;

export type SubjectKind = 'app' | 'domain';
export const SUBJECT_KINDS = ['app', 'domain'] as const;

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

export interface Report {
  from: string;
  to: string;
  tz: string;
  total_ms: number;
  by_productivity: ByProductivity;
  by_hour: HourBucket[];
  by_weekday: WeekdayBucket[];
  subjects: SubjectTotal[];
  categories: CategoryTotal[];
  shrinkage: SubjectTotal[];
}

export interface Category {
  id: number;
  name: string;
  productivity: Productivity;
}
