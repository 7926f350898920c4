/**
 * The settings as the API shows and changes them (GET / PATCH /v1/settings): the user-editable fields of
 * Settings (settings.ts) in the wire's snake_case, plus which saved values wait for a restart. The patch schema
 * keeps the same limits as settings.ts and names the field in every error, so a form can show it in place.
 *
 *   PATCH { "excluded_domains": ["Bank.example.", "*.bank.example"] }
 *   saved   excludedDomains: ["bank.example"]          (normalized, duplicates removed)
 */
import { z } from 'zod';
import { normalizeDomain } from './hostname.ts';
import { SETTINGS_LIMITS } from './settings-limits.ts';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from './names.ts';
import { redactPatternProblem } from './redact-pattern.ts';
import { THEMES, type Settings, type Theme } from './settings.ts';

/** Fields that are read once at start: a change is saved but runs only after a restart. */
export const RESTART_FIELDS = ['poll_interval_ms', 'port'] as const;
export type RestartField = (typeof RESTART_FIELDS)[number];

export interface SettingsView {
  idle_minutes: number;
  poll_interval_ms: number;
  port: number;
  excluded_apps: string[];
  excluded_domains: string[];
  launch_at_login: boolean;
  close_to_tray: boolean;
  theme: Theme;
  /** Retention: local days of window titles / of everything recorded kept; null keeps all. */
  keep_titles_days: number | null;
  keep_events_days: number | null;
  /** Title redaction (see core/redaction.ts). */
  private_apps: string[];
  private_title_markers: string[];
  redact_emails: boolean;
  redact_digit_runs: boolean;
  redact_patterns: string[];
  /** The fields whose saved value is not the one running: they take effect when Time Audit restarts. */
  restart_needed: RestartField[];
}

export type SettingsPatch = Partial<Omit<SettingsView, 'restart_needed'>>;

/** Wire name → Settings name, for every editable field. */
const NAMES = {
  idle_minutes: 'idleMinutes',
  poll_interval_ms: 'pollIntervalMs',
  port: 'port',
  excluded_apps: 'excludedApps',
  excluded_domains: 'excludedDomains',
  launch_at_login: 'launchAtLogin',
  close_to_tray: 'closeToTray',
  theme: 'theme',
  keep_titles_days: 'keepTitlesDays',
  keep_events_days: 'keepEventsDays',
  private_apps: 'privateApps',
  private_title_markers: 'privateTitleMarkers',
  redact_emails: 'redactEmails',
  redact_digit_runs: 'redactDigitRuns',
  redact_patterns: 'redactPatterns',
} as const satisfies Record<keyof SettingsPatch, keyof Settings>;

export function toSettingsView(settings: Settings, restartNeeded: readonly RestartField[]): SettingsView {
  return {
    idle_minutes: settings.idleMinutes,
    poll_interval_ms: settings.pollIntervalMs,
    port: settings.port,
    excluded_apps: [...settings.excludedApps],
    excluded_domains: [...settings.excludedDomains],
    launch_at_login: settings.launchAtLogin,
    close_to_tray: settings.closeToTray,
    theme: settings.theme,
    keep_titles_days: settings.keepTitlesDays,
    keep_events_days: settings.keepEventsDays,
    private_apps: [...settings.privateApps],
    private_title_markers: [...settings.privateTitleMarkers],
    redact_emails: settings.redactEmails,
    redact_digit_runs: settings.redactDigitRuns,
    redact_patterns: [...settings.redactPatterns],
    restart_needed: [...restartNeeded],
  };
}

/** The Settings change a validated patch makes. */
export function fromSettingsPatch(patch: SettingsPatch): Partial<Settings> {
  const change: Record<string, unknown> = {};
  for (const [wire, name] of Object.entries(NAMES)) {
    const value = patch[wire as keyof SettingsPatch];
    if (value !== undefined) change[name] = value;
  }
  return change as Partial<Settings>;
}

/** The Settings name of a wire field (for restart_needed). */
export const settingsNameOf = (field: RestartField): keyof Settings => NAMES[field];

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

const { maxListLength, maxAppLength } = SETTINGS_LIMITS;

