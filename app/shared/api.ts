/**
 * The localhost API, declared once. Each entry names its method and path, the zod schemas of what it takes
 * (path params, query, body) and the type it answers. The HTTP routes (app/server), and later the Electron IPC
 * handlers and the dashboard's and extension's clients, are all derived from this map.
 */
import { z } from 'zod';
import { ROUTES, type RouteName } from './routes.ts';
import { batchEnvelopeSchema, normalizeDomain, type IngestResult } from './events.ts';
import {
  PRODUCTIVITIES,
  SUBJECT_KINDS,
  type Category,
  type Report,
  type SubjectTotal,
  type Timeline,
} from './report.ts';
import {
  GOAL_DIRECTIONS,
  GOAL_PERIODS,
  ruleMatchProblem,
  RULE_FIELDS,
  RULE_MATCHES,
  type Goal,
  type GoalDirection,
  type GoalPeriod,
  type GoalProgress,
  type ManualEntry,
  type Rule,
  type RuleField,
  type RuleMatch,
  type Suggestion,
} from './planning.ts';
import { settingsPatch, type SettingsPatch, type SettingsView } from './settings-api.ts';

const categoryName = z.string().trim().min(1, 'a name is required').max(64, 'at most 64 characters');
const productivity = z.enum(PRODUCTIVITIES);
const isoInstant = z.iso.datetime({
  offset: true,
  message: 'an ISO-8601 instant with a zone, e.g. 2026-01-01T00:00:00Z',
});

export const healthResponse = z.object({
  ok: z.literal(true),
  version: z.string(),
  schema_version: z.number(),
});
export type Health = z.infer<typeof healthResponse>;

/** What a client learns when it pairs: whose data this is, and which app it talks to. */
export interface Pairing {
  user_id: string;
  version: string;
  /** Seconds without input after which the app counts the user as away; the extension uses the same. */
  idle_seconds: number;
}

/** Longer ranges are a typo; the trend alone would have a point per month for all of them. */
export const MAX_REPORT_RANGE_MS = 100 * 365.25 * 86_400_000;

export const reportQuery = z
  .object({
    from: isoInstant,
    to: isoInstant,
    tz: z.string().min(1).max(64).default('UTC'),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_RANGE_MS, {
    message: 'a report covers at most 100 years',
    path: ['to'],
  });

export const timelineQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD')
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      {
        message: 'not a calendar date',
      },
    ),
  tz: z.string().min(1).max(64).default('UTC'),
});

export const subjectParams = z
  .object({ kind: z.enum(SUBJECT_KINDS), name: z.string().min(1).max(256) })
  .transform((p, ctx) => {
    if (p.kind !== 'domain') return p;
    const domain = normalizeDomain(p.name);
    if (!domain) {
      ctx.addIssue({ code: 'custom', message: `"${p.name}" is not a hostname`, path: ['name'] });
      return z.NEVER;
    }
    return { kind: p.kind, name: domain };
  });

const idParams = z.object({ id: z.coerce.number().int().positive() });

export interface SubjectCategory {
  kind: SubjectTotal['kind'];
  name: string;
  category: string | null;
  productivity: SubjectTotal['productivity'];
}

/** Whether tracking is paused, shared by the tray, the daemon and the extension. */
export interface PauseStatus {
  paused: boolean;
  /** When tracking resumes by itself (ISO-8601 UTC); null while not paused or paused until resumed. */
  until: string | null;
}

/** Pause for a number of minutes, or until the start of tomorrow in the app's zone, or (null) until resumed. */
export type PauseBody = { minutes: number } | { until: 'tomorrow' | null };

export const pauseBody: z.ZodType<PauseBody> = z
  .object({
    minutes: z.number().int().min(1).max(1440).optional(),
    until: z.literal('tomorrow').nullable().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.minutes === undefined) === (b.until === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of minutes or until' });
    }
  })
  .transform((b): PauseBody =>
    b.minutes !== undefined ? { minutes: b.minutes } : { until: b.until ?? null },
  );

