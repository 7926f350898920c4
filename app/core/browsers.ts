/**
 * Which focused apps are web browsers, so that a browser event can stand in for the browser's window time.
 * Matched by app name or process name, case-insensitive, with or without ".exe"; names as reported by
 * get-windows on Linux (WM_CLASS or process), macOS (bundle name) and Windows (process).
 */
const BROWSER_NAMES = new Set([
  'chrome',
  'google chrome',
  'google-chrome',
  'google-chrome-stable',
  'google-chrome-beta',
  'google chrome canary',
  'chromium',
  'chromium-browser',
  'brave',
  'brave browser',
  'brave-browser',
  'microsoft edge',
  'microsoft-edge',
  'msedge',
  'firefox',
  'firefox-esr',
  'mozilla firefox',
  'firefox developer edition',
  'firefox nightly',
  'navigator',
  'opera',
  'opera gx',
  'vivaldi',
  'vivaldi-stable',
  'arc',
  'safari',
]);

export function isBrowserApp(app: string): boolean {
  return BROWSER_NAMES.has(
    app
      .trim()
      .toLowerCase()
      .replace(/\.exe$/, ''),
  );
}
