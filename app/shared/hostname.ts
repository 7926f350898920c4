/** Host names as the app stores them; zod-free, so that the extension can use it without shipping zod. */
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** The longest host name DNS allows. */
export const MAX_HOSTNAME_LENGTH = 253;

/**
 * Lower-cases a hostname and checks that it is one (ASCII or punycode labels, no scheme, port, path or IP-v6
 * literal). Returns null for anything else.
 */
export function normalizeDomain(input: string): string | null {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > MAX_HOSTNAME_LENGTH) return null;
  const labels = host.split('.');
  return labels.every((label) => HOST_LABEL.test(label)) ? host : null;
}
