/**
 * `timeaudit rules`: the category rules in the order they are tried; add, edit, move and delete them, as the
 * dashboard's Rules card does (through the daemon when it runs: app/cli/write-through.ts). Positions are shown
 * and taken from 1 (the first rule tried); the API counts them from 0.
 */
import { ruleBody, rulePatch, type RuleBody, type RulePatch } from '../shared/api/index.ts';
import { MATCHES_OF, RULE_FIELDS, type Rule, type RuleField } from '../shared/planning.ts';
import { table } from './report-table.ts';
import { CommandArgumentError, checked, parseId, withStore, writeThrough } from './write-through.ts';

export interface RuleFields {
  field?: string | undefined;
  match?: string | undefined;
  pattern?: string | undefined;
  category?: string | undefined;
  position?: string | undefined;
}

interface Options {
  dataDir: string;
  json?: boolean | undefined;
}

const OPTION_NAMES = { field: '--field', match: '--match', pattern: 'the pattern', category: '--category' };

function position(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 1_000_000)
    throw new CommandArgumentError(`position "${text}" must be a whole number from 1 (tried first)`);
  return n - 1;
}

function ruleFields(opts: RuleFields): Partial<RuleBody> {
  const body: Record<string, unknown> = {};
  if (opts.field !== undefined) body.field = opts.field;
  if (opts.match !== undefined) body.match = opts.match;
  if (opts.pattern !== undefined) body.pattern = opts.pattern;
  if (opts.category !== undefined) body.category = opts.category;
  if (opts.position !== undefined) body.position = position(opts.position);
  return body as Partial<RuleBody>;
}

/** `1. app exact "slack" → Social (unproductive)`. */
export function describeRule(rule: Rule): string {
  return `#${rule.id} at ${rule.position + 1}: ${rule.field} ${rule.match} "${rule.pattern}" → ${rule.category}`;
}

/** `timeaudit rules [list]`. */
export function rulesListCommand(opts: Options): void {
  const rules = withStore(opts.dataDir, (store) => store.listRules());
  if (opts.json) {
    console.log(JSON.stringify(rules, null, 2));
    return;
  }
  if (rules.length === 0) {
    console.log('No rules yet: add one with `timeaudit rules add`.');
    return;
  }
  console.log(
    table(
      ['order', 'id', 'field', 'match', 'pattern', 'category', 'productivity'],
      rules.map((r) => [
        String(r.position + 1),
        String(r.id),
        r.field,
        r.match,
        r.pattern,
        r.category,
        r.productivity,
      ]),
      [0, 1],
    ),
  );
  console.log(
    '\nTried from the top; the first that matches decides. Move one with `timeaudit rules move ID POSITION`.',
  );
}

/** `timeaudit rules add PATTERN --field F [--match M] --category C [--position N]`. */
export async function rulesAddCommand(pattern: string, opts: RuleFields & Options): Promise<void> {
  const fields = ruleFields({ ...opts, pattern });
  // The first match a field allows is its usual one: an app's exact name, a domain with its subdomains.
  if (fields.match === undefined && RULE_FIELDS.includes(fields.field as RuleField))
    fields.match = MATCHES_OF[fields.field as RuleField][0];
  const body = checked(ruleBody, fields, OPTION_NAMES);
  const rule = await writeThrough(
    opts.dataDir,
    'rules',
    (store) => store.createRule(body),
    (api) => api.createRule({ body }),
  );
  print(opts, rule, `Added rule ${describeRule(rule)}`);
}

/** `timeaudit rules edit ID [--field] [--match] [--pattern] [--category] [--position]`. */
export async function rulesEditCommand(idText: string, opts: RuleFields & Options): Promise<void> {
  const id = parseId(idText, 'rule');
  const fields = ruleFields(opts);
  if (Object.keys(fields).length === 0)
    throw new CommandArgumentError(
      'nothing to change: give --field, --match, --pattern, --category or --position',
    );
  await change(id, checked(rulePatch, fields, OPTION_NAMES), opts, 'Updated');
}

/** `timeaudit rules move ID POSITION`: the rule is tried at that place (1: first). */
export async function rulesMoveCommand(idText: string, to: string, opts: Options): Promise<void> {
  await change(parseId(idText, 'rule'), { position: position(to) }, opts, 'Moved');
}

async function change(id: number, body: RulePatch, opts: Options, verb: string): Promise<void> {
  const rule = await writeThrough(
    opts.dataDir,
    'rules',
    (store) => store.updateRule(id, body),
    (api) => api.updateRule({ params: { id }, body }),
  );
  print(opts, rule, `${verb} rule ${describeRule(rule)}`);
}

/** `timeaudit rules delete ID`. */
export async function rulesDeleteCommand(idText: string, opts: Options): Promise<void> {
  const id = parseId(idText, 'rule');
  const rule = withStore(opts.dataDir, (store) => store.listRules().find((r) => r.id === id));
  const deleted = await writeThrough(
    opts.dataDir,
    'rules',
    (store) => store.deleteRule(id),
    (api) => api.deleteRule({ params: { id } }),
  );
  print(opts, deleted, `Deleted rule ${rule ? describeRule(rule) : `#${id}`}`);
}

function print(opts: Options, value: unknown, text: string): void {
  console.log(opts.json ? JSON.stringify(value, null, 2) : text);
}
