/**
 * The extension's manifest, written into dist/ by the build. The `key` fixes the extension's id
 * (EXTENSION_ID), the one origin the app accepts besides its own; the host permission covers the app's
 * loopback address only (any port: the user picks it when pairing); incognito windows are never tracked.
 */
import { EXTENSION_PUBLIC_KEY } from '../app/shared/extension.ts';
import { APP_VERSION } from '../app/shared/version.ts';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const icons = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/icon-${size}.png`]));

export const manifest = {
  manifest_version: 3,
  name: 'Time Audit',
  short_name: 'Time Audit',
  description:
    'Tells the Time Audit app on this computer which website you are on (the domain only), to show where your time goes.',
  version: APP_VERSION,
  key: EXTENSION_PUBLIC_KEY,
  minimum_chrome_version: '120',
  icons,
  action: { default_popup: 'popup/popup.html', default_title: 'Time Audit', default_icon: icons },
  background: { service_worker: 'background.js', type: 'module' },
  permissions: ['tabs', 'idle', 'storage', 'alarms'],
  host_permissions: ['http://127.0.0.1/*'],
  incognito: 'not_allowed',
  content_security_policy: {
    extension_pages: "script-src 'self'; object-src 'self'; connect-src http://127.0.0.1:*",
  },
} as const;
