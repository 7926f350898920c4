/**
 * An API error as a sentence for a person: the wire's field prefix ("idle_minutes: must be at least 1") goes
 * (the form shows the message next to its field), and `code` marks become quotes, since the page shows text.
 *
 *   "idle_minutes: the away threshold must be at least 1"  →  "The away threshold must be at least 1"
 *   "Pair again with `timeaudit token`"                    →  "Pair again with “timeaudit token”"
 */
export function readable(message: string, field?: string): string {
  let text = message;
  if (field && text.startsWith(`${field}: `)) text = text.slice(field.length + 2);
  text = text.replace(/`([^`]+)`/g, '“$1”');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
