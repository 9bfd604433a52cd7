import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonRecords } from './json-reader.ts';
import { InputError } from '../input-error.ts';
import { assembleDoc } from '../draft.ts';
import type { DecodedInput } from '../source.ts';

const source = { path: 'records.jsonl', url: null, outlet: null };
const jsonl = (...lines: string[]): DecodedInput => ({ name: 'records.jsonl', path: 'records.jsonl', kind: 'jsonl', text: lines.join('\n') });
const json = (value: unknown): DecodedInput => ({ name: 'records.json', path: 'records.json', kind: 'json', text: JSON.stringify(value, null, 2) });

const BODY = 'VELMORA — Negotiators met for an eighth day on Tuesday.\n\nThe minister said the two sides were close.';

test('JSONL: each line is an article, with the record fields over what the text reader found', () => {
  const drafts = readJsonRecords(
    jsonl(
      JSON.stringify({ url: 'https://a.example/1', title: 'Talks enter eighth day', date: '2026-10-13', outlet: 'Civic Ledger', author: 'Tobias Ferrant', text: BODY }),
      '',
      JSON.stringify({ title: 'Second story', date: '2026-10-19T23:30:00-05:00', byline: ['Ana Ruiz', 'By Li Wei, Reuters'], text: 'Second body paragraph here.' }),
    ),
    source,
  );
  assert.equal(drafts.length, 2);
  const [a, b] = drafts as [(typeof drafts)[0], (typeof drafts)[0]];
  assert.equal(a.title, 'Talks enter eighth day');
  assert.deepEqual(a.source, { path: 'records.jsonl', url: 'https://a.example/1', outlet: 'Civic Ledger' });
  assert.deepEqual(a.byline, [{ name: 'Tobias Ferrant', affiliation: null }]);
  assert.deepEqual(a.dateClaims[0], { date: '2026-10-13', basis: 'metadata', strength: 90, why: "the record's date field" });
  assert.equal(a.dateline?.place, 'VELMORA');
  // A date-time's day is the day as written, in the publisher's zone (not the UTC day, the 20th).
  assert.equal(b.dateClaims[0]?.date, '2026-10-19');
  assert.deepEqual(b.byline, [
    { name: 'Ana Ruiz', affiliation: null },
    { name: 'Li Wei', affiliation: 'Reuters' },
  ]);
  assert.equal(b.source.url, null);
  const doc = assembleDoc(a);
  assert.equal(doc.meta.published.date, '2026-10-13');
  assert.ok(doc.text.startsWith('Talks enter eighth day\n\nVELMORA — '));
});

test('.json: one object, or an array of objects; author as [{ name }]', () => {
  const one = readJsonRecords(json({ text: BODY, author: [{ name: 'Jane Doe' }] }), source);
  assert.equal(one.length, 1);
  assert.deepEqual(one[0]!.byline, [{ name: 'Jane Doe', affiliation: null }]);
  const many = readJsonRecords(json([{ text: BODY }, { text: 'Another article body.' }]), source);
  assert.equal(many.length, 2);
});

test('the record date is the strongest claim; a disagreeing date in the text becomes a conflict', () => {
  const text = 'Published: March 3, 2025\n\nWASHINGTON (AP) — Officials met on Monday.\n\nThey agreed on little.';
  const [draft] = readJsonRecords(json({ date: '2025-03-05', text }), source);
  const published = assembleDoc(draft!).meta.published;
  assert.equal(published.date, '2025-03-05');
  assert.equal(published.basis, 'metadata');
  assert.ok(published.conflicts.some((c) => c.date === '2025-03-03'), JSON.stringify(published));
});

test('a stated title replaces the text reader\'s headline without losing the line it took', () => {
  // The text opens with a kicker the reader would take as headline: it must stay in the body.
  const [kicker] = readJsonRecords(json({ title: 'Real headline', text: 'Analysis\n\nThe talks went on late into the night.\n\nNo deal.' }), source);
  assert.equal(kicker!.title, 'Real headline');
  assert.deepEqual(kicker!.paragraphs.slice(0, 2), ['Analysis', 'The talks went on late into the night.']);
  // The text repeats the stated title as its first line: it is not kept twice.
  const [same] = readJsonRecords(json({ title: 'Real headline', text: 'Real headline\n\nThe talks went on late.\n\nNo deal.' }), source);
  assert.equal(same!.title, 'Real headline');
  assert.deepEqual(same!.paragraphs, ['The talks went on late.', 'No deal.']);
});

