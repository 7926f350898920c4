/**
 * The API token of this browser. `timeaudit serve` prints a link with the token in the fragment
 * (`/#token=…`), which the browser never sends to a server; on load the dashboard moves it into localStorage
 * and drops it from the address bar, so it is neither bookmarked nor left in the history.
 */
const KEY = 'timeaudit.token';

/** Moves a `#token=` fragment into storage and removes it from the address bar. */
export function takeTokenFromLocation(): void {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token')?.trim();
  if (!token) return;
  saveToken(token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  window.localStorage.setItem(KEY, token);
}

export function clearToken(): void {
  window.localStorage.removeItem(KEY);
}

/**
 * The token in what was pasted: the token itself, or the whole dashboard link `timeaudit serve` prints
 * (`http://127.0.0.1:47600/#token=…`), as the extension's popup accepts it. Null when there is none.
 */
export function tokenFromInput(input: string): string | null {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    const hash = text.indexOf('#');
    const token = hash < 0 ? null : new URLSearchParams(text.slice(hash + 1)).get('token')?.trim();
    return token || null;
  }
  return text || null;
}