/** Apps by name, trimmed; the same name twice (in any case) is kept once. */
const appList = z
  .array(z.string({ error: 'each app is a name' }), { error: 'a list of app names' })
  .max(maxListLength, `at most ${maxListLength} apps`)
  .transform((list, ctx) => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const raw of list) {
      const app = raw.trim();
      if (!app) return void ctx.addIssue({ code: 'custom', message: 'an app name cannot be empty' });
      if (hasControlCharacter(app))
        return void ctx.addIssue({ code: 'custom', message: `an app name: ${CONTROL_CHARACTER_MESSAGE}` });
      if (app.length > maxAppLength)
        return void ctx.addIssue({
          code: 'custom',
          message: `an app name has at most ${maxAppLength} characters`,
        });
      if (seen.has(app.toLowerCase())) continue;
      seen.add(app.toLowerCase());
      out.push(app);
    }
    return out;
  });

/** "https://www.bank.example/login" and "*.bank.example" are taken for their host name. */
function hostOf(input: string): string | null {
  let text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  }
  return normalizeDomain(text.replace(/^\*?\./, ''));
}

/** Host names, normalized; one that is already listed is kept once. */
const domainList = z
  .array(z.string({ error: 'each site is a host name' }), { error: 'a list of host names' })
  .max(maxListLength, `at most ${maxListLength} sites`)
  .transform((list, ctx) => {
    const out: string[] = [];
    for (const raw of list) {
      const host = hostOf(raw);
      if (!host) {
        const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
        return void ctx.addIssue({
          code: 'custom',
          message: `"${shown}" is not a host name like example.com`,
        });
      }
      if (!out.includes(host)) out.push(host);
    }
    return out;
  });

const { idleMinutes, pollIntervalMs, port, keepDays, maxPatternLength } = SETTINGS_LIMITS;

/** Days kept, or null to keep everything. */
const keepDaysField = (what: string) => wholeNumber(what, keepDays.min, keepDays.max).nullable();

/** Texts (markers, patterns), trimmed, none empty, each checked; the same one twice is kept once. */
const textList = (what: string, check: (text: string) => string | null = () => null) =>
  z
    .array(z.string({ error: `each ${what} is a text` }), { error: `a list of ${what}s` })
    .max(maxListLength, `at most ${maxListLength} ${what}s`)
    .transform((list, ctx) => {
      const out: string[] = [];
      for (const raw of list) {
        const text = raw.trim();
        if (!text) return void ctx.addIssue({ code: 'custom', message: `a ${what} cannot be empty` });
        if (text.length > maxPatternLength)
          return void ctx.addIssue({
            code: 'custom',
            message: `a ${what} has at most ${maxPatternLength} characters`,
          });
        const problem = check(text);
        if (problem) return void ctx.addIssue({ code: 'custom', message: `"${text}": ${problem}` });
        if (!out.includes(text)) out.push(text);
      }
      return out;
    });

const patchShape = {
  idle_minutes: wholeNumber('the away threshold', idleMinutes.min, idleMinutes.max).optional(),
  poll_interval_ms: wholeNumber('the sampling interval', pollIntervalMs.min, pollIntervalMs.max).optional(),
  port: wholeNumber('the port', port.min, port.max).optional(),
  excluded_apps: appList.optional(),
  excluded_domains: domainList.optional(),
  launch_at_login: z.boolean().optional(),
  close_to_tray: z.boolean().optional(),
  theme: z.enum(THEMES, { error: `the theme is one of ${THEMES.join(', ')}` }).optional(),
  keep_titles_days: keepDaysField('the days of titles kept').optional(),
  keep_events_days: keepDaysField('the days of events kept').optional(),
  private_apps: appList.optional(),
  private_title_markers: textList('title marker').optional(),
  redact_emails: z.boolean().optional(),
  redact_digit_runs: z.boolean().optional(),
  redact_patterns: textList('pattern', redactPatternProblem).optional(),
};

/**
 * Any subset of the editable fields. An unknown field is refused under its own name (a typo must not be
 * saved as nothing), and an empty patch is refused as nothing to change.
 */
export const settingsPatch: z.ZodType<SettingsPatch> = z
  .looseObject(patchShape, { error: 'the settings to change, as a JSON object' })
  .superRefine((body, ctx) => {
    const unknown = Object.keys(body).filter((key) => !(key in patchShape));
    for (const key of unknown) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'not a setting that can be changed' });
    }
    if (Object.keys(body).length === 0) ctx.addIssue({ code: 'custom', message: 'nothing to change' });
  })
  .transform((body): SettingsPatch => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(patchShape)) {
      if (body[key as keyof typeof body] !== undefined) out[key] = body[key as keyof typeof body];
    }
    return out as SettingsPatch;
  });
