import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { buildPipeline } from '../pipeline.ts';
import { readSeed } from '../../../test/support/shared-data.ts';
import type { Doc } from '../../model/doc.ts';
import type { Quote } from '../../model/layers.ts';
import { findQuotedSpans } from './quote-marks.ts';
import { quoteDate } from './quote-date.ts';

const source = { path: null, url: null, outlet: null };
const analysed = (text: string, plain = false): Doc => buildPipeline().run(assembleDoc(readPlainText(text, source, plain ? { plain: true } : {})));
const dated = (doc: Doc, date: string): Doc => buildPipeline().run({ ...doc, meta: { ...doc.meta, published: { date, basis: 'argument', conflicts: [] } }, layers: {} });

/** Each quote as [kind, speaker text, speaker's entity name, cue, date, start of the content]. */
function summary(doc: Doc): [Quote['kind'], string | null, string | null, string | null, string | null, string][] {
  const names = new Map(doc.layers.entities!.map((e) => [e.id, e.name]));
  return doc.layers.quotes!.map((q) => [
    q.kind,
    q.speaker?.text ?? null,
    q.speaker?.entity ? (names.get(q.speaker.entity) ?? null) : null,
    q.cue?.text ?? null,
    q.date,
    q.text.slice(0, 30),
  ]);
}

test('every quote of the AP seed, with speaker, cue and the date the content gives', () => {
  const doc = analysed(readSeed('ap'));
  assert.equal(doc.meta.published.date, '2025-03-05');
  assert.deepEqual(summary(doc), [
    ['mixed', 'White House', 'White House', 'confirms', null, "'ongoing talks and discussions"],
    ['mixed', 'White House press secretary Karoline Leavitt', 'Karoline Leavitt', 'said', '2025-03-05', 'that U.S. officials have had “'],
    ['indirect', 'Leavitt', 'Karoline Leavitt', 'declined', null, 'to provide detail on the the s'],
    ['direct', 'she', 'Karoline Leavitt', 'said', null, 'Look dialogue and talking to p'],
    ['indirect', 'Leavitt', 'Karoline Leavitt', 'added', null, 'that the Israel has been consu'],
    ['mixed', 'Leavitt', 'Karoline Leavitt', 'noted', null, 'that there are “American lives'],
    ['indirect', 'Israeli officials', null, 'say', null, 'about 24 living hostages — inc'],
    ['indirect', 'President Donald Trump', 'Donald Trump', 'signaled', null, 'that he has no intentions of p'],
  ]);
});

test('every quote of the Anadolu seed; dated once the publication date is known', () => {
  const doc = analysed(readSeed('anadolu'));
  const expected: ReturnType<typeof summary> = [
    ['direct', 'White House spokesperson Karoline Leavitt', 'Karoline Leavitt', 'says', null, 'We want this ceasefire to happ'],
    ['mixed', 'the White House', 'White House', 'said', null, "Steve Witkoff, US President Do"],
    ['mixed', 'spokesperson Karoline Leavitt', 'Karoline Leavitt', 'told', null, 'During the visit, Witkoff "wil'],
    ['direct', 'Leavitt', 'Karoline Leavitt', 'added', null, 'The president and special envo'],
    ['indirect', 'Israeli media', null, 'reported', null, 'that Witkoff would meet with I'],
    ['indirect', 'Hamas', 'Hamas', 'voiced', null, 'its willingness to release all'],
    ['indirect', 'Israel', 'Israel', 'estimates', null, 'that roughly 50 captives remai'],
  ];
  assert.deepEqual(summary(doc), expected);
  // "the White House said Wednesday", published on Wednesday 23 July 2025: that day.
  const withDate = summary(dated(doc, '2025-07-23'));
  assert.equal(withDate[1]![4], '2025-07-23');
  assert.deepEqual(withDate.map((q) => q[4]), [null, '2025-07-23', null, null, null, null, null]);
});

test('quotes split by their cue, running over paragraphs, after a colon; scare quotes and titles are no statements', () => {
  const text = [
    'Talks resume in Vell',
    '',
    '"We are ready," Mirela Dovan said on Tuesday, "and we expect the other side to be ready too."',
    '',
    'Arvid Solenne said: "The harbour must open first."',
    '',
    'The so-called "buffer" was not discussed. Delegates watched the film "Harbour Lights" in the evening.',
    '',
    '"The first point is the harbour.',
    '',
    '"The second point is the prisoners," Dovan added.',
  ].join('\n');
  const doc = dated(analysed(text, true), '2025-07-24');
  const quotes = summary(doc);
  assert.deepEqual(quotes, [
    ['direct', 'Mirela Dovan', 'Mirela Dovan', 'said', '2025-07-22', 'We are ready," Mirela Dovan sa'],
    ['direct', 'Arvid Solenne', 'Arvid Solenne', 'said', null, 'The harbour must open first.'],
    ['direct', 'Dovan', 'Mirela Dovan', 'added', null, 'The first point is the harbour'],
  ]);
  assert.ok(doc.layers.quotes![2]!.text.includes('The second point is the prisoners'));
});

