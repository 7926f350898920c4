import { describe, expect, it } from 'vitest';
import {
  domainLabels,
  MIN_SUGGESTION_CONFIDENCE,
  NaiveBayes,
  worthSuggesting,
  subjectFeatures,
  words,
} from './classifier.ts';
import { DEFAULT_CATEGORY_MAP, generateDays, mulberry32, type DefaultSubjectCategory } from './synthetic.ts';

describe('tokens', () => {
  it('takes a domain’s labels without its public suffix, and trigrams of its main label', () => {
    expect(domainLabels('docs.python.org')).toEqual(['docs', 'python']);
    expect(domainLabels('www.bbc.co.uk')).toEqual(['bbc']);
    expect(domainLabels('localhost')).toEqual(['localhost']);
    expect(domainLabels('192.168.1.10')).toEqual([]);
    expect(subjectFeatures('domain', 'docs.rs')).toEqual(
      new Map([
        ['docs', 1],
        ['#_do', 0.25],
        ['#doc', 0.25],
        ['#ocs', 0.25],
        ['#cs_', 0.25],
      ]),
    );
  });

  it('takes the words of an app’s name and titles, without numbers, stop-words or short tokens', () => {
    expect(words('Inbox (12) — Re: the release plan')).toEqual(['inbox', 'release', 'plan']);
    const app = subjectFeatures('app', 'IntelliJ IDEA', ['store.ts — time-audit', 'zones.ts — time-audit']);
    expect([...app.keys()]).toEqual(['intellij', 'idea', 'store', 'time', 'audit', 'zones']);
    expect(new Set(app.values())).toEqual(new Set([1])); // once per subject, however many titles say it
  });
});

const bag = (...tokens: string[]) => new Map(tokens.map((t) => [t, 1]));

describe('NaiveBayes', () => {
  it('learns which tokens go with which label, and is unsure about what it has not seen', () => {
    const model = NaiveBayes.train([
      { features: bag('github', 'code'), label: 'dev' },
      { features: bag('gitlab', 'code'), label: 'dev' },
      { features: bag('news', 'times'), label: 'news' },
      { features: bag('news', 'post'), label: 'news' },
    ]);
    expect(model.predict(bag('code'))?.label).toBe('dev');
    expect(model.predict(bag('news', 'daily'))?.label).toBe('news');
    expect(model.predict(bag('code'))?.probability).toBeGreaterThan(0.7);
    expect(model.predict(bag('unknown'))).toEqual({ label: 'dev', probability: 0.5, evidence: 0 });
    expect(model.predict(bag('news', 'daily'))?.evidence).toBe(1);
    expect(model.labels).toBe(2);
    expect(worthSuggesting(model.predict(bag('code')))).toBe(true);
    expect(worthSuggesting(model.predict(bag('unknown')))).toBe(false);
    // The prior alone is no reason: most of what the user categorized being 'dev' says nothing of this subject.
    const skewed = NaiveBayes.train([
      ...['a', 'b', 'c', 'd'].map((t) => ({ features: bag(t), label: 'dev' })),
      { features: bag('e'), label: 'news' },
    ]);
    expect(skewed.predict(bag('unknown'))).toMatchObject({ label: 'dev', probability: 0.8, evidence: 0 });
    expect(worthSuggesting(skewed.predict(bag('unknown')))).toBe(false);
    expect(NaiveBayes.train([]).predict(bag('code'))).toBeNull();
  });

  it('weighs a token by its weight: a quarter of a token is a quarter of the evidence', () => {
    const model = NaiveBayes.train([
      { features: bag('inbox', 'mail'), label: 'mail' },
      { features: bag('chat', 'group'), label: 'chat' },
    ]);
    const whole = model.predict(bag('inbox'))?.probability ?? 0;
    const quarter = model.predict(new Map([['inbox', 0.25]]))?.probability ?? 0;
    expect(whole).toBeGreaterThan(quarter);
    expect(quarter).toBeGreaterThan(0.5);
    // log-odds scale with the weight
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(logit(quarter)).toBeCloseTo(logit(whole) / 4, 10);
  });
});

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
