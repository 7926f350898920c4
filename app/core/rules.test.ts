import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileRules, ruleProblem, type RuleSpec, type TitleTestCounter } from './rules.ts';
import { RE2JS } from 're2js';

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
    const test = vi.spyOn(RE2JS.prototype, 'test');
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

describe('title rules', () => {
  it('give window time whose title matches a subject of its own, by substring or regex, ignoring case', () => {
    const m = compileRules([
      rule('jira', 'title', 'contains', 'JIRA'),
      rule('audit', 'title', 'regex', 'time-?audit$'),
    ]);
    expect(m.byTitle).toBe(true);
    expect(m.subjectOf('Code', 'PROJ-12 · jira board')).toBe('Code — JIRA');
    expect(m.subjectOf('Firefox', 'Jira - Mozilla Firefox')).toBe('Firefox — JIRA');
    expect(m.subjectOf('Code', 'store.ts — Time-Audit')).toBe('Code — time-?audit$');
    expect(m.subjectOf('Terminal', 'zsh — ~/src/timeaudit')).toBe('Terminal — time-?audit$');
    expect(m.subjectOf('Code', 'time-audit/README.md')).toBe('Code'); // the regex wants it at the end
    expect(m.subjectOf('Code', '')).toBe('Code');
    // The pattern as written, trimmed: the subject is named the same whatever the spacing around it.
    expect(compileRules([rule('x', 'title', 'contains', '  jira ')]).subjectOf('Code', 'Jira')).toBe(
      'Code — jira',
    );
  });

  it('are tried in order among themselves, whatever rules of other fields lie between', () => {
    const rules = [
      rule('board', 'title', 'contains', 'board'),
      rule('app', 'app', 'contains', 'code'),
      rule('jira', 'title', 'contains', 'jira'),
    ];
    expect(compileRules(rules).subjectOf('Code', 'Jira board')).toBe('Code — board');
    expect(compileRules(rules).subjectOf('Code', 'Jira issue')).toBe('Code — jira');
    expect(compileRules([...rules].reverse()).subjectOf('Code', 'Jira board')).toBe('Code — jira');
    expect(compileRules(rules).titleKey).not.toBe(compileRules([...rules].reverse()).titleKey);
  });

  it('name their subjects so that those get the title rule’s category, before any app rule', () => {
    const m = compileRules([
      rule('code', 'app', 'contains', 'code'),
      rule('jira', 'title', 'contains', 'Jira'),
      rule('rx', 'title', 'regex', '^PR #\\d+'),
    ]);
    expect(m.firstMatch('app', 'Code — Jira')?.id).toBe('jira');
    expect(m.firstMatch('app', 'code — JIRA')?.id).toBe('jira'); // the pattern's case does not matter
    expect(m.firstMatch('app', 'Slack — jira')?.id).toBe('jira');
    expect(m.firstMatch('app', 'Code — ^PR #\\d+')?.id).toBe('rx');
    expect(m.firstMatch('app', 'Code')?.id).toBe('code');
    expect(m.firstMatch('app', 'Code — jira board')?.id).toBe('code'); // another pattern: not its subject
    expect(m.firstMatch('app', 'Jira')).toBeNull();
    expect(m.firstMatch('domain', 'jira.example.com')).toBeNull();
  });

  it('leave app and domain rules to apps and domains, and these leave titles alone', () => {
    const m = compileRules([
      rule('app', 'app', 'contains', 'jira'),
      rule('dom', 'domain', 'contains', 'jira'),
      rule('title', 'title', 'contains', 'board'),
    ]);
    expect(m.firstMatch('app', 'Jira Desktop')?.id).toBe('app');
    expect(m.firstMatch('domain', 'jira.example.com')?.id).toBe('dom');
    expect(m.firstMatch('app', 'Sprint board')).toBeNull(); // a title rule is not an app rule
    expect(m.subjectOf('Jira Desktop', 'PROJ-1 jira')).toBe('Jira Desktop');
    const none = compileRules([rule('app', 'app', 'contains', 'jira')]);
    expect(none.byTitle).toBe(false);
    expect(none.subjectOf('Code', 'jira')).toBe('Code');
    // Only the title rules make the key: other rules, and categories, never move window time.
    expect(compileRules([rule('t', 'title', 'contains', 'board')]).titleKey).toBe(m.titleKey);
    expect(none.titleKey).toBe(compileRules([]).titleKey);
  });

  it('match each distinct title once per rule set: N events with K titles cost at most K evaluations', () => {
    const counter: TitleTestCounter = { count: 0 };
    const m = compileRules(
      [rule('jira', 'title', 'regex', 'jira|confluence'), rule('board', 'title', 'contains', 'board')],
      { counter },
    );
    const titles = ['PROJ-1 jira', 'Sprint board', 'README.md', 'Confluence — Space', 'Inbox (3)', ''];
    const subjects = titles.map((t) => m.subjectOf('Code', t));
    const rulesTried = counter.count;
    // One title rule tested for the titles the first one matches, both for the others.
    expect(rulesTried).toBe(2 + 2 * 4);
    for (let i = 0; i < 100_000; i++) {
      expect(m.subjectOf('Code', titles[i % titles.length]!)).toBe(subjects[i % titles.length]);
    }
    expect(counter.count).toBe(rulesTried);
    expect(subjects).toEqual([
      'Code — jira|confluence',
      'Code — board',
      'Code',
      'Code — jira|confluence',
      'Code',
      'Code',
    ]);
    // The title decides, whatever the app: another app with a title seen before costs nothing more.
    expect(m.subjectOf('Terminal', 'PROJ-1 jira')).toBe('Terminal — jira|confluence');
    expect(m.subjectOf('Terminal', 'README.md')).toBe('Terminal');
    expect(counter.count).toBe(rulesTried);
  });
});

describe('ruleProblem', () => {
  it('names a match the field does not allow, and a regex that does not compile', () => {
    expect(ruleProblem({ field: 'app', match: 'domain', pattern: 'x' })).toMatchObject({ field: 'match' });
    expect(ruleProblem({ field: 'domain', match: 'exact', pattern: 'x' })).toMatchObject({ field: 'match' });
    expect(ruleProblem({ field: 'app', match: 'regex', pattern: '(' })).toMatchObject({ field: 'pattern' });
    expect(ruleProblem({ field: 'domain', match: 'regex', pattern: '^a+$' })).toBeNull();
    expect(ruleProblem({ field: 'app', match: 'contains', pattern: '(' })).toBeNull();
    expect(ruleProblem({ field: 'title', match: 'contains', pattern: 'jira' })).toBeNull();
    expect(ruleProblem({ field: 'title', match: 'regex', pattern: '^PR #\\d+' })).toBeNull();
    expect(ruleProblem({ field: 'title', match: 'regex', pattern: '[' })).toMatchObject({ field: 'pattern' });
    for (const match of ['exact', 'domain'] as const) {
      expect(ruleProblem({ field: 'title', match, pattern: 'x' })).toEqual({
        field: 'match',
        message: `a rule on window titles matches by contains or regex, not ${match}`,
      });
    }
  });
});
