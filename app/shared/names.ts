/**
 * Names and other text the user gives (category names, labels, rule patterns, notes): what they may hold.
 * Zod-free, so that the store, the CLI and the dashboard can share it.
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
