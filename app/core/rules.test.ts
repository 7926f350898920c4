import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileRules, ruleProblem, type RuleSpec } from './rules.ts';

const rule = (id: string, field: RuleSpec['field'], match: RuleSpec['match'], pattern: string) => ({
  id,
  field,
  match,
  pattern,
});

afterEach(() => vi.restoreAllMocks());

describe('compileRules', () => {
  it('matches a domain and all of its subdomains, never a name that merely ends alike', () => {
    const m = compileRules([rule('ex', 'domain', 'domain', 'example.com')]);
    expect(m.firstMatch('domain', 'example.com')?.id).toBe('ex');
    expect(m.firstMatch('domain', 'a.b.example.com')?.id).toBe('ex');
    expect(m.firstMatch('domain', 'WWW.Example.COM')?.id).toBe('ex');
    expect(m.firstMatch('domain', 'badexample.com')).toBeNull();
    expect(m.firstMatch('domain', 'example.com.evil.test')).toBeNull();
    expect(m.firstMatch('domain', 'example.co')).toBeNull();
  });

  it('reads "*.example.com" and ".example.com" as the domain with its subdomains', () => {
    for (const pattern of ['*.example.com', '.example.com']) {
      const m = compileRules([rule('ex', 'domain', 'domain', pattern)]);
      expect(m.firstMatch('domain', 'example.com')?.id).toBe('ex');
      expect(m.firstMatch('domain', 'docs.example.com')?.id).toBe('ex');
      expect(m.firstMatch('domain', 'notexample.com')).toBeNull();
    }
  });

  it('matches regular expressions against the whole name, ignoring case', () => {
    const m = compileRules([
      rule('docs', 'domain', 'regex', '^docs\\.'),
      rule('jet', 'app', 'regex', '(intellij|pycharm|webstorm)'),
    ]);
    expect(m.firstMatch('domain', 'docs.python.org')?.id).toBe('docs');
    expect(m.firstMatch('domain', 'DOCS.rs')?.id).toBe('docs');
    expect(m.firstMatch('domain', 'mydocs.example')).toBeNull();
    expect(m.firstMatch('app', 'PyCharm Professional')?.id).toBe('jet');
    expect(m.firstMatch('app', 'IntelliJ IDEA')?.id).toBe('jet');
    expect(m.firstMatch('app', 'Code')).toBeNull();
  });

  it('matches exact app names and substrings ignoring case', () => {
    const m = compileRules([rule('code', 'app', 'exact', 'Code'), rule('slack', 'app', 'contains', 'SLACK')]);
    expect(m.firstMatch('app', 'code')?.id).toBe('code');
    expect(m.firstMatch('app', 'Code - Insiders')).toBeNull();
    expect(m.firstMatch('app', 'Slack Beta')?.id).toBe('slack');
    expect(m.firstMatch('app', 'slack')?.id).toBe('slack');
    const d = compileRules([rule('wiki', 'domain', 'contains', 'Wiki')]);
    expect(d.firstMatch('domain', 'en.wikipedia.org')?.id).toBe('wiki');
    expect(d.firstMatch('domain', 'github.com')).toBeNull();
  });

  it('lets the first rule in order decide', () => {
    const rules = [
      rule('specific', 'domain', 'domain', 'docs.google.com'),
      rule('broad', 'domain', 'domain', 'google.com'),
    ];
    expect(compileRules(rules).firstMatch('domain', 'docs.google.com')?.id).toBe('specific');
    expect(compileRules(rules).firstMatch('domain', 'mail.google.com')?.id).toBe('broad');
    expect(compileRules([...rules].reverse()).firstMatch('domain', 'docs.google.com')?.id).toBe('broad');
  });

  it('keeps app rules to apps and domain rules to domains, and never matches manual subjects', () => {
    const m = compileRules([rule('app', 'app', 'contains', 'git'), rule('dom', 'domain', 'contains', 'hub')]);
    expect(m.firstMatch('domain', 'github.com')?.id).toBe('dom');
    expect(m.firstMatch('app', 'GitHub Desktop')?.id).toBe('app');
    expect(m.firstMatch('app', 'Hub')).toBeNull();
    expect(m.firstMatch('manual', 'git workshop')).toBeNull();
  });

  it('evaluates each subject once per rule set, with the same answers from the cache', () => {
    const test = vi.spyOn(RegExp.prototype, 'test');
    const m = compileRules([
      rule('news', 'domain', 'regex', 'news|times'),
      rule('dev', 'domain', 'domain', 'github.com'),
    ]);
    const names = ['nytimes.com', 'github.com', 'news.ycombinator.com', 'example.org'];
    const first = names.map((n) => m.firstMatch('domain', n)?.id ?? null);
    const calls = test.mock.calls.length;
    expect(calls).toBe(names.length); // the regex rule comes first: one test per subject
    for (let i = 0; i < 1000; i++) {
      expect(names.map((n) => m.firstMatch('domain', n)?.id ?? null)).toEqual(first);
    }
    expect(test.mock.calls.length).toBe(calls);
    expect(first).toEqual(['news', 'dev', 'news', null]);
    // A fresh rule set starts with an empty cache.
    expect(
      compileRules([rule('dev', 'domain', 'domain', 'github.com')]).firstMatch('domain', 'nytimes.com'),
    ).toBeNull();
  });

  it('has nothing to match with no rules', () => {
    expect(compileRules([]).firstMatch('app', 'Code')).toBeNull();
  });
});

describe('ruleProblem', () => {
  it('names a match the field does not allow, and a regex that does not compile', () => {
    expect(ruleProblem({ field: 'app', match: 'domain', pattern: 'x' })).toMatchObject({ field: 'match' });
    expect(ruleProblem({ field: 'domain', match: 'exact', pattern: 'x' })).toMatchObject({ field: 'match' });
    expect(ruleProblem({ field: 'app', match: 'regex', pattern: '(' })).toMatchObject({ field: 'pattern' });
    expect(ruleProblem({ field: 'domain', match: 'regex', pattern: '^a+$' })).toBeNull();
    expect(ruleProblem({ field: 'app', match: 'contains', pattern: '(' })).toBeNull();
  });
});
