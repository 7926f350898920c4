/**
 * The classifier against the demo data: how often a suggestion is right on subjects it has not been trained on.
 * It lives beside the demo data because that is what it measures; the classifier's own tests are in app/core.
 */
import { describe, expect, it } from 'vitest';
import {
  MIN_SUGGESTION_CONFIDENCE,
  NaiveBayes,
  subjectFeatures,
  worthSuggesting,
} from '../core/classifier.ts';
import { DEFAULT_CATEGORY_MAP, generateDays, mulberry32, type DefaultSubjectCategory } from './synthetic.ts';

function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const t of list) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return groups;
}

/** Splits each category's subjects 70/30 (stratified), shuffled with a fixed seed. */
function split(subjects: readonly DefaultSubjectCategory[], seed: number) {
  const random = mulberry32(seed);
  const byCategory = groupBy(subjects, (s) => s.category);
  const train: DefaultSubjectCategory[] = [];
  const test: DefaultSubjectCategory[] = [];
  for (const group of byCategory.values()) {
    const shuffled = group
      .map((s) => ({ s, r: random() }))
      .sort((a, b) => a.r - b.r)
      .map(({ s }) => s);
    const held = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * 0.3));
    test.push(...shuffled.slice(0, held));
    train.push(...shuffled.slice(held));
  }
  return { train, test };
}

/** The titles the demo data gives each app over two weeks: up to 50 distinct, the most recent first. */
function demoTitles(): Map<string, string[]> {
  const titles = new Map<string, Set<string>>();
  const days = [...generateDays({ firstDay: 20_454, days: 14 }, 7)].reverse();
  for (const day of days) {
    for (const e of [...day.window].reverse()) {
      const seen = titles.get(e.app) ?? new Set<string>();
      if (seen.size < 50) seen.add(e.title);
      titles.set(e.app, seen);
    }
  }
  return new Map([...titles].map(([app, set]) => [app, [...set]]));
}

describe('classifier accuracy on the demo data', () => {
  it('predicts held-out demo subjects clearly better than the majority class', () => {
    const titles = demoTitles();
    const features = (s: DefaultSubjectCategory) => subjectFeatures(s.kind, s.name, titles.get(s.name) ?? []);
    const { train, test } = split(DEFAULT_CATEGORY_MAP, 20_260_504);
    const model = NaiveBayes.train(train.map((s) => ({ features: features(s), label: s.category })));

    const counts = groupBy(train, (s) => s.category);
    const majority = [...counts].reduce((a, b) => (b[1].length > a[1].length ? b : a))[0];
    const baseline = test.filter((s) => s.category === majority).length / test.length;
    const results = test.map((s) => ({ s, p: model.predict(features(s)) }));
    const right = (list: typeof results) => list.filter((r) => r.p?.label === r.s.category).length;
    const accuracy = right(results) / test.length;
    const pct = (x: number) => `${Math.round(x * 100)}%`;

    const apps = results.filter((r) => r.s.kind === 'app');
    const domains = results.filter((r) => r.s.kind === 'domain');
    const offered = results.filter((r) => worthSuggesting(r.p));
    // eslint-disable-next-line no-console -- the measured figure is what this test is for
    console.log(
      `classifier accuracy on held-out demo subjects: ${pct(accuracy)} (n=${test.length}, majority-class baseline ${pct(baseline)})\n` +
        `  apps ${pct(right(apps) / apps.length)} (n=${apps.length}), domains ${pct(right(domains) / domains.length)} ` +
        `(n=${domains.length}); worth suggesting (confidence >= ${MIN_SUGGESTION_CONFIDENCE}, some evidence): ${pct(offered.length / test.length)} offered, ` +
        `${pct(right(offered) / Math.max(1, offered.length))} of them right`,
    );

    expect(test.length).toBeGreaterThan(40);
    expect(accuracy).toBeGreaterThanOrEqual(baseline + 0.1);
    // What the suggestions' threshold lets through is mostly right.
    expect(right(offered) / offered.length).toBeGreaterThanOrEqual(0.8);
  });
});
