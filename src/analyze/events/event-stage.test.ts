import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { buildPipeline } from '../pipeline.ts';
import { readSeed } from '../../../test/support/shared-data.ts';
import type { Doc } from '../../model/doc.ts';
import type { NewsEvent } from '../../model/layers.ts';
import { inflect } from './event-lexicon.ts';

const source = { path: null, url: null, outlet: null };
const pipeline = buildPipeline();
const analysed = (text: string, plain = false): Doc => pipeline.run(assembleDoc(readPlainText(text, source, plain ? { plain: true } : {})));
const dated = (doc: Doc, date: string): Doc => pipeline.run({ ...doc, meta: { ...doc.meta, published: { date, basis: 'argument', conflicts: [] } }, layers: {} });

/** One event as a reader writes it down: entities by name, the source as the speaker's name or '(unnamed)'. */
interface Written {
  type: NewsEvent['type'];
  trigger: string;
  status: NewsEvent['status'];
  participants: string[];
  place: string | null;
  time: string | null;
  source: string | null;
}

function written(doc: Doc): Written[] {
  const names = new Map(doc.layers.entities!.map((e) => [e.id, e.name]));
  return doc.layers.events!.map((e) => ({
    type: e.type,
    trigger: e.trigger.text,
    status: e.status,
    participants: e.participants.map((p) => `${p.role}:${names.get(p.entity)}`),
    place: e.place ? (names.get(e.place.entity) ?? null) : null,
    time: e.time,
    source: e.source ? (e.source.speaker ? (names.get(e.source.speaker) ?? null) : '(unnamed)') : null,
  }));
}

/** The events whose trigger starts the `nth` occurrence (from 0) of `phrase` in the text. */
function at(doc: Doc, phrase: string, nth = 0): Written | undefined {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = doc.text.indexOf(phrase, from + 1);
  assert.ok(from >= 0, `"${phrase}" (${nth}) is in the text`);
  const all = written(doc);
  const k = doc.layers.events!.findIndex((e) => e.trigger.start >= from && e.trigger.start < from + phrase.length);
  return k >= 0 ? all[k] : undefined;
}

test('the Anadolu seed: the trip, the meetings planned, the talks going on, the killings, warrants and the court case', () => {
  const doc = dated(analysed(readSeed('anadolu')), '2025-07-23');
  const expect = (phrase: string, event: Written, nth = 0) => assert.deepEqual(at(doc, phrase, nth), event, phrase);
  // The headline's envoy is no named entity; his trip has its destination.
  expect('heading to Europe', { type: 'TRAVEL', trigger: 'heading', status: 'planned', participants: [], place: 'Europe', time: null, source: null });
  // "…, the White House said Wednesday": the trip is the White House's report, and Wednesday is when it was said, not the trip's time.
  expect('heading to Europe', { type: 'TRAVEL', trigger: 'heading', status: 'planned', participants: ['agent:Steve Witkoff'], place: 'Europe', time: null, source: 'White House' }, 1);
  expect('negotiations" over', { type: 'NEGOTIATE', trigger: 'negotiations', status: 'planned', participants: [], place: null, time: null, source: 'White House' });
  // What the talks are to bring about may or may not come.
  expect('ceasefire and hostage', { type: 'CEASEFIRE', trigger: 'ceasefire', status: 'possible', participants: [], place: 'Gaza', time: null, source: 'White House' });
  expect('hostage release deal', { type: 'RELEASE', trigger: 'hostage release deal', status: 'possible', participants: [], place: null, time: null, source: 'White House' });
  expect('meet with key leaders', { type: 'MEET', trigger: 'meet', status: 'planned', participants: ['agent:Steve Witkoff'], place: null, time: null, source: 'Karoline Leavitt' });
  expect('ceasefire proposal', { type: 'PROPOSAL', trigger: 'ceasefire proposal', status: 'ongoing', participants: [], place: null, time: null, source: 'Karoline Leavitt' });
  expect('release the hostages', { type: 'RELEASE', trigger: 'release', status: 'planned', participants: [], place: null, time: null, source: 'Karoline Leavitt' });
  expect('ceasefire to happen', { type: 'CEASEFIRE', trigger: 'ceasefire', status: 'planned', participants: [], place: null, time: 'FUTURE_REF', source: 'Karoline Leavitt' });
  expect('Indirect negotiations', { type: 'NEGOTIATE', trigger: 'negotiations', status: 'ongoing', participants: ['agent:Israel', 'agent:Hamas'], place: 'Doha', time: null, source: null });
  // "Israeli media reported that Witkoff would meet …": reported by a source with no entity.
  expect('meet with Israeli', { type: 'MEET', trigger: 'meet', status: 'planned', participants: ['agent:Steve Witkoff', 'with:Ron Dermer'], place: 'Rome', time: '2025-07-24', source: '(unnamed)' });
  expect('meet with other', { type: 'MEET', trigger: 'meet', status: 'possible', participants: ['agent:Steve Witkoff'], place: null, time: null, source: null });
  expect('release all remaining', { type: 'RELEASE', trigger: 'release', status: 'planned', participants: ['agent:Hamas', 'patient:Israeli'], place: null, time: null, source: 'Hamas' });
  expect('killed over', { type: 'KILL', trigger: 'killed', status: 'happened', participants: ['agent:Israel', 'patient:Palestinians'], place: 'Gaza Strip', time: null, source: null });
  expect('attack on Oct', { type: 'ATTACK', trigger: 'attack', status: 'happened', participants: ['agent:Hamas'], place: null, time: '2023-10-07', source: null });
  expect('arrest warrants', {
    type: 'ARREST_WARRANT',
    trigger: 'arrest warrants',
    status: 'happened',
    participants: ['agent:International Criminal Court', 'patient:Benjamin Netanyahu', 'patient:Yoav Gallant'],
    place: null,
    time: '2024-11',
    source: null,
  });
  expect('genocide case', { type: 'LEGAL_CASE', trigger: 'case', status: 'ongoing', participants: ['patient:Israel', 'agent:International Court of Justice'], place: null, time: null, source: null });
  // No event: "did not offer further details" offers nothing; "in exchange for" exchanges nothing; an estimate is no event.
  assert.equal(at(doc, 'offer further'), undefined);
  assert.equal(at(doc, 'exchange for ending'), undefined);
  assert.equal(at(doc, 'estimates that'), undefined);
});

