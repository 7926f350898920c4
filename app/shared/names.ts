/**
 * Names and other text the user gives (category names, labels, rule patterns, notes): what they may hold, and
 * when two names are the same. Zod-free, so that the store, the CLI and the dashboard can share it.
 *
 * Two category names are the same when they are the same text ignoring case, in any script: Unicode full case
 * folding, independent of the locale, after canonical normalization (é typed as one character or as e + a
 * combining accent is one letter). SQLite's NOCASE folds only A–Z, which would make "Été" and "été" two
 * categories and "K" (the Kelvin sign) and "k" two as well.
 *
 * ```
 * Été  été  ÉTÉ  e\u0301te\u0301   → été
 * K (U+212A)  K  k                 → k
 * Straße  STRASSE  strasse         → strasse
 * ΟΔΟΣ  οδος  οδοσ                 → οδοσ
 * ```
 */

/** Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). */
const CONTROL = /\p{Cc}/u;
const CONTROL_RUNS = /\p{Cc}+/gu;

/** Whether the text holds a control character (NUL, a tab, a newline, an escape, DEL, a C1 control…). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** What a refusal of such text says. */
export const CONTROL_CHARACTER_MESSAGE = 'control characters (such as NUL, tab or newline) are not allowed';

/**
 * Observed text (a window's title, an app's name) with each run of control characters replaced by one space:
 * it is what a machine showed, not what the user typed, and the time it stands for is kept.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_RUNS, ' ');
}

/**
 * The key two names are compared by: lower case of upper case of lower case, which is Unicode's full case
 * folding for every letter (ß → ss, ẞ → ss, ς → σ, K → k, ﬁ → fi), then NFC.
 */
export function foldName(name: string): string {
  return name.toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}

/** Whether two names are the same name. */
export const sameName = (a: string, b: string): boolean => foldName(a) === foldName(b);
