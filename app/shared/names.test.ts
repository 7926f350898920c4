import { describe, expect, it } from 'vitest';
import { foldName, hasControlCharacter, sameName, withoutControlCharacters } from './names.ts';

describe('names', () => {
  it('are the same ignoring case in any script, after canonical normalization', () => {
    const groups = [
      ['Été', 'été', 'ÉTÉ', 'e\u0301te\u0301', 'E\u0301TE\u0301'],
      ['\u212A', 'K', 'k'],
      ['Straße', 'STRASSE', 'strasse', 'STRAẞE'],
      ['ΟΔΟΣ', 'οδος', 'οδοσ'],
      ['ﬁle', 'FILE', 'File'],
      ['Ǆ', 'ǅ', 'ǆ'],
    ];
    for (const group of groups) for (const name of group) expect(foldName(name)).toBe(foldName(group[0]!));
    const keys = groups.map((g) => foldName(g[0]!));
    expect(new Set(keys).size).toBe(groups.length);
    expect(sameName('Dev', 'dev')).toBe(true);
    expect(sameName('İ', 'i')).toBe(false); // dotted capital I folds to i + a combining dot, not to i
    expect(sameName('Dev', 'Dev ')).toBe(false); // callers trim
  });

  it('hold no control character; observed text has them as spaces', () => {
    for (const c of ['\u0000', '\t', '\n', '\u001f', '\u007f', '\u0085', '\u009f'])
      expect(hasControlCharacter(`a${c}b`)).toBe(true);
    for (const text of ['Été', 'a b', '\u00a0', '\u200b', '😀', '\u2028'])
      expect(hasControlCharacter(text)).toBe(false);
    expect(withoutControlCharacters('a\u0000\u0001b\nc')).toBe('a b c');
  });
});
