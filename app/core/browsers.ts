/**
 * Which focused apps are web browsers, so that a browser event can stand in for the browser's window time.
 * Matched by app name or process name, case-insensitive, with or without ".exe"; names as reported by
 * get-windows on Linux (WM_CLASS or process), macOS (bundle name) and Windows (process), and the Flatpak ids
 * and desktop-entry names that app identity gives on Linux.
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
  // Flatpak ids and desktop-entry names (Linux, through app identity)
  'org.mozilla.firefox',
  'firefox esr',
  'firefox web browser',
  'org.chromium.chromium',
  'chromium web browser',
  'com.google.chrome',
  'com.brave.browser',
  'brave web browser',
  'com.microsoft.edge',
  'com.vivaldi.vivaldi',
  'com.opera.opera',
  'librewolf',
  'io.gitlab.librewolf-community',
]);

export function isBrowserApp(app: string): boolean {
  return BROWSER_NAMES.has(
    app
      .trim()
      .toLowerCase()
      .replace(/\.exe$/, ''),
  );
}
