import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from './text-reader.ts';
import { assembleDoc } from '../draft.ts';
import { readSeed } from '../../../test/support/shared-data.ts';

const source = { path: null, url: null, outlet: null };
const read = (text: string) => assembleDoc(readPlainText(text, source));

test('AP seed: header furniture, teaser, byline and captions are kept out of the body', () => {
  const doc = read(readSeed('ap'));
  const { meta } = doc;
  assert.equal(meta.title?.text, "White House confirms 'ongoing talks and discussions' with Hamas officials amid ceasefire uncertainty");
  assert.equal(meta.subtitle, null);
  assert.deepEqual(meta.byline, [{ name: 'Aamer Madhani', affiliation: 'Associated Press' }]);
  assert.equal(meta.dateline?.text, 'WASHINGTON (AP) —');
  assert.equal(meta.dateline?.place, 'WASHINGTON');
  assert.equal(meta.dateline?.agency, 'AP');
  assert.equal(meta.source.outlet, 'Associated Press');
  assert.equal(meta.captions.length, 2);
  assert.equal(meta.captions[1]?.credit, 'AP Photo/Alex Brandon');
  assert.match(meta.captions[0]!.text, /^President Donald Trump leaves the chamber/);
  assert.equal(meta.captions[0]?.credit, 'Win McNamee/Pool Photo via AP');
  // The header's date is the scrape's; the captions date the article.
  assert.equal(meta.published.date, '2025-03-05');
  assert.equal(meta.published.basis, 'content');
  assert.deepEqual(meta.published.conflicts.map((c) => [c.date, c.basis]), [['2024-12-03', 'metadata']]);
  // The text: no furniture, no captions, the lede once, every body paragraph in order.
  assert.ok(!doc.text.includes('All sections'));
  assert.ok(!doc.text.includes('AAMER'));
  assert.ok(!doc.text.includes('AP Photo'));
  assert.equal(doc.text.split('WASHINGTON (AP)').length, 2);
  const body = [
    'WASHINGTON (AP) — White House press secretary',
    'Confirmation of the talks in the Qatari capital',
    '"Look dialogue and talking',
    'Leavitt added that the Israel has been consulted',
    'Israeli officials say about 24 living hostages',
    'The continuation of the Israel-Hamas ceasefire',
    'Adam Boehler, Trump’s nominee',
    'The new plan would require Hamas',
    'The talks between U.S. and Hamas officials was first reported',
  ];
  const positions = body.map((p) => doc.text.indexOf(p));
  assert.ok(positions.every((p) => p > 0), `every body paragraph is present: ${positions}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions);
});

test('Anadolu seed: headline, quoted standfirst, bare dateline line, no date invented', () => {
  const doc = read(readSeed('anadolu'));
  const { meta } = doc;
  assert.equal(meta.title?.text, 'US Mideast envoy heading to Europe for Gaza ceasefire talks');
  assert.match(meta.subtitle!.text, /^'We want this ceasefire to happen/);
  assert.match(meta.subtitle!.text, /says White House spokesperson Karoline Leavitt$/);
  assert.equal(meta.dateline?.text, 'WASHINGTON');
  assert.equal(meta.dateline?.agency, null);
  assert.deepEqual(meta.byline, []);
  assert.deepEqual(meta.captions, []);
  assert.equal(meta.source.outlet, null);
  assert.deepEqual(meta.published, { date: null, basis: 'none', conflicts: [] });
  assert.match(doc.text, /Israel also faces a genocide case at the International Court of Justice for its war on the enclave\.$/);
  assert.equal(doc.text.slice(meta.dateline!.start, meta.dateline!.end), 'WASHINGTON');
});

test('the same text gives the same id; a different text a different one', () => {
  assert.equal(read(readSeed('ap')).id, read(readSeed('ap')).id);
  assert.notEqual(read(readSeed('ap')).id, read(readSeed('anadolu')).id);
});

test('hard-wrapped text is joined into paragraphs', () => {
  const text = [
    'Harbour strike ends after nine days',
    '',
    'PORT ELLIS — Dock workers voted on Sunday to end a strike that had',
    'closed the harbour for nine days, the union said, after the port',
    'authority offered a pay rise of 6 percent over two years.',
    '',
    'The vote was 412 to 88. Ships waiting outside the harbour were',
    'expected to begin unloading on Monday morning.',
  ].join('\n');
  const doc = read(text);
  assert.equal(doc.meta.title?.text, 'Harbour strike ends after nine days');
  assert.equal(doc.meta.dateline?.place, 'PORT ELLIS');
  assert.match(doc.text, /that had closed the harbour for nine days/);
  assert.equal(doc.text.split('\n\n').length, 3);
});

test('prose that merely looks like furniture, a byline or a caption stays in the body', () => {
  const text = [
    'Council delays budget vote',
    '',
    'By the end of the day, no agreement had been reached on the budget.',
    'The mayor said the plan was, in her words, (a) good faith effort.',
    'Share prices of the city utility fell 2 percent.',
  ].join('\n');
  const doc = read(text);
  assert.deepEqual(doc.meta.byline, []);
  assert.deepEqual(doc.meta.captions, []);
  assert.equal(doc.meta.dateline, null);
  assert.match(doc.text, /By the end of the day/);
  assert.match(doc.text, /\(a\) good faith effort/);
  assert.match(doc.text, /Share prices/);
});

test('a single paragraph has no headline and no invented metadata', () => {
  const doc = read('Officials met on Tuesday to discuss the plan, which remains under review.');
  assert.equal(doc.meta.title, null);
  assert.equal(doc.meta.subtitle, null);
  assert.equal(doc.meta.published.date, null);
  assert.equal(doc.text, 'Officials met on Tuesday to discuss the plan, which remains under review.');
});

test('--plain keeps the input exactly as given', () => {
  const input = '  date 2024-12-03 All sections\nHeadline here\n\nBody.\n';
  const doc = assembleDoc(readPlainText(input, source, { plain: true }));
  assert.equal(doc.text, input);
  assert.equal(doc.meta.title, null);
});

test('a published line and a by-line with two authors', () => {
  const text = 'Floods close mountain pass\nBy Ana Ruiz and TOM BELL\nPublished: June 2, 2024\nHeavy rain closed the pass on Saturday.\nCrews expect to reopen it on Monday.';
  const doc = read(text);
  assert.deepEqual(doc.meta.byline, [
    { name: 'Ana Ruiz', affiliation: null },
    { name: 'Tom Bell', affiliation: null },
  ]);
  assert.equal(doc.meta.published.date, '2024-06-02');
  assert.equal(doc.meta.published.basis, 'metadata');
  assert.ok(!doc.text.includes('Published'));
});
