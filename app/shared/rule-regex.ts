/**
 * The regular expressions of the user's rules, matched by RE2 (re2js, a pure-JS port): time linear in the length
 * of the name or title, whatever the pattern. Titles come from web pages that remote sites control, so a
 * backtracking engine (JavaScript's RegExp) would let one page title and a rule such as `(a+)+$` stall the daemon
 * for seconds, doubling with each character. RE2 does without what needs backtracking: backreferences (`\1`,
 * `\k<name>`) and lookaround (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`); such a pattern is refused with a message
 * that says so.
 *
 * ```
 * (a+)+$  against "aaaa…a!" (29 chars)   RegExp: ~10 s     RE2: < 1 ms, and linear beyond
 * ```
 */
import { RE2JS } from 're2js';

export type RuleRegex = Pick<RE2JS, 'test'>;

/** Compiles a rule's pattern, ignoring case; throws an Error whose message says what is wrong. */
export function compileRuleRegex(pattern: string): RuleRegex {
  try {
    return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    throw new Error(regexMessage(pattern, error));
  }
}

/** Why a rule's pattern cannot be used as a regex, or null. */
export function ruleRegexProblem(pattern: string): string | null {
  try {
    compileRuleRegex(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const LOOKAROUND = ['(?=', '(?!', '(?<=', '(?<!'];

/** What the pattern uses that RE2 does not support, read outside escapes and character classes, or null. */
function unsupportedConstruct(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')))
        return 'backreferences (\\1, \\k<name>) are not supported';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++; // "[]…]": a leading ] is a literal
    } else if (LOOKAROUND.some((l) => pattern.startsWith(l, i))) {
      return 'lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported';
    }
  }
  return null;
}

function regexMessage(pattern: string, error: unknown): string {
  const engine = 'rules use linear-time regular expressions (RE2 syntax)';
  const construct = unsupportedConstruct(pattern);
  if (construct) return `${construct}: ${engine}`;
  const detail = ((error as Error).message ?? String(error)).replace(/^error parsing regexp: /, '');
  return `not a valid regular expression (${detail}); ${engine}`;
}
