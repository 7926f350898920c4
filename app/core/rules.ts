/**
 * The user's rules as matchers: compiled once per rule set, and each subject is looked up once per rule set
 * (a per-subject cache), so that a month of events costs one evaluation per distinct app or domain, not one
 * per event. Matching ignores case:
 *
 * ```
 * app    exact    "Code"          Code, code            not: Code - Insiders
 * app    contains "code"          Code, Code - Insiders
 * domain domain   "example.com"   example.com, a.b.example.com     not: badexample.com
 * domain contains "wiki"          en.wikipedia.org, wiki.example.com
 * title  contains "jira"          a window titled "PROJ-12 - Jira" (any app)
 * any    regex    "^docs\."       an RE2 regular expression (re2js), searched for in the whole name or title
 * ```
 * Regexes run on RE2, in time linear in the name or title (app/shared/rule-regex.ts): titles come from web pages
 * that remote sites control, and a backtracking engine would let one of them stall the daemon. A stored regex
 * RE2 cannot compile (saved before rules used it: a backreference, a lookahead) matches nothing, and
 * compileRules reports it through `onUnusable`.
 * App and domain rules are tried in the order given (by position); the first whose field is the subject's
 * kind decides. An app rule sees only apps, a domain rule only domains, and subjects logged by hand are never
 * matched.
 *
 * Title rules decide which subject window time belongs to, before any categorizing: the first title rule (in
 * order) whose pattern matches the window's title makes it the app subject "<app> — <pattern>"; a window no
 * title rule matches stays its app. That subject's category is its title rule's, whatever app rule might match
 * the name. Titles repeat (a month holds thousands of events and a few hundred titles), so each distinct
 * title is matched once per rule set too, whatever app shows it.
 *
 * ```
 * title rules:  1 contains "jira"   2 regex "time-?audit"
 * Code      "store.ts — time-audit"     → Code — time-?audit      (the pattern as the user wrote it)
 * Terminal  "PROJ-1 jira: timeaudit"    → Terminal — jira         (rule 1 comes first)
 * Code      "README.md"                 → Code
 * ```
 */
import { ruleMatchProblem, titleSubjectName, type RuleField, type RuleMatch } from '../shared/planning.ts';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../shared/names.ts';
import { compileRuleRegex, ruleRegexProblem } from '../shared/rule-regex.ts';
import type { SubjectKind } from '../shared/report.ts';

export interface RuleSpec {
  field: RuleField;
  match: RuleMatch;
  pattern: string;
}

/** Which subject window time belongs to, as the title rules say. */
export interface WindowSubjects {
  /** Whether there is any title rule: without one every window counts as its app, and titles need not be read. */
  readonly byTitle: boolean;
  /** The subject (of kind 'app') of a window's time: "<app> — <pattern>" of the first title rule that matches. */
  subjectOf(app: string, title: string): string;
}

export interface RuleMatcher<R extends RuleSpec> extends WindowSubjects {
  /**
   * The first rule that matches the subject, or null. For a name "<app> — <pattern>" made by a title rule,
   * that title rule.
   */
  firstMatch(kind: SubjectKind, name: string): R | null;
  /**
   * The title rules as they decide window subjects (matches and patterns, in order): two matchers with the same
   * key put every window in the same subject.
   */
  readonly titleKey: string;
}

export interface CompileOptions<R extends RuleSpec> {
  /** Told of each stored rule that cannot be used as it is (it matches nothing), and why. */
  onUnusable?: ((rule: R, problem: string) => void) | undefined;
}

/** Subjects remembered per rule set; past this many the cache starts over (it only saves work). */
const CACHE_LIMIT = 50_000;
/** Titles remembered per rule set, likewise. */
const TITLE_CACHE_LIMIT = 100_000;

/**
 * Why a rule cannot be used as it is, or null: a match its field does not allow, a pattern holding a control
 * character, or a regex RE2 cannot take.
 */
export function ruleProblem(rule: RuleSpec): { field: 'match' | 'pattern'; message: string } | null {
  const mismatch = ruleMatchProblem(rule.field, rule.match);
  if (mismatch !== null) return { field: 'match', message: mismatch };
  if (hasControlCharacter(rule.pattern)) return { field: 'pattern', message: CONTROL_CHARACTER_MESSAGE };
  if (rule.match === 'regex') {
    const problem = ruleRegexProblem(rule.pattern);
    if (problem !== null) return { field: 'pattern', message: problem };
  }
  return null;
}

type Test = (lowerName: string, name: string) => boolean;

const NEVER: Test = () => false;

function compileOne<R extends RuleSpec>(rule: R, onUnusable: CompileOptions<R>['onUnusable']): Test {
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
      try {
        const re = compileRuleRegex(rule.pattern);
        return (_lower, name) => re.test(name);
      } catch (error) {
        // Refused when created; one stored before rules ran on RE2 may not compile: it matches nothing.
        onUnusable?.(rule, (error as Error).message);
        return NEVER;
      }
    }
  }
}

/** Compiles the rules, given in the order they are tried. */
export function compileRules<R extends RuleSpec>(
  rules: readonly R[],
  options: CompileOptions<R> = {},
): RuleMatcher<R> {
  const { onUnusable } = options;
  const compiled = rules
    .filter((rule) => rule.field !== 'title')
    .map((rule) => ({ rule, field: rule.field, test: compileOne(rule, onUnusable) }));
  const titleRules = rules
    .filter((rule) => rule.field === 'title')
    .map((rule) => ({
      rule,
      test: compileOne(rule, onUnusable),
      // What ends the names of its subjects: " — jira" for pattern "jira", whatever the app.
      suffix: titleSubjectName('', rule.pattern).toLowerCase(),
    }));
  const cache = new Map<string, R | null>();
  // Which title rule a title matches (its index, -1 for none) depends on the title alone; the subject's name
  // is then built once per app and rule. Keyed by the title as read, no string is made per event.
  const ruleOfTitle = new Map<string, number>();
  const namesOf = new Map<string, string[]>();

  const titleRuleOf = (lowerName: string): R | null => {
    for (const t of titleRules) if (lowerName.endsWith(t.suffix)) return t.rule;
    return null;
  };

  return {
    byTitle: titleRules.length > 0,
    titleKey: JSON.stringify(titleRules.map((t) => [t.rule.match, t.rule.pattern.trim()])),

    firstMatch(kind, name) {
      if (kind === 'manual' || rules.length === 0) return null;
      const key = `${kind}\u0000${name}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const lower = name.toLowerCase();
      let found: R | null = kind === 'app' ? titleRuleOf(lower) : null;
      if (found === null) {
        for (const c of compiled) {
          if (c.field === kind && c.test(lower, name)) {
            found = c.rule;
            break;
          }
        }
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, found);
      return found;
    },

    subjectOf(app, title) {
      if (titleRules.length === 0) return app;
      let index = ruleOfTitle.get(title);
      if (index === undefined) {
        const lower = title.toLowerCase();
        index = titleRules.findIndex((t) => t.test(lower, title));
        if (ruleOfTitle.size >= TITLE_CACHE_LIMIT) ruleOfTitle.clear();
        ruleOfTitle.set(title, index);
      }
      if (index < 0) return app;
      let names = namesOf.get(app);
      if (!names) {
        if (namesOf.size >= CACHE_LIMIT) namesOf.clear();
        namesOf.set(app, (names = []));
      }
      return (names[index] ??= titleSubjectName(app, titleRules[index]!.rule.pattern));
    },
  };
}