/** What a DELETE answers. */
export interface Deleted {
  id: number;
  deleted: true;
}

/** A pattern that is a valid regular expression when its match is 'regex'. */
function checkRulePattern(
  rule: { field?: RuleField | undefined; match?: RuleMatch | undefined; pattern?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  const problem =
    rule.field !== undefined && rule.match !== undefined ? ruleMatchProblem(rule.field, rule.match) : null;
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['match'], message: problem });
  if (rule.match === 'regex' && rule.pattern !== undefined) {
    try {
      new RegExp(rule.pattern, 'i');
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: (error as Error).message });
    }
  }
}

const rulePattern = z.string().trim().min(1, 'a pattern is required').max(256, 'at most 256 characters');
const rulePosition = z.number().int().min(0).max(1_000_000);

export interface RuleBody {
  field: RuleField;
  match: RuleMatch;
  pattern: string;
  category: string;
  /** Where to insert it; at the end when left out. */
  position?: number | undefined;
}
export type RulePatch = Partial<RuleBody>;

export const ruleBody = z
  .object({
    field: z.enum(RULE_FIELDS),
    match: z.enum(RULE_MATCHES),
    pattern: rulePattern,
    category: categoryName,
    position: rulePosition.optional(),
  })
  .strict()
  .superRefine(checkRulePattern);

export const rulePatch = z
  .object({
    field: z.enum(RULE_FIELDS).optional(),
    match: z.enum(RULE_MATCHES).optional(),
    pattern: rulePattern.optional(),
    category: categoryName.optional(),
    position: rulePosition.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .superRefine(checkRulePattern);

/** The longest manual entry: a week (longer ones are almost always a typo in a date). */
export const MANUAL_ENTRY_MAX_MS = 7 * 86_400_000;
const entryLabel = z.string().trim().min(1, 'a label is required').max(120, 'at most 120 characters');
const entryNote = z.string().max(1000, 'at most 1000 characters');

export interface ManualEntryBody {
  label: string;
  category: string;
  start: string;
  end: string;
  note?: string | undefined;
}
export type ManualEntryPatch = Partial<ManualEntryBody>;

function checkEntryTimes(b: { start?: string | undefined; end?: string | undefined }, ctx: z.RefinementCtx) {
  if (b.start === undefined || b.end === undefined) return;
  const ms = Date.parse(b.end) - Date.parse(b.start);
  if (ms <= 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
  else if (ms > MANUAL_ENTRY_MAX_MS)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'an entry lasts at most 7 days' });
}

export const manualEntryBody = z
  .object({
    label: entryLabel,
    category: categoryName,
    start: isoInstant,
    end: isoInstant,
    note: entryNote.optional(),
  })
  .strict()
  .superRefine(checkEntryTimes);

export const manualEntryPatch = z
  .object({
    label: entryLabel.optional(),
    category: categoryName.optional(),
    start: isoInstant.optional(),
    end: isoInstant.optional(),
    note: entryNote.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .superRefine(checkEntryTimes);

export const manualEntriesQuery = z
  .object({ from: isoInstant, to: isoInstant })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] });

export interface GoalBody {
  category: string;
  direction: GoalDirection;
  period: GoalPeriod;
  target_ms: number;
}
export type GoalPatch = Partial<GoalBody>;

/** From one minute to the whole period. */
const goalTarget = z
  .number()
  .int()
  .min(60_000, 'at least one minute')
  .max(7 * 86_400_000, 'at most a week');
