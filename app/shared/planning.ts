/**
 * What the API answers about the user's rules, learned suggestions, manual entries and goals. Types only, so
 * the dashboard and the extension can use them without zod; the schemas of what the API takes are in api.ts.
 */
import type { ProductivityOrNone, SubjectKind } from './report.ts';

/** Which subjects a rule looks at. */
export const RULE_FIELDS = ['app', 'domain'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/**
 * How a rule's pattern is matched, case-insensitively: 'exact' (apps: the whole name), 'domain' (domains: the
 * domain or any of its subdomains), 'contains' (a substring), 'regex' (a JavaScript regular expression).
 */
export const RULE_MATCHES = ['exact', 'contains', 'regex', 'domain'] as const;
export type RuleMatch = (typeof RULE_MATCHES)[number];

/** The matches each field allows. */
export const MATCHES_OF: Record<RuleField, readonly RuleMatch[]> = {
  app: ['exact', 'contains', 'regex'],
  domain: ['domain', 'contains', 'regex'],
};

export interface Rule {
  id: number;
  /** Rules are tried from the lowest position up; the first that matches decides. */
  position: number;
  field: RuleField;
  match: RuleMatch;
  pattern: string;
  category: string;
  productivity: ProductivityOrNone;
}

/** A category the learned classifier proposes for a subject that has none; never applied by itself. */
export interface Suggestion {
  kind: SubjectKind;
  name: string;
  category: string;
  productivity: ProductivityOrNone;
  /** The classifier's probability for that category, 0–1. */
  confidence: number;
  /** The subject's time in the last 30 days, so that the ones that matter come first. */
  recent_ms: number;
}

/** An activity logged by hand; its label is a subject of kind 'manual' whose category is the entry's. */
export interface ManualEntry {
  id: number;
  label: string;
  category: string | null;
  productivity: ProductivityOrNone;
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  note: string;
}

export const GOAL_DIRECTIONS = ['at_most', 'at_least'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];
export const GOAL_PERIODS = ['day', 'week'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];

export interface Goal {
  id: number;
  category: string;
  productivity: ProductivityOrNone;
  direction: GoalDirection;
  period: GoalPeriod;
  target_ms: number;
}

/**
 * A goal's state in the current day or week of the asked zone: 'under' (an at-most goal not crossed),
 * 'over' (an at-most goal crossed), 'met' (an at-least goal reached), 'short' (an at-least goal not yet).
 */
export type GoalState = 'under' | 'over' | 'met' | 'short';

export interface GoalProgress extends Goal {
  /** The local day or week (from Monday) the progress is for, as instants. */
  period_start: string;
  period_end: string;
  done_ms: number;
  state: GoalState;
}
