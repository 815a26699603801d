import { expect, test } from '@playwright/test';
import { createMemo } from '../../src/core/plan/memo';

test('the memo forgets the result used least recently, so what every view reads stays while edits add keys', () => {
  const memo = createMemo(3);
  let computed = 0;
  const read = (key: string) => memo(key, () => (computed++, key));
  read('history');
  read('edit 1');
  read('edit 2');
  read('history'); // used again: now the most recent
  read('edit 3'); // over the limit: "edit 1" goes, not "history"
  expect(computed).toBe(4);
  read('history');
  expect(computed).toBe(4);
  read('edit 1');
  expect(computed).toBe(5);
});
