import { expect, test } from '@playwright/test';
import { record, redo, startHistory, undo } from '../../src/renderer/state/plan-history';

test('undo and redo walk back and forth through edits; a new edit drops what could be redone', () => {
  let h = startHistory('a');
  h = record(h, 'b', 'name', 0);
  h = record(h, 'c', 'strategy', 5000);
  expect(h.present).toBe('c');
  h = undo(h);
  expect(h.present).toBe('b');
  h = undo(h);
  expect(h.present).toBe('a');
  expect(undo(h)).toBe(h);
  h = redo(h);
  expect(h.present).toBe('b');
  h = record(h, 'd', 'moment', 9000);
  expect(h.future).toEqual([]);
  expect(redo(h)).toBe(h);
  expect(undo(h).present).toBe('b');
});

test('typing in one field merges into one step; another field or a pause starts a new one', () => {
  let h = startHistory('');
  h = record(h, 'H', 'subject', 0);
  h = record(h, 'He', 'subject', 300);
  h = record(h, 'Hello', 'subject', 900);
  expect(undo(h).present).toBe('');
  h = record(h, 'Hello!', 'subject', 5000);
  expect(undo(h).present).toBe('Hello');
  expect(record(h, 'Hello!', 'body', 5100)).toBe(h);
  h = record(h, 'Hello!?', 'body', 5200);
  expect(h.past).toEqual(['', 'Hello', 'Hello!']);
});
