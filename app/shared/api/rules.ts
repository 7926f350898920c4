/** The user's category rules, tried in order, and the categories the classifier suggests (never applied). */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import {
  ruleMatchProblem,
  RULE_FIELDS,
  RULE_MATCHES,
  type Rule,
  type RuleField,
  type RuleMatch,
  type Suggestion,
} from '../planning.ts';
import { ruleRegexProblem } from '../rule-regex.ts';
import type { SubjectTotal } from '../report.ts';
import {
  categoryName,
  endpoint,
  idParams,
  isoInstant,
  plainText,
  timeZone,
  type Deleted,
} from './endpoint.ts';

/**
 * A field and match that go together, and a pattern that is a valid regular expression when its match is 'regex'
 * (RE2 syntax: no backreferences or lookaround, see rule-regex.ts).
 */
function checkRulePattern(
  rule: { field?: RuleField | undefined; match?: RuleMatch | undefined; pattern?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  const problem =
    rule.field !== undefined && rule.match !== undefined ? ruleMatchProblem(rule.field, rule.match) : null;
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['match'], message: problem });
  if (rule.match === 'regex' && rule.pattern !== undefined) {
    const regexProblem = ruleRegexProblem(rule.pattern);
    if (regexProblem !== null) ctx.addIssue({ code: 'custom', path: ['pattern'], message: regexProblem });
  }
}

const ruleShape = {
  field: z.enum(RULE_FIELDS),
  match: z.enum(RULE_MATCHES),
  pattern: plainText(z.string().trim().min(1, 'a pattern is required').max(256, 'at most 256 characters')),
  category: categoryName,
  /** Where to insert it; at the end when left out. */
  position: z.number().int().min(0).max(1_000_000).optional(),
};

export const ruleBody = z.object(ruleShape).strict().superRefine(checkRulePattern);
export type RuleBody = z.infer<typeof ruleBody>;

export const rulePatch = z
  .object(ruleShape)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .superRefine(checkRulePattern);
export type RulePatch = z.infer<typeof rulePatch>;

/** A rule as it would be saved, and the range whose time the preview counts. */
export const rulePreviewBody = z
  .object({
    field: ruleShape.field,
    match: ruleShape.match,
    pattern: ruleShape.pattern,
    position: ruleShape.position,
    /** When editing: the rule being changed, which is not compared with itself. */
    rule_id: z.number().int().positive().optional(),
    from: isoInstant,
    to: isoInstant,
    tz: timeZone,
  })
  .strict()
  .superRefine(checkRulePattern)
  .refine((b) => Date.parse(b.to) > Date.parse(b.from), { message: 'to must be after from', path: ['to'] });

/** A subject a rule matches, and what the rule would do to it. */
export interface RuleMatchPreview extends SubjectTotal {
  /** applies: it takes the rule's category; kept_by_user: the user set its category by hand; earlier_rule:
   * a rule tried before matches it first. */
  outcome: 'applies' | 'kept_by_user' | 'earlier_rule';
}

export interface RulePreview {
  /** The subjects (with time in the range) that would take the rule's category, and their time. */
  subjects: number;
  ms: number;
  /** The matching subjects that keep their category, and their time. */
  kept: number;
  kept_ms: number;
  /** Every matching subject, largest first (at most 50). */
  matches: RuleMatchPreview[];
}

export const rulesApi = {
  listRules: endpoint<Rule[]>()({ ...ROUTES.listRules }),
  createRule: endpoint<Rule>()({ ...ROUTES.createRule, body: ruleBody }),
  updateRule: endpoint<Rule>()({ ...ROUTES.updateRule, params: idParams, body: rulePatch }),
  deleteRule: endpoint<Deleted>()({ ...ROUTES.deleteRule, params: idParams }),
  previewRule: endpoint<RulePreview>()({ ...ROUTES.previewRule, body: rulePreviewBody }),
  listSuggestions: endpoint<Suggestion[]>()({ ...ROUTES.listSuggestions }),
};
