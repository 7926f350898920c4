import { describe, expect, it } from 'vitest';
import { domainOf } from './domain.ts';

describe('domainOf', () => {
  it.each([
    ['https://github.com/org/repo?tab=issues#x', 'github.com'],
    ['http://Alpha.Example.test:8080/path', 'alpha.example.test'],
    ['https://www.bücher.de/', 'www.xn--bcher-kva.de'],
    ['http://127.0.0.1:47600/#token=abc', '127.0.0.1'],
  ])('keeps only the host of %s', (url, domain) => {
    expect(domainOf(url)).toBe(domain);
  });

  it.each([
    'chrome://newtab/',
    'chrome-extension://gepkbnabllhahbccecandpakdmijbphm/popup/popup.html',
    'file:///home/me/notes.html',
    'about:blank',
    'data:text/html,hi',
    'view-source:https://github.com/',
    'http://[::1]:8080/',
    'not a url',
    '',
    undefined,
  ])('does not track %s', (url) => {
    expect(domainOf(url)).toBeNull();
  });

  it('never tracks incognito tabs', () => {
    expect(domainOf('https://github.com/', true)).toBeNull();
  });
});