test('an html record goes through the HTML reader, and the record fields win', () => {
  const html = '<article><h1>Freed captives reach the capital</h1><p>ARDENHOLM, Kestria — The eight freed captives arrived on Monday, where relatives met them at the airport after months of waiting.</p><p>"I have counted every day," said Lena Vashti, whose mother was among those released on Friday.</p></article>';
  const [draft] = readJsonRecords(json({ title: 'First freed captives reach Kestria', outlet: 'Civic Ledger', url: 'https://c.example/2', html }), source);
  assert.equal(draft!.title, 'First freed captives reach Kestria');
  assert.equal(draft!.source.outlet, 'Civic Ledger');
  assert.equal(draft!.source.url, 'https://c.example/2');
  assert.ok(draft!.paragraphs.join('\n').includes('The eight freed captives arrived on Monday'));
});

test('bad JSONL lines: the good records are read, each bad one is reported by line', () => {
  const input = jsonl(
    JSON.stringify({ title: 'Good one', text: BODY }),
    '{"title": "broken", "text": ',
    JSON.stringify({ title: 'No body' }),
    JSON.stringify({ title: 'Good two', text: 'Another body.' }),
    JSON.stringify({ text: 'x', date: 'last Tuesday' }),
    '[1, 2]',
  );
  const problems: InputError[] = [];
  const drafts = readJsonRecords(input, source, problems);
  assert.deepEqual(drafts.map((d) => d.title), ['Good one', 'Good two']);
  assert.deepEqual(
    problems.map((p) => p.message),
    [
      'records.jsonl: line 2: not valid JSON',
      'records.jsonl: line 3: has neither text nor html',
      'records.jsonl: line 5: date "last Tuesday" is not an ISO date (YYYY-MM-DD or a date-time)',
      'records.jsonl: line 6: is not a JSON object',
    ],
  );
  assert.ok(problems.every((p) => p instanceof InputError && p.input === 'records.jsonl'));
  // Without a list to report them on, the reader is strict: the first bad record is thrown.
  assert.throws(() => readJsonRecords(input, source), { message: 'records.jsonl: line 2: not valid JSON' });
});

test('no usable record: one InputError for the whole input', () => {
  assert.throws(() => readJsonRecords(jsonl('not json at all'), source, []), { name: 'InputError', message: 'records.jsonl: line 1: not valid JSON' });
  assert.throws(
    () => readJsonRecords(jsonl('{"a": 1}', '{"b": 2}', '{"c": '), source, []),
    { message: 'records.jsonl: line 1: has neither text nor html; no usable record (all 3 are bad)' },
  );
});

test('fields of the wrong type make the record bad, naming the field', () => {
  const bad = (record: unknown) => () => readJsonRecords(json([record]), source, []);
  assert.throws(bad({ text: BODY, title: 5 }), { message: 'records.json: record 1: "title" is not a string' });
  assert.throws(bad({ text: 42 }), { message: 'records.json: record 1: "text" is not a string' });
  assert.throws(bad({ text: '   ', html: '' }), { message: 'records.json: record 1: has neither text nor html' });
  assert.throws(bad({ text: BODY, author: 7 }), /record 1: "author" is neither a name/);
  assert.throws(bad({ text: BODY, date: '2026-02-30' }), /record 1: date "2026-02-30" is not an ISO date/);
  assert.throws(bad(null), { message: 'records.json: record 1: is not a JSON object' });
});

test('negative: inputs that hold no records', () => {
  assert.throws(() => readJsonRecords(json([]), source), { message: 'records.json: holds no records' });
  assert.throws(() => readJsonRecords(json('just a string'), source), { message: 'records.json: holds neither a JSON object nor an array of objects' });
  const broken: DecodedInput = { name: 'records.json', path: 'records.json', kind: 'json', text: '{"text": "unterminated' };
  assert.throws(() => readJsonRecords(broken, source), (e: unknown) => e instanceof InputError && /^records\.json: not valid JSON \(/.test(e.message) && !e.message.includes('\n'));
});

test('a .json file that is JSON Lines, and a .jsonl file that is one pretty-printed object, are read as such', () => {
  const lines: DecodedInput = { ...jsonl(JSON.stringify({ text: 'One.' }), JSON.stringify({ text: 'Two.' })), kind: 'json' };
  assert.equal(readJsonRecords(lines, source).length, 2);
  const pretty: DecodedInput = { ...json({ text: BODY, title: 'Pretty' }), kind: 'jsonl' };
  assert.equal(readJsonRecords(pretty, source)[0]!.title, 'Pretty');
});