const goalShape = {
  category: categoryName,
  direction: z.enum(GOAL_DIRECTIONS),
  period: z.enum(GOAL_PERIODS),
  target_ms: goalTarget,
};
function checkGoalTarget(
  b: { period?: GoalPeriod | undefined; target_ms?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (b.period === 'day' && b.target_ms !== undefined && b.target_ms > 86_400_000)
    ctx.addIssue({ code: 'custom', path: ['target_ms'], message: 'a daily goal is at most 24 hours' });
}
export const goalBody = z.object(goalShape).strict().superRefine(checkGoalTarget);
export const goalPatch = z
  .object({
    category: goalShape.category.optional(),
    direction: goalShape.direction.optional(),
    period: goalShape.period.optional(),
    target_ms: goalShape.target_ms.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .superRefine(checkGoalTarget);

export const goalsQuery = z.object({ tz: z.string().min(1).max(64).default('UTC') });

interface Endpoint<P, Q, B, R> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  auth: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** HTTP status of success. */
  status: number;
  /** Type-only marker of the response. */
  response?: R;
}

function endpoint<P = undefined, Q = undefined, B = undefined, R = unknown>(e: Endpoint<P, Q, B, R>) {
  return e;
}

export const api = {
  health: endpoint<undefined, undefined, undefined, Health>({
    ...ROUTES.health,
  }),
  pairing: endpoint<undefined, undefined, undefined, Pairing>({
    ...ROUTES.pairing,
  }),
  postBrowserEvents: endpoint<undefined, undefined, z.infer<typeof batchEnvelopeSchema>, IngestResult>({
    ...ROUTES.postBrowserEvents,
    body: batchEnvelopeSchema,
  }),
  postWindowEvents: endpoint<undefined, undefined, z.infer<typeof batchEnvelopeSchema>, IngestResult>({
    ...ROUTES.postWindowEvents,
    body: batchEnvelopeSchema,
  }),
  postIdleEvents: endpoint<undefined, undefined, z.infer<typeof batchEnvelopeSchema>, IngestResult>({
    ...ROUTES.postIdleEvents,
    body: batchEnvelopeSchema,
  }),
  listCategories: endpoint<undefined, undefined, undefined, Category[]>({
    ...ROUTES.listCategories,
  }),
  createCategory: endpoint<
    undefined,
    undefined,
    { name: string; productivity: Category['productivity'] },
    Category
  >({
    ...ROUTES.createCategory,
    body: z.object({ name: categoryName, productivity }).strict(),
  }),
  updateCategory: endpoint<
    { id: number },
    undefined,
    { name?: string | undefined; productivity?: Category['productivity'] | undefined },
    Category
  >({
    ...ROUTES.updateCategory,
    params: idParams,
    body: z
      .object({ name: categoryName.optional(), productivity: productivity.optional() })
      .strict()
      .refine((b) => b.name !== undefined || b.productivity !== undefined, { message: 'nothing to change' }),
  }),
  setSubjectCategory: endpoint<
    { kind: SubjectTotal['kind']; name: string },
    undefined,
    { category: string | null },
    SubjectCategory
  >({
    ...ROUTES.setSubjectCategory,
    params: subjectParams,
    body: z.object({ category: categoryName.nullable() }).strict(),
  }),
  resetSubjectCategory: endpoint<
    { kind: SubjectTotal['kind']; name: string },
    undefined,
    Record<string, never>,
    SubjectCategory
  >({
    ...ROUTES.resetSubjectCategory,
    params: subjectParams,
    body: z.object({}).strict(),
  }),
  report: endpoint<undefined, z.infer<typeof reportQuery>, undefined, Report>({
    ...ROUTES.report,
    query: reportQuery,
  }),
  timeline: endpoint<undefined, z.infer<typeof timelineQuery>, undefined, Timeline>({
    ...ROUTES.timeline,
    query: timelineQuery,
  }),
  getPause: endpoint<undefined, undefined, undefined, PauseStatus>({
    ...ROUTES.getPause,
  }),
  setPause: endpoint<undefined, undefined, PauseBody, PauseStatus>({
    ...ROUTES.setPause,
    body: pauseBody,
  }),
  /** The body is an empty JSON object: every POST must be application/json (see app/server/security.ts). */
  resume: endpoint<undefined, undefined, Record<string, never>, PauseStatus>({
    ...ROUTES.resume,
    body: z.object({}).strict(),
  }),
  listRules: endpoint<undefined, undefined, undefined, Rule[]>({
    ...ROUTES.listRules,
  }),
  createRule: endpoint<undefined, undefined, RuleBody, Rule>({
    ...ROUTES.createRule,
    body: ruleBody,
  }),
  updateRule: endpoint<{ id: number }, undefined, RulePatch, Rule>({
    ...ROUTES.updateRule,
    params: idParams,
    body: rulePatch,
  }),
  deleteRule: endpoint<{ id: number }, undefined, undefined, Deleted>({
    ...ROUTES.deleteRule,
    params: idParams,
  }),
  listSuggestions: endpoint<undefined, undefined, undefined, Suggestion[]>({
    ...ROUTES.listSuggestions,
  }),
  listManualEntries: endpoint<undefined, z.infer<typeof manualEntriesQuery>, undefined, ManualEntry[]>({
    ...ROUTES.listManualEntries,
    query: manualEntriesQuery,
  }),
  createManualEntry: endpoint<undefined, undefined, ManualEntryBody, ManualEntry>({
    ...ROUTES.createManualEntry,
    body: manualEntryBody,
  }),
  updateManualEntry: endpoint<{ id: number }, undefined, ManualEntryPatch, ManualEntry>({
    ...ROUTES.updateManualEntry,
    params: idParams,
    body: manualEntryPatch,
  }),
  deleteManualEntry: endpoint<{ id: number }, undefined, undefined, Deleted>({
    ...ROUTES.deleteManualEntry,
    params: idParams,
  }),
  listGoals: endpoint<undefined, z.infer<typeof goalsQuery>, undefined, GoalProgress[]>({
    ...ROUTES.listGoals,
    query: goalsQuery,
  }),
  createGoal: endpoint<undefined, undefined, GoalBody, Goal>({
    ...ROUTES.createGoal,
    body: goalBody,
  }),
  updateGoal: endpoint<{ id: number }, undefined, GoalPatch, Goal>({
    ...ROUTES.updateGoal,
    params: idParams,
    body: goalPatch,
  }),
  deleteGoal: endpoint<{ id: number }, undefined, undefined, Deleted>({
    ...ROUTES.deleteGoal,
    params: idParams,
  }),
  getSettings: endpoint<undefined, undefined, undefined, SettingsView>({
    ...ROUTES.getSettings,
  }),
  updateSettings: endpoint<undefined, undefined, SettingsPatch, SettingsView>({
    ...ROUTES.updateSettings,
    body: settingsPatch,
  }),
} as const;

export type Api = typeof api;
// The route table and this map name the same calls (checked both ways at compile time).
const _everyRouteHasSchemas: Record<RouteName, unknown> = api;
const _everyEntryHasARoute: Record<keyof Api, unknown> = ROUTES;
export type ApiName = keyof Api;
type Parts<K extends ApiName> =
  Api[K] extends Endpoint<infer P, infer Q, infer B, infer R> ? [P, Q, B, R] : never;
export type ApiParams<K extends ApiName> = Parts<K>[0];
export type ApiQuery<K extends ApiName> = Parts<K>[1];
export type ApiBody<K extends ApiName> = Parts<K>[2];
export type ApiResponse<K extends ApiName> = Parts<K>[3];

/** What a transport hands a handler once the request has been validated. */
export interface ApiRequest<K extends ApiName> {
  params: ApiParams<K>;
  query: ApiQuery<K>;
  body: ApiBody<K>;
}

/** One function per endpoint; the server and Electron's IPC both serve this map. */
export type ApiHandlers = {
  [K in ApiName]: (req: ApiRequest<K>) => ApiResponse<K> | Promise<ApiResponse<K>>;
};
