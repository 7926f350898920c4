import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { createLiveRedaction, createRedaction, NO_REDACTION_POLICY, redactTitle } from './redaction.ts';

const defaults = createRedaction(DEFAULT_SETTINGS);

describe('redactTitle under the default settings', () => {
  it.each([
    ['KeePassXC', 'Passwords.kdbx [Locked] - KeePassXC', '[hidden]'],
    ['keepassxc', 'bank - KeePassXC', '[hidden]'],
    ['1Password.exe', 'Vault', '[hidden]'],
    ['Bitwarden', 'My vault', '[hidden]'],
    ['Firefox', 'News — Mozilla Firefox Private Browsing', '[hidden]'],
    ['Google-chrome', 'Sale - Google Chrome (INCOGNITO)', '[hidden]'],
    ['Thunderbird', 'Re: invoice 20231187 - ann.lee+work@mail.example.org', 'Re: invoice [number] - [email]'],
    ['Code', 'PROJ-12345 main.ts — 2026', 'PROJ-12345 main.ts — 2026'],
    ['Slack', 'call +44 7700 90012 ok', 'call +44 7700 90012 ok'],
    ['Slack', 'card 4111111111111111', 'card [number]'],
    ['KeePassXC', '', ''],
  ])('%s "%s" → "%s"', (app, title, stored) => {
    expect(defaults.redact(app, title)).toBe(stored);
  });

  it('keeps a title untouched when nothing applies', () => {
    expect(redactTitle('Firefox', 'Private Browsing', NO_REDACTION_POLICY)).toBe('Private Browsing');
  });
});

describe('the user’s patterns', () => {
  it('replace each non-empty match with [hidden], ignoring case', () => {
    const r = createRedaction({ ...NO_REDACTION_POLICY, redactPatterns: ['client-[a-z]+'] });
    expect(r.redact('Code', 'Client-Acme notes for client-beta')).toBe('[hidden] notes for [hidden]');
  });

  it('are refused when RE2 cannot run them or they match an empty text', () => {
    expect(() => createRedaction({ ...NO_REDACTION_POLICY, redactPatterns: ['(a)\\1'] })).toThrow(
      /backreferences/,
    );
    expect(() => createRedaction({ ...NO_REDACTION_POLICY, redactPatterns: ['a*'] })).toThrow(/empty text/);
  });

  it('take linear time on a hostile title', () => {
    const r = createRedaction({ ...NO_REDACTION_POLICY, redactPatterns: ['(a+)+$'], redactEmails: true });
    const title = `${'a'.repeat(5000)}!`;
    expect(r.redact('Firefox', title)).toBe(title);
  });
});

describe('a live redaction', () => {
  it('follows a replaced policy at once', () => {
    const live = createLiveRedaction(NO_REDACTION_POLICY);
    expect(live.redact('Signal', 'Chat with Zoë')).toBe('Chat with Zoë');
    live.replace({ ...NO_REDACTION_POLICY, privateApps: ['Signal'] });
    expect(live.redact('Signal', 'Chat with Zoë')).toBe('[hidden]');
  });
});