test('the AP seed: talks with Hamas, the ceasefire in the balance, the nominee, the plan’s terms', () => {
  const doc = analysed(readSeed('ap'));
  const expect = (phrase: string, event: Written, nth = 0) => assert.deepEqual(at(doc, phrase, nth), event, phrase);
  expect('ongoing talks and discussions” with', { type: 'NEGOTIATE', trigger: 'talks', status: 'ongoing', participants: ['agent:U.S.', 'with:Hamas'], place: null, time: null, source: 'Karoline Leavitt' }, 0);
  expect('the talks in the Qatari', { type: 'NEGOTIATE', trigger: 'talks', status: 'unknown', participants: [], place: 'Doha', time: null, source: null });
  expect('Israel-Hamas ceasefire remains in', { type: 'CEASEFIRE', trigger: 'ceasefire', status: 'possible', participants: ['agent:Israel', 'agent:Hamas'], place: null, time: null, source: null });
  expect('nominee', { type: 'APPOINT', trigger: 'nominee', status: 'happened', participants: ['agent:Donald Trump', 'patient:Adam Boehler'], place: null, time: null, source: null });
  expect('direct talks with', { type: 'NEGOTIATE', trigger: 'talks', status: 'happened', participants: ['agent:Adam Boehler', 'with:Hamas'], place: null, time: null, source: null });
  expect('release half', { type: 'RELEASE', trigger: 'release', status: 'planned', participants: ['agent:Hamas'], place: null, time: null, source: null });
  expect('truce', { type: 'CEASEFIRE', trigger: 'truce', status: 'planned', participants: [], place: null, time: null, source: null });
  expect('talks between', { type: 'NEGOTIATE', trigger: 'talks', status: 'happened', participants: ['agent:U.S.', 'agent:Hamas'], place: null, time: '2025-03-05', source: null });
  // "in exchange for a ceasefire extension": the exchange is no event; the ceasefire is one of the plan's terms.
  assert.equal(at(doc, 'exchange for a'), undefined);
  assert.equal(at(doc, 'ceasefire extension')?.status, 'planned');
  // Saying is quoting, not an event: no STATEMENT in an article of statements without one named as such.
  assert.ok(doc.layers.events!.every((e) => e.type !== 'STATEMENT'));
  // Every event lies in the text it names.
  for (const e of doc.layers.events!) assert.equal(doc.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
});

test('a pronoun takes part through the references layer; negation denies, "unclear if" and "may" make possible', () => {
  const doc = analysed('White House press secretary Karoline Leavitt spoke on Monday. She will meet Benjamin Netanyahu in Washington on Friday.', true);
  assert.deepEqual(written(doc), [
    { type: 'MEET', trigger: 'meet', status: 'planned', participants: ['agent:Karoline Leavitt', 'with:Benjamin Netanyahu'], place: 'Washington', time: 'XXXX-WXX-5', source: null },
  ]);
  assert.deepEqual(written(analysed('Benjamin Netanyahu did not meet Karoline Leavitt.', true)).map((e) => [e.type, e.status, e.participants]), [['MEET', 'denied', ['agent:Benjamin Netanyahu', 'with:Karoline Leavitt']]]);
  assert.deepEqual(written(analysed('No talks were held.', true)).map((e) => [e.type, e.status]), [['NEGOTIATE', 'denied']]);
  assert.deepEqual(written(analysed('Hamas denied meeting Israeli officials.', true)).map((e) => [e.type, e.status, e.participants[0]]), [['MEET', 'denied', 'agent:Hamas']]);
  assert.deepEqual(written(analysed('It is unclear whether Benjamin Netanyahu will travel to Cairo.', true)).map((e) => [e.type, e.status, e.place]), [['TRAVEL', 'possible', 'Cairo']]);
});

test('a hypothetical inside a quotation keeps its source', () => {
  const doc = analysed('"If the talks fail, we may launch a new offensive," Karoline Leavitt said.', true);
  const leavitt = doc.layers.entities!.find((e) => e.name === 'Karoline Leavitt')!.id;
  assert.deepEqual(
    doc.layers.events!.map((e) => [e.type, e.trigger.text, e.status, e.source]),
    [
      ['NEGOTIATE', 'talks', 'possible', { quote: 0, speaker: leavitt }],
      ['ATTACK', 'offensive', 'possible', { quote: 0, speaker: leavitt }],
    ],
  );
});

test('mediators, light verbs and compounds: one event per thing that happened', () => {
  assert.deepEqual(written(analysed('Negotiations mediated by Qatar and Egypt resumed in Cairo.', true)), [
    { type: 'NEGOTIATE', trigger: 'Negotiations', status: 'ongoing', participants: ['mediator:Qatar', 'mediator:Egypt'], place: 'Cairo', time: null, source: null },
  ]);
  // "released a statement" is a statement, not a release.
  assert.deepEqual(written(analysed('Hamas released a statement on Monday.', true)).map((e) => [e.type, e.trigger, e.status, e.participants]), [['STATEMENT', 'statement', 'happened', ['agent:Hamas']]]);
  assert.deepEqual(written(analysed('Israel held ceasefire talks with Hamas.', true)).map((e) => [e.type, e.trigger, e.status, e.participants]), [['NEGOTIATE', 'ceasefire talks', 'happened', ['agent:Israel', 'with:Hamas']]]);
  assert.deepEqual(written(analysed('Israeli airstrikes killed 12 people in Khan Younis.', true)).map((e) => [e.type, e.status, e.participants, e.place]), [
    ['ATTACK', 'happened', ['agent:Israeli'], 'Khan Younis'],
    ['KILL', 'happened', ['agent:Israeli'], 'Khan Younis'],
  ]);
});

test('negative cases: text that names no event', () => {
  for (const text of [
    'The weather in Gaza was hot on Tuesday.',
    'The minister tried to strike a balance between the two sides.',
    'He suffered a heart attack. Israel plans to expand the zone.',
    'The group offered food in exchange for fuel.',
    'Officials met with criticism on Monday. The demands were met.',
    // Saying is a quote, not a STATEMENT event.
    'Karoline Leavitt said the weather was fine, and she added that it would stay so.',
    'Reporters waited in the James Brady Press Briefing Room.',
    '',
  ]) {
    assert.deepEqual(analysed(text, true).layers.events, [], text);
  }
});

test('verb forms are built from lemmas, irregular ones taken from the data', () => {
  assert.deepEqual(inflect('negotiate'), { base: ['negotiate'], s: ['negotiates'], ed: ['negotiated'], ing: ['negotiating'] });
  assert.deepEqual(inflect('free'), { base: ['free'], s: ['frees'], ed: ['freed'], ing: ['freeing'] });
  assert.deepEqual(inflect('meet').ed, ['met']);
  assert.deepEqual(inflect('fly').s, ['flies']);
});
