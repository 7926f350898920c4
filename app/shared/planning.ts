/**
 * What the API answers about the user's rules, learned suggestions, manual entries and goals. Types and plain
 * constants and functions only, so the dashboard and the extension can use them without zod; the schemas of
 * what the API takes are in api.ts.
 */
import type { ProductivityOrNone, SubjectKind } from './report.ts';

/**
 * What a rule looks at: an app's name, a domain, or a window's title. App and domain rules categorize those
 * subjects; a title rule gives the window time whose title it matches a subject of its own (titleSubjectName).
 */
export const RULE_FIELDS = ['app', 'domain', 'title'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/**
 * How a rule's pattern is matched, case-insensitively: 'exact' (apps: the whole name), 'domain' (domains: the
 * domain or any of its subdomains), 'contains' (a substring), 'regex' (a regular expression in RE2 syntax,
 * searched for in the whole name or title in linear time; see rule-regex.ts).
 */
export const RULE_MATCHES = ['exact', 'contains', 'regex', 'domain'] as const;
export type RuleMatch = (typeof RULE_MATCHES)[number];

/** The matches each field allows. */
export const MATCHES_OF: Record<RuleField, readonly RuleMatch[]> = {
  app: ['exact', 'contains', 'regex'],
  domain: ['domain', 'contains', 'regex'],
  title: ['contains', 'regex'],
};

const FIELD_NOUNS: Record<RuleField, string> = {
  app: 'app names',
  domain: 'domains',
  title: 'window titles',
};

/** Why a rule's field and match do not go together ("a rule on window titles matches by …"), or null. */
export function ruleMatchProblem(field: RuleField, match: RuleMatch): string | null {
  const allowed = MATCHES_OF[field];
  if (allowed.includes(match)) return null;
  const choices = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
  return `a rule on ${FIELD_NOUNS[field]} matches by ${choices}, not ${match}`;
}

/**
 * The subject (of kind 'app') that window time counts as when its title matches a title rule: the app and the
 * rule's pattern as written, "Code — jira". Its category is the rule's until the user chooses another.
 */
export function titleSubjectName(app: string, pattern: string): string {
  return `${app} — ${pattern.trim()}`;
}

export interface Rule {
  id: number;
  /**
   * Rules are tried from the lowest position up; the first that matches decides (title rules among
   * themselves: the first whose pattern matches a window's title names its subject).
   */
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

/** The longest manual entry: a week (longer ones are almost always a typo in a date). */
export const MANUAL_ENTRY_MAX_MS = 7 * 86_400_000;

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
