/**
 * Title redaction: what of a window title is never stored (settings: privateApps, privateTitleMarkers,
 * redactEmails, redactDigitRuns, redactPatterns). Applied by the store to every window event before it is
 * written, whichever door it came through (the tracker, the API, an import), so that rules, suggestions and
 * reports only ever see the redacted title.
 *
 * ```
 * app KeePassXC, "bank.kdbx - KeePassXC"            → "[hidden]"       (a private app: the whole title)
 * app Firefox, "News — Mozilla Firefox Private Browsing" → "[hidden]"  (a private-window marker)
 * app Thunderbird, "Re: invoice 20231187 - ann@example.com"
 *                                                   → "Re: invoice [number] - [email]"
 * ```
 *
 * An empty title stays empty (there is nothing to hide, and "no title" keeps meaning that).
 */
import type { RE2JS } from 're2js';
import { RE2JS as RE2 } from 're2js';
import { compileRedactPattern } from '../shared/redact-pattern.ts';

export const HIDDEN = '[hidden]';
export const EMAIL = '[email]';
export const NUMBER = '[number]';

export interface RedactionPolicy {
  privateApps: readonly string[];
  privateTitleMarkers: readonly string[];
  redactEmails: boolean;
  redactDigitRuns: boolean;
  redactPatterns: readonly string[];
}

export const NO_REDACTION_POLICY: RedactionPolicy = {
  privateApps: [],
  privateTitleMarkers: [],
  redactEmails: false,
  redactDigitRuns: false,
  redactPatterns: [],
};

/** Redacts titles under one policy, its patterns compiled once. */
export interface TitleRedaction {
  redact(app: string, title: string): string;
}

const EMAIL_PATTERN = RE2.compile('[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+', RE2.CASE_INSENSITIVE);
const DIGIT_RUN_PATTERN = RE2.compile('[0-9]{6,}');

/** As exclusions.ts compares app names: any case, with or without ".exe". */
const appKey = (app: string): string =>
  app
    .trim()
    .toLowerCase()
    .replace(/\.exe$/, '');

/** Every non-empty match of `regex` in `text` replaced by `placeholder`. */
function replaceMatches(text: string, regex: RE2JS, placeholder: string): string {
  const matcher = regex.matcher(text);
  let out = '';
  let last = 0;
  while (matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end === start) continue; // an empty match hides nothing
    out += text.slice(last, start) + placeholder;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * The redaction for a policy. Throws an Error for a pattern that cannot be compiled (the settings schema
 * refuses such patterns before they are saved).
 */
export function createRedaction(policy: RedactionPolicy): TitleRedaction {
  const apps = new Set(policy.privateApps.map(appKey).filter(Boolean));
  const markers = policy.privateTitleMarkers.map((m) => m.trim().toLowerCase()).filter(Boolean);
  const replacements: Array<[RE2JS, string]> = policy.redactPatterns.map((p) => [
    compileRedactPattern(p),
    HIDDEN,
  ]);
  if (policy.redactEmails) replacements.push([EMAIL_PATTERN, EMAIL]);
  if (policy.redactDigitRuns) replacements.push([DIGIT_RUN_PATTERN, NUMBER]);
  return {
    redact(app, title) {
      if (title === '') return title;
      if (apps.has(appKey(app))) return HIDDEN;
      const lower = title.toLowerCase();
      if (markers.some((m) => lower.includes(m))) return HIDDEN;
      let out = title;
      for (const [regex, placeholder] of replacements) out = replaceMatches(out, regex, placeholder);
      return out;
    },
  };
}

/** `redactTitle(app, title, policy)`: one title under a policy (compiles the policy each time). */
export function redactTitle(app: string, title: string, policy: RedactionPolicy): string {
  return createRedaction(policy).redact(app, title);
}

/** A redaction whose policy can be replaced while the app runs: the store and the settings share this one. */
export interface LiveRedaction extends TitleRedaction {
  replace(policy: RedactionPolicy): void;
}

export function createLiveRedaction(policy: RedactionPolicy): LiveRedaction {
  let current = createRedaction(policy);
  return {
    redact: (app, title) => current.redact(app, title),
    replace: (next) => {
      current = createRedaction(next);
    },
  };
}

export const NO_REDACTION: TitleRedaction = { redact: (_app, title) => title };
