import { describe, expect, it } from 'vitest';
import { createExclusions, createLiveExclusions } from './exclusions.ts';

describe('exclusions', () => {
  const x = createExclusions({
    apps: ['KeePassXC', 'banking.exe'],
    domains: ['bank.example', '*.health.test'],
  });

  it('match apps by name, case-insensitively, with or without .exe', () => {
    expect(x.excludesApp('keepassxc')).toBe(true);
    expect(x.excludesApp('Banking')).toBe(true);
    expect(x.excludesApp('KeePass')).toBe(false);
  });

  it('match a domain and its subdomains, nothing else', () => {
    expect(x.excludesDomain('bank.example')).toBe(true);
    expect(x.excludesDomain('www.Bank.example')).toBe(true);
    expect(x.excludesDomain('notbank.example')).toBe(false);
    expect(x.excludesDomain('my.health.test')).toBe(true);
    expect(x.excludesDomain('health.test')).toBe(true);
  });

  it('exclude nothing by default', () => {
    const none = createExclusions({});
    expect(none.excludesApp('Code')).toBe(false);
    expect(none.excludesDomain('github.com')).toBe(false);
  });
});

describe('live exclusions', () => {
  it('answer from the lists they were last given', () => {
    const live = createLiveExclusions({ apps: ['KeePassXC'] });
    expect(live.excludesApp('keepassxc')).toBe(true);
    expect(live.excludesDomain('bank.example')).toBe(false);
    live.replace({ domains: ['bank.example'] });
    expect(live.excludesApp('keepassxc')).toBe(false);
    expect(live.excludesDomain('www.bank.example')).toBe(true);
  });
});
