import { describe, expect, it } from 'vitest';
import { domainLabels, NaiveBayes, worthSuggesting, subjectFeatures, words } from './classifier.ts';

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
