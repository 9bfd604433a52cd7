import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableDate } from './readable-date.ts';

test('calendar values stay as they are; unanchored ones read as words; null is undated', () => {
  for (const value of ['2025', '2025-03', '2025-03-05', '2025-03-05T14:30']) assert.equal(readableDate(value), value);
  assert.equal(readableDate(null), 'undated');
  assert.equal(readableDate('XXXX-WXX-4'), 'a Thursday, date unknown');
  assert.equal(readableDate('2025-W10-1'), 'Monday of week 10, 2025');
  assert.equal(readableDate('2025-W10'), 'week 10 of 2025');
  assert.equal(readableDate('XXXX-11'), 'November, year unknown');
  assert.equal(readableDate('XXXX-12-14'), '14 December, year unknown');
  assert.equal(readableDate('FUTURE_REF'), 'in the future');
  assert.equal(readableDate('PRESENT_REF'), 'now');
  assert.equal(readableDate('2025-Q1'), 'quarter 1 of 2025');
  assert.equal(readableDate('XXXX-SU'), 'summer, year unknown');
  assert.equal(readableDate('2025-03-05TEV'), '2025-03-05, evening');
  assert.equal(readableDate('XXXX-WXX-5TNI'), 'a Friday, date unknown, night');
  assert.equal(readableDate('199X'), 'the 1990s');
  // A value the list does not know is shown as it is, never dropped.
  assert.equal(readableDate('XXXX-13'), 'XXXX-13');
});

