import { expect, it } from 'vitest';
import { readable } from './messages.ts';

it('drops the wire field prefix and the code marks, and starts with a capital', () => {
  expect(readable('idle_minutes: the away threshold must be at least 1', 'idle_minutes')).toBe(
    'The away threshold must be at least 1',
  );
  expect(readable('The app refused the token. Pair again with `timeaudit token`.')).toBe(
    'The app refused the token. Pair again with “timeaudit token”.',
  );
  // A prefix that is not the field stays: it is part of the sentence.
  expect(readable('name: taken', 'category')).toBe('Name: taken');
});
