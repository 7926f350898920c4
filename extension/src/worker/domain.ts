/**
 * Which pages are tracked, and the only thing of them that leaves the browser: the host name. Paths, queries,
 * titles and full URLs are never kept, stored or sent.
 */
import { normalizeDomain } from '../../../app/shared/hostname.ts';

/**
 * The domain of a tab, or null when it is not tracked: incognito tabs, and anything that is not an http(s)
 * page (chrome://, chrome-extension://, file://, about:, data:, the new-tab page, …).
 */
export function domainOf(url: string | undefined, incognito = false): string | null {
  if (incognito || !url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return normalizeDomain(parsed.hostname);
}
