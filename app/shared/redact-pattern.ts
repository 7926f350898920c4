/**
 * The user's redaction patterns (settings: redactPatterns): RE2 regular expressions, matched ignoring case, as
 * the rules' are (rule-regex.ts), so that no title a web page controls can make a pattern run for long. A pattern
 * that matches the empty text is refused: it would put a placeholder between every two characters.
 */
import { RE2JS } from 're2js';
import { compileRuleRegex } from './rule-regex.ts';

/** Compiles a redaction pattern; throws an Error whose message says what is wrong. */
export function compileRedactPattern(pattern: string): RE2JS {
  compileRuleRegex(pattern); // its messages name what RE2 does not support
  const regex = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  if (regex.matches('')) throw new Error('the pattern matches an empty text: it would hide nothing useful');
  return regex;
}

/** Why a redaction pattern cannot be used, or null. */
export function redactPatternProblem(pattern: string): string | null {
  try {
    compileRedactPattern(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
