/** Rules in words: what they look at and how they match, as the rules editor lists and offers them. */
import type { RuleField, RuleMatch } from '../../../app/shared/planning.ts';

export const FIELD_LABELS: Record<RuleField, string> = { app: 'App', domain: 'Site', title: 'Window title' };

/** The short word a rule's row starts with. */
export const FIELD_KINDS: Record<RuleField, string> = { app: 'app', domain: 'site', title: 'title' };

export const MATCH_LABELS: Record<RuleMatch, string> = {
  exact: 'is',
  domain: 'is, or is under',
  contains: 'contains',
  regex: 'matches regex',
};

export const PATTERN_EXAMPLES: Record<RuleMatch, string> = {
  exact: 'Code',
  domain: 'github.com',
  contains: 'jira',
  regex: '^(vim|nvim)$',
};
