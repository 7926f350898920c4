/**
 * The user's category rules as matchers: compiled once per rule set, and each subject is looked up once per
 * rule set (a per-subject cache), so that a month of events costs one evaluation per distinct app or domain,
 * not one per event. Matching ignores case:
 *
 * ```
 * app    exact    "Code"          Code, code            not: Code - Insiders
 * app    contains "code"          Code, Code - Insiders
 * domain domain   "example.com"   example.com, a.b.example.com     not: badexample.com
 * domain contains "wiki"          en.wikipedia.org, wiki.example.com
 * any    regex    "^docs\."       new RegExp(pattern, 'i') tested against the whole name
 * ```
 * Rules are tried in the order given (by position); the first whose field is the subject's kind decides.
 * An app rule sees only apps, a domain rule only domains, and subjects logged by hand are never matched.
 */
import { MATCHES_OF, type RuleField, type RuleMatch } from '../shared/planning.ts';
import type { SubjectKind } from '../shared/report.ts';

export interface RuleSpec {
  field: RuleField;
  match: RuleMatch;
  pattern: string;
}

export interface RuleMatcher<R extends RuleSpec> {
  /** The first rule that matches, or null. */
  firstMatch(kind: SubjectKind, name: string): R | null;
}

/** Subjects remembered per rule set; past this many the cache starts over (it only saves work). */
const CACHE_LIMIT = 50_000;

/** Why a rule cannot be used as it is, or null: a match its field does not allow, or a bad regex. */
export function ruleProblem(rule: RuleSpec): { field: 'match' | 'pattern'; message: string } | null {
  const allowed = MATCHES_OF[rule.field];
  if (!allowed.includes(rule.match)) {
    return { field: 'match', message: `a rule on ${rule.field} names matches ${allowed.join(', ')}` };
  }
  if (rule.match === 'regex') {
    try {
      new RegExp(rule.pattern, 'i');
    } catch (error) {
      return { field: 'pattern', message: (error as Error).message };
    }
  }
  return null;
}

type Test = (lowerName: string, name: string) => boolean;

function compileOne(rule: RuleSpec): Test {
  const p = rule.pattern.trim().toLowerCase();
  switch (rule.match) {
    case 'exact':
      return (lower) => lower.trim() === p;
    case 'contains':
      return (lower) => lower.includes(p);
    case 'domain': {
      // "*.example.com" and ".example.com" mean the same as "example.com": the domain and its subdomains.
      const domain = p.replace(/^\*?\./, '');
      const suffix = `.${domain}`;
      return (lower) => lower === domain || lower.endsWith(suffix);
    }
    case 'regex': {
      let re: RegExp;
      try {
        re = new RegExp(rule.pattern, 'i');
      } catch {
        return () => false; // refused at the API; a stored one that no longer compiles matches nothing
      }
      // No 'g' or 'y' flag, so test() keeps no state between subjects.
      return (_lower, name) => re.test(name);
    }
  }
}

export function compileRules<R extends RuleSpec>(rules: readonly R[]): RuleMatcher<R> {
  const compiled = rules.map((rule) => ({ rule, field: rule.field, test: compileOne(rule) }));
  const cache = new Map<string, R | null>();
  return {
    firstMatch(kind, name) {
      if (kind === 'manual' || compiled.length === 0) return null;
      const key = `${kind}\u0000${name}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const lower = name.toLowerCase();
      let found: R | null = null;
      for (const c of compiled) {
        if (c.field === kind && c.test(lower, name)) {
          found = c.rule;
          break;
        }
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, found);
      return found;
    },
  };
}
