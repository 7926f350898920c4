/**
 * How long a rule's regex takes on input built to make it slow: `(a+)+$` against "aaaa…a!" titles. Prints the
 * time RE2 (what rules use, app/shared/rule-regex.ts) takes for one title, and a whole report over the HTTP-less
 * store with one such title per minute, next to JavaScript's backtracking RegExp on far shorter titles.
 * Figures are printed, never asserted.
 *
 *   node bench/regex-rules.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileRuleRegex } from '../app/shared/rule-regex.ts';
import { Store } from '../app/db/store.ts';
import { ms, table } from './measure.ts';

const PATTERN = '(a+)+$';
const title = (length: number) => `${'a'.repeat(length - 1)}!`;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const rows: string[][] = [['title length', 'RE2, first test', 'RE2, again', 'RegExp']];
const re2 = compileRuleRegex(PATTERN);
for (const length of [18, 20, 22, 24, 30, 100, 1000, 2048, 5000, 100_000]) {
  const text = title(length);
  const first = time(() => re2.test(text));
  const again = time(() => re2.test(text));
  // Backtracking doubles with each character: only the short ones are measured.
  const regExp = length <= 24 ? ms(time(() => new RegExp(PATTERN, 'i').test(text))) : 'not run';
  rows.push([String(length), ms(first), ms(again), regExp]);
}
console.log(`== ${PATTERN} against "aaa…a!" ==`);
console.log(table(rows));

const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-bench-regex-'));
try {
  const t0 = Date.UTC(2026, 0, 5);
  const store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => t0 + 86_400_000 });
  store.createCategory('Suspicious', 'unproductive');
  const lengths = Array.from({ length: 500 }, (_, i) => 30 + i * 10);
  lengths.forEach((length, i) =>
    store.saveTrackedWindow({
      eventId: `w${i}`,
      app: 'Browser',
      title: title(length),
      startMs: t0 + i * 60_000,
      endMs: t0 + (i + 1) * 60_000,
    }),
  );
  const ruleMs = time(() =>
    store.createRule({ field: 'title', match: 'regex', pattern: PATTERN, category: 'Suspicious' }),
  );
  const reportMs = time(() => store.report({ fromMs: t0, toMs: t0 + 86_400_000, tz: 'UTC' }));
  console.log(
    `\n500 titles of 30–5020 characters: adding the rule ${ms(ruleMs)}, then the report ${ms(reportMs)}`,
  );
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