test('quote marks: apostrophes are not quotes; an unclosed paragraph runs on only when the next one reopens', () => {
  const text = "Israel's envoy said 'no'. It's \"open\nand shut\" they said.";
  const spans = findQuotedSpans(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['no']);
});

test('quote dates: a weekday is the last such day on or before publication; none without a publication date', () => {
  const text = 'officials said Wednesday that';
  const cue = { start: 10, end: 14 };
  assert.equal(quoteDate(text, cue, '2025-03-05'), '2025-03-05');
  assert.equal(quoteDate(text, cue, '2025-03-07'), '2025-03-05');
  assert.equal(quoteDate('officials said yesterday', cue, '2025-03-07'), '2025-03-06');
  assert.equal(quoteDate(text, cue, null), null);
  assert.equal(quoteDate('officials said that', cue, '2025-03-07'), null);
});

test('speakers: an appositive title before the name, a speaker after the quote set off by commas; no one speaks in "no shelling reported"', () => {
  const text = [
    'Truce holds',
    '',
    '"The ball is in Kestria\'s court," the Front\'s spokesman, Arvid Solenne, told Eastwind Daily by telephone.',
    '',
    'The truce held for a fifth day on Tuesday, the Lorvandi monitors said, with no shelling reported in the hill country since Friday.',
    '',
    'Lorvandi Foreign Minister Tomas Elkhart, who is chairing the talks, said both sides had agreed to meet again on Thursday.',
    '',
    'Mirela Dovan called the release "a beginning, not an end." Kestrian officials say about 30 captives remain.',
    '',
    'Kestrian officials now estimate that roughly 38 captives are alive, down from the "about 40" they cited on Tuesday, after the Front confirmed two deaths in captivity.',
  ].join('\n');
  const quotes = summary(analysed(text, true));
  assert.deepEqual(quotes, [
    ['direct', "the Front's spokesman, Arvid Solenne", 'Arvid Solenne', 'told', null, "The ball is in Kestria's court"],
    ['indirect', 'the Lorvandi monitors', null, 'said', null, 'The truce held for a fifth day'],
    // A relative clause set off by commas is no part of the speaker.
    ['indirect', 'Lorvandi Foreign Minister Tomas Elkhart', 'Tomas Elkhart', 'said', null, 'both sides had agreed to meet '],
    // An agreement reported inside the statement is an attribution of its own, as PolNeAR marks them.
    ['indirect', 'both sides', null, 'agreed', null, 'to meet again on Thursday'],
    ['mixed', 'Mirela Dovan', 'Mirela Dovan', 'called', null, 'the release "a beginning, not '],
    ['indirect', 'Kestrian officials', null, 'say', null, 'about 30 captives remain'],
    // A noun-like cue before "that" is the verb; the words after a quotation are no speaker when they hold a clause of their own.
    ['mixed', 'Kestrian officials', null, 'estimate', null, 'that roughly 38 captives are a'],
    ['indirect', 'the Front', 'Front', 'confirmed', null, 'two deaths in captivity'],
  ]);
});

test('a quotation with no speaker: kept where it opens a paragraph of speech, never in the headline', () => {
  const text = ["'Within reach': talks on a truce resume in Velmora", '', 'Mirela Dovan spoke to reporters after the session.', '', '"We will not leave before we have an answer."', '', 'The "buffer" was not discussed.'].join('\n');
  const quotes = summary(analysed(text));
  assert.deepEqual(quotes.map((q) => q[5]), ['We will not leave before we ha']);
  assert.deepEqual(quotes[0]!.slice(0, 4), ['direct', null, null, null]);
});

test('quote dates come from the times layer when it resolved the day beside the cue', () => {
  const text = ['Talks resume', '', 'Mirela Dovan said on March 3 that the talks would go on. On Tuesday, Arvid Solenne told reporters the Front was ready.'].join('\n');
  const quotes = summary(dated(analysed(text, true), '2025-03-06'));
  assert.deepEqual(
    quotes.map((q) => [q[1], q[4]]),
    [
      ['Mirela Dovan', '2025-03-03'],
      ['Arvid Solenne', '2025-03-04'],
    ],
  );
});

