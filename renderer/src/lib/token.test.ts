import { expect, it } from 'vitest';
import { tokenFromInput } from './token.ts';

it('takes the token itself, or the one in the dashboard link timeaudit serve prints', () => {
  expect(tokenFromInput('  abc_DEF-123  ')).toBe('abc_DEF-123');
  expect(tokenFromInput('http://127.0.0.1:47600/#token=abc_DEF-123')).toBe('abc_DEF-123');
  expect(tokenFromInput('http://localhost:39211/#x=1&token=t%2Bk')).toBe('t+k');
  expect(tokenFromInput('http://127.0.0.1:47600/')).toBeNull();
  expect(tokenFromInput('http://127.0.0.1:47600/#other=1')).toBeNull();
  expect(tokenFromInput('   ')).toBeNull();
});
