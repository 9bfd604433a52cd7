import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFullDates } from './weekday-dates.ts';
import { readPlainText } from '../text/text-reader.ts';
import { assembleDoc } from '../draft.ts';

test('full dates with their weekday, checked against the calendar', () => {
  const found = findFullDates('Washington, Wednesday, March 5, 2025, in Washington. Monday, March 5, 2025. June 2, 2024.');
  assert.deepEqual(
    found.map((f) => [f.date, f.text, f.weekdayAgrees]),
    [
      ['2025-03-05', 'Wednesday, March 5, 2025', true],
      ['2025-03-05', 'Monday, March 5, 2025', false],
      ['2024-06-02', 'June 2, 2024', null],
    ],
  );
  assert.deepEqual(findFullDates('In March 2025, and on Wednesday, the talks went on.'), []);
});

test('a caption whose weekday disagrees with its date does not date the article', () => {
  const text = 'Talks go on\nThe envoy arrives in Doha, Monday, March 5, 2025. (AP Photo/Jo Bell)\nDOHA (AP) — The talks went on on Wednesday.\nThey end soon.';
  const doc = assembleDoc(readPlainText(text, { path: null, url: null, outlet: null }));
  assert.equal(doc.meta.captions.length, 1);
  assert.equal(doc.meta.published.date, null);
});