test('a pronoun speaker is never guessed across a nearer person who fits as well', () => {
  const ambiguous = summary(analysed(['Talks', '', 'Karoline Leavitt met Sarah Cole in Rome on Tuesday.', '', '"We made progress," she said.'].join('\n'), true));
  assert.deepEqual(ambiguous.map((q) => [q[1], q[2]]), [['she', null]]);
  const clear = summary(analysed(['Talks', '', 'Karoline Leavitt met Ron Dermer in Rome on Tuesday.', '', '"We made progress," she said.'].join('\n'), true));
  assert.deepEqual(clear.map((q) => [q[1], q[2]]), [['she', 'Karoline Leavitt']]);
});

test('a subject with a prepositional phrase or a coordination is one speaker', () => {
  const quotes = summary(analysed(['Talks', '', 'Relatives of the captives in Ardenholm said the lists were wrong.', '', 'Mirela Dovan and her deputies said the talks would resume.'].join('\n'), true));
  assert.deepEqual(quotes.map((q) => q[1]), ['Relatives of the captives in Ardenholm', 'Mirela Dovan and her deputies']);
});

test('an appearance ("seemed to") is an attribution without a source, its subject inside the content', () => {
  const quotes = summary(analysed(['Talks', '', 'The Front seemed to accept the sequence of releases.'].join('\n'), true));
  assert.deepEqual(quotes, [['indirect', null, null, 'seemed', null, 'The Front seemed to accept the']]);
});

test('a headline line "Speaker: statement" is one attribution with the colon as cue; page labels are not speakers', () => {
  const doc = analysed('Graham: Trump Rhetoric Hurts the Party\n\nSenator Lindsey Graham spoke on Monday.\n\nThe Latest: Sanders wins Minnesota caucuses\n\nNote: this story was updated.\n\nSanders said it was a good night.', true);
  const quotes = doc.layers.quotes!;
  const headline = quotes.find((q) => q.cue?.text === ':');
  assert.ok(headline);
  assert.equal(headline.text, 'Trump Rhetoric Hurts the Party');
  assert.equal(headline.speaker?.text, 'Graham');
  assert.equal(quotes.filter((q) => q.cue?.text === ':').length, 1);
  const quoted = analysed('Trump: “I’m the Worst Thing That Ever Happened to Them.”\n\nHe spoke in Virginia.', true).layers.quotes!;
  assert.deepEqual(quoted.map((q) => [q.kind, q.speaker?.text, q.text]), [['direct', 'Trump', 'I’m the Worst Thing That Ever Happened to Them.']]);
  // A clock time and a running paragraph with a colon are no headline attributions.
  assert.equal(analysed('3:20 p.m. Results are coming in.\n\nThe plan was simple: the team would wait. Then it left.', true).layers.quotes!.filter((q) => q.cue?.text === ':').length, 0);
});

test('an adjunct between a cue and its "that" clause stays out of the content', () => {
  const quotes = analysed('Trump said during this week’s debate that he favours tougher rules.', true).layers.quotes!;
  assert.deepEqual(quotes.map((q) => [q.speaker?.text, q.text]), [['Trump', 'that he favours tougher rules']]);
});

test('a cue after a comma with its speaker before it reads the clause after it; a coordinated cue inverts nothing', () => {
  const asked = analysed('When asked about the opioid crisis, Ted Cruz said he knows the consequences.', true).layers.quotes!;
  // The nested attribution ("he knows …") is one too, in the wide sense PolNeAR annotates.
  assert.deepEqual(asked.map((q) => [q.speaker?.text, q.text]), [['Ted Cruz', 'he knows the consequences'], ['he', 'the consequences']]);
  const coordinated = analysed('Clark said Brooks had begun making calls, plus four officials - but said the outcome was still open.', true).layers.quotes!;
  assert.ok(coordinated.every((q) => q.speaker?.text !== 'the outcome'), JSON.stringify(coordinated.map((q) => q.speaker?.text)));
  const present = analysed('“Ted Cruz is the best conservative candidate in years,” Viguerie tells Breitbart News.', true).layers.quotes!;
  assert.deepEqual(present.map((q) => [q.kind, q.speaker?.text, q.cue?.text]), [['direct', 'Viguerie', 'tells']]);
});
