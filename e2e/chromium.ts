/**
 * Debian's Chromium, as every browser test and benchmark here starts it. The flags: --no-sandbox because CI
 * runs as root; the rest keeps it from reaching for a network this machine does not have.
 */
export const CHROMIUM = process.env.TIMEAUDIT_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
