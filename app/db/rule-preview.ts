/**
 * What a rule would do before it is saved: the subjects with time in a range that it matches, and for each
 * whether it would take the rule's category or keep its own, because the user chose one by hand or a rule
 * tried earlier matches it first. Reads only; the report of the range gives the subjects and their time.
 *
 * ```
 * rules:    0 A   1 B   [new rule at 2]   3 C
 * subject:  matched by A and the new rule → keeps A's category ("earlier_rule")
 * ```
 */
import { invalid } from '../core/errors.ts';
import { compileRules, ruleProblem, type RuleSpec } from '../core/rules.ts';
import type { Rule } from '../shared/planning.ts';
import type { SubjectTotal } from '../shared/report.ts';
import type { RuleMatchPreview, RulePreview } from '../shared/api/index.ts';
import type { CategorySource } from './subjects.ts';

/** The subjects listed one by one, largest first; the counts cover them all. */
export const PREVIEW_LIST_LIMIT = 50;

export interface RulePreviewInput extends RuleSpec {
  /** Where the rule would go; at the end when left out. */
  position?: number | undefined;
  /** The rule being edited, left out of the rules it is compared with. */
  ruleId?: number | undefined;
}

export function previewRule(
  input: RulePreviewInput,
  rules: readonly Rule[],
  subjects: readonly SubjectTotal[],
  sourceOf: (s: SubjectTotal) => CategorySource,
): RulePreview {
  const problem = ruleProblem(input);
  if (problem) throw invalid(problem.message, problem.field);
  if (input.field === 'title')
    throw invalid(
      'the preview covers rules on apps and sites; a title rule shows its time once saved',
      'field',
    );
  const others = rules.filter((r) => r.id !== input.ruleId);
  const position = Math.min(input.position ?? others.length, others.length);
  const earlier = compileRules(others.slice(0, position).filter((r) => r.field !== 'title'));
  const self = compileRules([{ ...input, id: 0 }]);
  const matches: RuleMatchPreview[] = [];
  for (const s of subjects) {
    if (s.kind === 'manual' || self.firstMatch(s.kind, s.name) === null) continue;
    const outcome =
      sourceOf(s) === 'user'
        ? 'kept_by_user'
        : earlier.firstMatch(s.kind, s.name)
          ? 'earlier_rule'
          : 'applies';
    matches.push({ ...s, outcome });
  }
  matches.sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  const sum = (list: RuleMatchPreview[]) => list.reduce((ms, s) => ms + s.ms, 0);
  const applying = matches.filter((m) => m.outcome === 'applies');
  const kept = matches.filter((m) => m.outcome !== 'applies');
  return {
    subjects: applying.length,
    ms: sum(applying),
    kept: kept.length,
    kept_ms: sum(kept),
    matches: matches.slice(0, PREVIEW_LIST_LIMIT),
  };
}
