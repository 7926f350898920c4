import { describe, expect, it } from 'vitest';
import { compileRules, ruleProblem, type RuleSpec } from './rules.ts';

const rule = (id: string, field: RuleSpec['field'], match: RuleSpec['match'], pattern: string) => ({
  id,
  field,
  match,
  pattern,
});

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

  it('answers the same however often and in whatever order it is asked, for apps and domains apart', () => {
    const m = compileRules([
      rule('news', 'domain', 'regex', 'news|times'),
      rule('dev', 'domain', 'domain', 'github.com'),
      rule('gh', 'app', 'exact', 'github'),
      rule('ed', 'app', 'regex', '^(vim|emacs)$'),
    ]);
    const asked: Array<['app' | 'domain', string, string | null]> = [
      ['domain', 'nytimes.com', 'news'],
      ['domain', 'github.com', 'dev'],
      ['app', 'github', 'gh'],
      ['domain', 'github', null], // the same name as an app, another kind: not the app's answer
      ['app', 'github.com', null],
      ['domain', 'news.ycombinator.com', 'news'],
      ['app', 'Vim', 'ed'],
      ['app', 'vim ', null], // the regex sees the name as given, trailing space and all
      ['domain', 'example.org', null],
    ];
    const answers = () => asked.map(([kind, name]) => m.firstMatch(kind, name)?.id ?? null);
    const expected = asked.map(([, , id]) => id);
    expect(answers()).toEqual(expected);
    for (let i = 0; i < 50; i++) expect(answers()).toEqual(expected);
    expect([...asked].reverse().map(([kind, name]) => m.firstMatch(kind, name)?.id ?? null)).toEqual(
      [...expected].reverse(),
    );
    // Names that differ only in case are different subjects with the same answer.
    expect(m.firstMatch('domain', 'NYTimes.com')?.id).toBe('news');
    expect(m.firstMatch('app', 'GitHub')?.id).toBe('gh');
    // Another rule set answers for itself, whatever the first one was asked.
    const other = compileRules([rule('dev', 'domain', 'domain', 'github.com')]);
    expect(other.firstMatch('domain', 'nytimes.com')).toBeNull();
    expect(other.firstMatch('app', 'github')).toBeNull();
  });

  it('keeps answering right for more distinct subjects than it remembers', () => {
    const m = compileRules([
      rule('even', 'domain', 'regex', '^s\\d*[02468]\\.test$'),
      rule('all', 'domain', 'domain', 'test'),
    ]);
    const wrong: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 120_000; i++) {
        const id = m.firstMatch('domain', `s${i}.test`)?.id;
        if (id !== (i % 2 === 0 ? 'even' : 'all')) wrong.push(`s${i}.test: ${id}`);
      }
    }
    expect(wrong).toEqual([]);
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

  it('answer the same for a title however often it is seen and whatever app shows it', () => {
    const m = compileRules([
      rule('jira', 'title', 'regex', 'jira|confluence'),
      rule('board', 'title', 'contains', 'board'),
    ]);
    const titles = [
      'PROJ-1 jira',
      'Sprint board',
      'README.md',
      'Confluence — Space',
      'Inbox (3)',
      '',
      'jira board',
    ];
    const expected = ['jira|confluence', 'board', null, 'jira|confluence', null, null, 'jira|confluence'];
    const apps = ['Code', 'Terminal', 'Firefox'];
    for (let i = 0; i < 3 * titles.length * apps.length; i++) {
      const title = titles[i % titles.length]!;
      const app = apps[Math.floor(i / titles.length) % apps.length]!;
      const pattern = expected[i % titles.length];
      expect(m.subjectOf(app, title)).toBe(pattern ? `${app} — ${pattern}` : app);
    }
    expect(m.subjectOf('Code', 'PROJ-1 JIRA')).toBe('Code — jira|confluence');
    expect(m.subjectOf('Code', 'Sprint boar d')).toBe('Code');
  });

  it('keep answering right for more distinct titles and apps than they remember', () => {
    const m = compileRules([
      rule('odd', 'title', 'regex', '[13579]$'),
      rule('ticket', 'title', 'contains', 'ticket'),
    ]);
    const wrong: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 220_000; i++) {
        const app = `app${i % 70_001}`;
        const subject = m.subjectOf(app, `ticket ${i}`);
        if (subject !== (i % 2 === 1 ? `${app} — [13579]$` : `${app} — ticket`)) wrong.push(subject);
      }
    }
    expect(wrong).toEqual([]);
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
