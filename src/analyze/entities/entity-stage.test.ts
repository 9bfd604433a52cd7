import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { buildPipeline } from '../pipeline.ts';
import { sentenceStage } from '../sentences/sentence-stage.ts';
import { tokenStage } from '../tokens/token-stage.ts';
import { readSeed } from '../../../test/support/shared-data.ts';
import type { Doc } from '../../model/doc.ts';
import type { Entity } from '../../model/layers.ts';
import { buildWordIndex, type WordIndex } from './word-index.ts';
import { findGazetteerMentions } from './gazetteer-finder.ts';
import { findAcronyms } from './acronym-finder.ts';
import { findGivenNames } from './given-name-finder.ts';
import { refineMentionBounds } from './mention-bounds.ts';
import { filterNonEntities } from './non-entity-filter.ts';
import { resolveOverlaps } from './overlap-refiner.ts';
import { groupMentions } from './entity-grouping.ts';
import { findTitles } from './title-finder.ts';
import { entityTypeOf } from './type-refiner.ts';
import { joinFragments } from './fragment-joiner.ts';
import type { Candidate } from './mention-candidate.ts';

const source = { path: null, url: null, outlet: null };
const seed = (name: 'anadolu' | 'ap'): Doc => buildPipeline().run(assembleDoc(readPlainText(readSeed(name), source)));
const plain = (text: string): Doc => buildPipeline().run(assembleDoc(readPlainText(text, source, { plain: true })));
const indexed = (text: string): WordIndex => {
  const doc = buildPipeline([sentenceStage, tokenStage]).run(assembleDoc(readPlainText(text, source, { plain: true })));
  return buildWordIndex(doc.text, doc.layers.tokens!, doc.layers.sentences!);
};
const named = (doc: Doc, name: string): Entity => {
  const e = doc.layers.entities!.find((x) => x.name === name);
  assert.ok(e, `entity ${name} among ${doc.layers.entities!.map((x) => x.name).join(', ')}`);
  return e;
};
const texts = (doc: Doc) => doc.layers.entities!.flatMap((e) => e.mentions.map((m) => m.text));
const at = (text: string, part: string, from = 0): Candidate => {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length, type: null, source: 'model' };
};

function assertContract(doc: Doc): void {
  const ids = doc.layers.entities!.map((e) => e.id);
  assert.deepEqual(ids, ids.map((_, i) => `e${i + 1}`));
  let previousFirst = -1;
  for (const e of doc.layers.entities!) {
    assert.ok(e.mentions.length > 0);
    assert.ok(e.mentions[0]!.start > previousFirst, 'ids in order of first mention');
    previousFirst = e.mentions[0]!.start;
    for (const m of e.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
    assert.equal(new Set(e.titles.map((t) => t.toLowerCase())).size, e.titles.length, `titles of ${e.name} deduplicated`);
  }
  for (const r of doc.layers.references!) assert.equal(doc.text.slice(r.start, r.end), r.text);
}

test('the Anadolu seed: people with their titles, organisations and places', () => {
  const doc = seed('anadolu');
  assertContract(doc);
  const leavitt = named(doc, 'Karoline Leavitt');
  assert.equal(leavitt.type, 'PERSON');
  assert.ok(leavitt.titles.includes('White House spokesperson') && leavitt.titles.includes('spokesperson'), leavitt.titles.join('; '));
  assert.ok(leavitt.mentions.some((m) => m.text === 'Leavitt'));

  const witkoff = named(doc, 'Steve Witkoff');
  assert.equal(witkoff.type, 'PERSON');
  assert.ok(witkoff.titles.includes('special envoy for the Middle East'), witkoff.titles.join('; '));
  assert.deepEqual([...new Set(witkoff.mentions.map((m) => m.text))], ['Steve Witkoff', 'Witkoff']);
  assert.equal(witkoff.mentions.length, 5, 'every Witkoff, "special envoy Witkoff" included');

  const trump = named(doc, 'Donald Trump');
  assert.deepEqual(trump.titles, ['US President']);
  assert.deepEqual(named(doc, 'Ron Dermer').titles, ['Israeli Strategic Affairs Minister']);
  assert.deepEqual(named(doc, 'Benjamin Netanyahu').titles, ['Israeli Prime Minister']);
  assert.deepEqual(named(doc, 'Yoav Gallant').titles, ['former Defense Minister']);

  assert.equal(named(doc, 'Hamas').type, 'ORG');
  assert.equal(named(doc, 'International Criminal Court').type, 'ORG');
  assert.equal(named(doc, 'International Court of Justice').type, 'ORG');
  assert.equal(named(doc, 'Israel').type, 'GPE');
  assert.ok(named(doc, 'Israel').mentions.length >= 6, 'Israel’s counted, without the ’s');
  assert.ok(named(doc, 'Israel').mentions.every((m) => m.text === 'Israel'));
  assert.equal(named(doc, 'Israeli').type, 'NORP');
  for (const place of ['Doha', 'Qatar', 'Rome', 'Washington']) assert.equal(named(doc, place).type, 'GPE', place);
  assert.equal(named(doc, 'Gaza Strip').type, 'LOC');
  // One entity per name: no duplicates.
  const names = doc.layers.entities!.map((e) => e.name);
  assert.equal(new Set(names).size, names.length, names.join(', '));
});

test('the AP seed: people with their titles, organisations and places', () => {
  const doc = seed('ap');
  assertContract(doc);
  assert.deepEqual(named(doc, 'Karoline Leavitt').titles, ['White House press secretary']);
  assert.deepEqual(named(doc, 'Steve Witkoff').titles, ['U.S. envoy']);
  assert.deepEqual(named(doc, 'Adam Boehler').titles, ['nominee to be special envoy for hostage affairs']);
  assert.deepEqual(named(doc, 'Benjamin Netanyahu').titles, ['Israeli Prime Minister']);
  const trump = named(doc, 'Donald Trump');
  assert.deepEqual(trump.titles, ['President']);
  assert.deepEqual(trump.mentions.map((m) => m.text), ['Donald Trump', 'Trump'], '"Trump’s" counted without the ’s');
  const hamas = named(doc, 'Hamas');
  assert.equal(hamas.type, 'ORG');
  assert.equal(hamas.mentions.length, 9, 'the two inside "Israel-Hamas" included');
  assert.equal(named(doc, 'Israel').type, 'GPE');
  assert.equal(named(doc, 'Doha').type, 'GPE');
  assert.equal(named(doc, 'Washington').type, 'GPE');
  assert.equal(named(doc, 'Israeli').type, 'NORP');
  assert.equal(named(doc, 'Edan Alexander').type, 'PERSON');
  // Not entities: weekdays, sentence-opening words, the page header.
  for (const not of ['Wednesday', 'Confirmation', 'Look', 'The', 'Israel-Hamas']) assert.ok(!texts(doc).includes(not), not);
});

test('references on the seeds: she -> Leavitt, the militant group -> Hamas, its -> Israel, his -> Netanyahu', () => {
  const ap = seed('ap');
  const id = (doc: Doc, name: string) => named(doc, name).id;
  const refs = (doc: Doc) => doc.layers.references!.map((r) => `${r.text}@${r.start}->${r.entity}`);
  const she = ap.layers.references!.find((r) => r.text === 'she');
  assert.equal(she?.entity, id(ap, 'Karoline Leavitt'), refs(ap).join(', '));
  assert.equal(ap.text.slice(she!.start - 3, she!.end + 5), ',” she said'.replace('”', '"'));
  const group = ap.layers.references!.find((r) => r.text === 'the militant group');
  assert.equal(group?.entity, id(ap, 'Hamas'));
  assert.equal(group?.kind, 'nominal');
  assert.equal(ap.layers.references!.find((r) => r.text === 'he' && r.start > ap.text.indexOf('has signaled'))?.entity, id(ap, 'Donald Trump'));
  // "what he believes" inside Leavitt's quote: no man named before it, so left alone.
  assert.ok(!ap.layers.references!.some((r) => r.start < ap.text.indexOf(' she said') && r.text === 'he'));

  const anadolu = seed('anadolu');
  const its = anadolu.layers.references!.filter((r) => r.text === 'its');
  assert.deepEqual(its.map((r) => r.entity), [id(anadolu, 'Hamas'), id(anadolu, 'Israel')], refs(anadolu).join(', '));
  assert.equal(anadolu.layers.references!.find((r) => r.text === 'his')?.entity, id(anadolu, 'Benjamin Netanyahu'));
  assert.equal(anadolu.layers.references!.find((r) => r.text === 'The president')?.entity, id(anadolu, 'Donald Trump'));
});

test('a text with no names gives no entities and no references', () => {
  const doc = plain('Talks resumed on Monday. They said it would take time. During the visit, officials met in March.');
  assert.deepEqual(doc.layers.entities, []);
  assert.deepEqual(doc.layers.references, []);
});

test('days, months, sentence-opening words and photo credits are not entities', () => {
  const doc = plain(
    'On Tuesday the envoy arrived. Last November talks failed. Confirmation came late. ' +
      'Karoline Leavitt spoke on Wednesday, March 5, 2025. (AP Photo/Alex Brandon) (Win McNamee/Pool Photo via AP)',
  );
  const found = texts(doc);
  for (const not of ['Tuesday', 'Wednesday', 'March', 'November', 'Last', 'Last November', 'Confirmation', 'On', 'AP Photo', 'Pool Photo', 'Alex Brandon', 'Win McNamee', 'AP', 'Pool']) {
    assert.ok(!found.includes(not), `${not} in ${found.join(', ')}`);
  }
  assert.ok(found.includes('Karoline Leavitt'));
});

test('two people sharing a surname stay apart; a bare surname goes to the one named last before it', () => {
  const doc = plain('Hunter Biden met reporters in Delaware. Joe Biden spoke later. Biden said the talks would go on.');
  const hunter = named(doc, 'Hunter Biden');
  const joe = named(doc, 'Joe Biden');
  assert.notEqual(hunter.id, joe.id);
  assert.deepEqual(joe.mentions.map((m) => m.text), ['Joe Biden', 'Biden']);
  assert.deepEqual(hunter.mentions.map((m) => m.text), ['Hunter Biden']);
});

test('a defined acronym joins its long form; the canonical name has no determiner', () => {
  const doc = plain('The International Criminal Court (ICC) issued warrants. The ICC said it would act. Officials in Rome agreed.');
  const icc = named(doc, 'International Criminal Court');
  assert.equal(icc.type, 'ORG');
  assert.deepEqual(icc.mentions.map((m) => m.text), ['International Criminal Court', 'ICC', 'ICC']);
});

test('ambiguous pronouns stay unresolved', () => {
  // Three men: Witkoff is the subject, but Dermer and Netanyahu come after him, so "he" is not guessed…
  const doc = plain('Steve Witkoff met Ron Dermer and Benjamin Netanyahu in Rome. Later he left.');
  assert.ok(!doc.layers.references!.some((r) => r.text === 'he'), JSON.stringify(doc.layers.references));
  // …while the one man named last is "he" (the woman after him does not fit).
  const one = plain('Ron Dermer met Karoline Leavitt in Rome. Later he left.');
  assert.equal(one.layers.references!.find((r) => r.text === 'he')?.entity, named(one, 'Ron Dermer').id);
  // Two men both in subject position leave "he" open too.
  const open = plain('Steve Witkoff and Ron Dermer met in Rome. Later he left.');
  assert.ok(!open.layers.references!.some((r) => r.text === 'he'), JSON.stringify(open.layers.references));
});

// Unit tests of the parts, on hand-made sentences.

test('given-name finder: a known given name and one or two capitalised words', () => {
  const text = 'Then Karoline Leavitt met Adam Boehler in Rome and Mark Twain Monday; Grace Church stayed. Steve WITKOFF left.';
  assert.deepEqual(findGivenNames(indexed(text)).map((c) => text.slice(c.start, c.end)), ['Karoline Leavitt', 'Adam Boehler', 'Mark Twain']);
});

test('gazetteer finder: listed names, hyphenated parts and organisation heads', () => {
  const text = 'Talks in Doha between Israel and Hamas continued as the Israel-Hamas truce held, the Israeli Cabinet said.';
  const index = indexed(text);
  const found = findGazetteerMentions(index).map((c) => `${text.slice(c.start, c.end)}/${c.type}`);
  // Overlapping proposals are the overlap refiner's to settle ("Israeli Cabinet" over "Israeli").
  assert.deepEqual(found, ['Doha/GPE', 'Israel/GPE', 'Hamas/ORG', 'Israel/GPE', 'Hamas/ORG', 'Israeli Cabinet/ORG', 'Israeli/NORP']);
  assert.deepEqual(findGazetteerMentions(indexed('nothing listed here at all.')), []);
});

test('acronym finder: a parenthesised acronym whose initials match', () => {
  const text = 'The International Court of Justice (ICJ) heard the case; the panel (PDF) did not.';
  const found = findAcronyms(indexed(text)).map((c) => [text.slice(c.start, c.end), c.expands ? text.slice(c.expands.start, c.expands.end) : null]);
  assert.deepEqual(found, [
    ['International Court of Justice', null],
    ['ICJ', 'International Court of Justice'],
  ]);
});

test('mention bounds: no determiner, no possessive, no title before a person', () => {
  const text = 'the International Criminal Court and Trump’s envoy met Israeli Prime Minister Benjamin Netanyahu.';
  const index = indexed(text);
  const refined = refineMentionBounds(index, [
    at(text, 'the International Criminal Court'),
    at(text, 'Trump’s'),
    { ...at(text, 'Israeli Prime Minister Benjamin Netanyahu'), type: 'PERSON' },
  ]).map((c) => text.slice(c.start, c.end));
  assert.deepEqual(refined, ['International Criminal Court', 'Trump', 'Benjamin Netanyahu']);
  // A title and name the tagger took for an organisation become a person.
  const text2 = 'He met Israeli Strategic Affairs Minister Ron Dermer today.';
  const [dermer] = refineMentionBounds(indexed(text2), [{ ...at(text2, 'Israeli Strategic Affairs Minister Ron Dermer'), type: 'ORG' }]);
  assert.deepEqual([text2.slice(dermer!.start, dermer!.end), dermer!.type], ['Ron Dermer', 'PERSON']);
});

test('non-entity filter: calendar words, ordinary openers, credits and lone titles go', () => {
  const text = 'During Monday talks, officials met. President spoke. (AP Photo/Alex Brandon) Hamas agreed in May. Sales rose before Christmas.';
  const index = indexed(text);
  const kept = filterNonEntities(index, [at(text, 'During'), at(text, 'Monday'), at(text, 'President'), at(text, 'AP Photo'), at(text, 'Alex Brandon'), at(text, 'Hamas'), at(text, 'May'), at(text, 'Christmas')]);
  assert.deepEqual(kept.map((c) => text.slice(c.start, c.end)), ['Hamas']);
});

test('overlap refiner: the longer span wins, a tagged hyphenated word gives way to its listed parts', () => {
  const text = 'the Gaza Strip and the Israel-Hamas truce';
  const gaza: Candidate = { ...at(text, 'Gaza'), source: 'gazetteer', type: 'GPE' };
  const strip: Candidate = { ...at(text, 'Gaza Strip'), type: 'LOC' };
  const compound: Candidate = { ...at(text, 'Israel-Hamas'), type: 'LOC' };
  const israel: Candidate = { ...at(text, 'Israel'), source: 'gazetteer', type: 'GPE' };
  const hamas: Candidate = { ...at(text, 'Hamas'), source: 'gazetteer', type: 'ORG' };
  const kept = resolveOverlaps(text, [gaza, strip, compound, israel, hamas]).map((c) => text.slice(c.start, c.end));
  assert.deepEqual(kept, ['Gaza Strip', 'Israel', 'Hamas']);
});

test('grouping: short names, acronyms by initials, plural nationalities; distinct people apart', () => {
  const text = 'Steve Witkoff and the International Court of Justice. Witkoff, ICJ, Israeli, Israelis, Joe Biden, Hunter Biden.';
  const person = (part: string, from = 0): Candidate => ({ ...at(text, part, from), type: 'PERSON' });
  const groups = groupMentions(text, [
    person('Steve Witkoff'),
    { ...at(text, 'International Court of Justice'), type: 'ORG', source: 'gazetteer' },
    person('Witkoff', 20),
    { ...at(text, 'ICJ'), type: 'ORG' },
    { ...at(text, 'Israeli,'), end: at(text, 'Israeli,').end - 1, type: 'NORP', source: 'gazetteer' },
    { ...at(text, 'Israelis'), type: 'NORP', source: 'gazetteer' },
    person('Joe Biden'),
    person('Hunter Biden'),
  ]).map((g) => g.map((m) => text.slice(m.start, m.end)));
  assert.deepEqual(groups, [['Steve Witkoff', 'Witkoff'], ['International Court of Justice', 'ICJ'], ['Israeli', 'Israelis'], ['Joe Biden'], ['Hunter Biden']]);
});

test('title finder: before the name, "X of Y" titles, and appositives', () => {
  const cases: [string, string, string[]][] = [
    ['He met White House press secretary Karoline Leavitt on Monday.', 'Karoline Leavitt', ['White House press secretary']],
    ['Netanyahu and his former Defense Minister Yoav Gallant were named.', 'Yoav Gallant', ['former Defense Minister']],
    ['Secretary of State Marco Rubio spoke.', 'Marco Rubio', ['Secretary of State']],
    ['Adam Boehler, Trump’s nominee to be special envoy for hostage affairs, took part.', 'Adam Boehler', ['nominee to be special envoy for hostage affairs']],
    ['Edan Alexander, an American citizen, is held.', 'Edan Alexander', []],
    ['Talks with Steve Witkoff, Ron Dermer and others went on.', 'Steve Witkoff', []],
    ['On Wednesday Karoline Leavitt spoke.', 'Karoline Leavitt', []],
  ];
  for (const [text, name, titles] of cases) {
    assert.deepEqual(findTitles(indexed(text), at(text, name), () => false), titles, text);
  }
});

test('type refiner: gazetteer first, then titles, then the votes; unlisted places by their last word', () => {
  const m = (type: Candidate['type'], source: Candidate['source'] = 'model'): Candidate => ({ start: 0, end: 1, type, source });
  assert.equal(entityTypeOf('I', 'Israel', [m('PERSON')], false), 'GPE');
  assert.equal(entityTypeOf('Z', 'Zorblat', [m('ORG')], true), 'PERSON');
  assert.equal(entityTypeOf('Z', 'Zorblat Valley', [m('LOC'), m('LOC')], false), 'LOC');
  assert.equal(entityTypeOf('Z', 'Zorblat', [m('LOC')], false), 'GPE');
  assert.equal(entityTypeOf('Z', 'Zorblat', [m(null)], false), 'OTHER');
});

test('type refiner: a person needs a sign in the text (given name, honorific, age, describing appositive), else it is an organisation', () => {
  const person = (text: string, name: string) => {
    const start = text.indexOf(name);
    return entityTypeOf(text, name, [{ start, end: start + name.length, type: 'PERSON', source: 'model' }], false);
  };
  assert.equal(person('Orders for Boeing rose in May.', 'Boeing'), 'ORG');
  assert.equal(person('Shares of Aer Lingus fell.', 'Aer Lingus'), 'ORG');
  assert.equal(person('Paul Nesbit said the order was firm.', 'Paul Nesbit'), 'PERSON');
  assert.equal(person('The order, Mr. Zorblat said, was firm.', 'Zorblat'), 'PERSON');
  assert.equal(person('Edan Alexander, an American citizen, is held.', 'Edan Alexander'), 'PERSON');
  assert.equal(person('Tarvo Lind, 33, was freed.', 'Tarvo Lind'), 'PERSON');
  assert.equal(person("The Front's spokesman, Arvid Solenne, said so.", 'Arvid Solenne'), 'PERSON');
  assert.equal(person("Mirela Dovan, Kestria's chief negotiator, was cautious.", 'Mirela Dovan'), 'PERSON');
  assert.equal(person('Kestria, Lorvand and Ostrel signed.', 'Lorvand'), 'ORG');
});

test('type refiner: what only an organisation has, or a describing noun, makes a tagged person or unlisted place an organisation', () => {
  const typed = (text: string, name: string, type: Candidate['type'] = 'PERSON') => {
    const mentions: Candidate[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) mentions.push({ start: at, end: at + name.length, type, source: 'model' });
    return entityTypeOf(text, name, mentions, false);
  };
  // "Northrop" is in the long given-name list, so the person evidence alone would keep these people.
  assert.equal(typed('Northrop Vellis won the tender. Northrop Vellis CEO Ada Wren said the planes would be built in Ohio.', 'Northrop Vellis'), 'ORG');
  assert.equal(typed('The prime contractor, Northrop Vellis, will build them.', 'Northrop Vellis'), 'ORG');
  assert.equal(typed('Ada Wren is a founder of Northrop Vellis.', 'Northrop Vellis'), 'ORG');
  assert.equal(typed('He read documents from engine maker Europrax in a report.', 'Europrax', 'LOC'), 'ORG');
  assert.equal(typed('Northrop Vellis, an engine consortium, won.', 'Northrop Vellis'), 'ORG');
  assert.equal(typed('The plant was the original home of Douglas Aircraft.', 'Douglas Aircraft'), 'ORG');
  // A common given name keeps a person: "the company Steve Hale founded" says nothing about him.
  assert.equal(typed('Steve Hale, 56, left the company Steve Hale founded.', 'Steve Hale'), 'PERSON');
  // An executive order is the president's own.
  assert.equal(typed('Mr. Zorblat signed a Zorblat executive order.', 'Zorblat'), 'PERSON');
});

test('type refiner: products by their model numbers and product lines are OTHER; events by their last word', () => {
  const doc = plain('Velora unveils new 540 Skylark\nVelora showed its new 540 Skylark on Monday. The Skylark seats 300, Velora said. Velora also updated the iPod Nano, and the Nano now costs less.');
  assert.equal(named(doc, 'Skylark').type, 'OTHER');
  assert.equal(named(doc, 'Velora').type, 'ORG');
  assert.equal(named(doc, 'Nano').type, 'OTHER');
  const m = (text: string, name: string): Candidate => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'ORG', source: 'model' });
  const show = 'Orders rose at the Lakeside Air Show on Monday.';
  assert.equal(entityTypeOf(show, 'Lakeside Air Show', [m(show, 'Lakeside Air Show')], false), 'EVENT');
  // A maker's number before its name is no product sign when it is a year.
  const year = 'On May 2, 2007 Velora said it would build them.';
  assert.equal(entityTypeOf(year, 'Velora', [m(year, 'Velora')], false), 'ORG');
});

test('fragment joiner: pieces of a name the article writes whole elsewhere, and a surname that is also a town', () => {
  const text = 'Velora Computer won. Velora Computer said so. Presiding Judge Martin Angers agreed.';
  const second = text.indexOf('Velora', 5);
  const pieces: Candidate[] = [
    { ...at(text, 'Velora Computer'), type: 'ORG' },
    { start: second, end: second + 6, type: 'ORG', source: 'sweep' },
    { start: second + 7, end: second + 15, type: 'PERSON', source: 'model' },
    { ...at(text, 'Martin'), type: 'PERSON' },
    { ...at(text, 'Angers'), type: 'GPE', source: 'gazetteer' },
  ];
  const joined = joinFragments(text, pieces);
  assert.deepEqual(joined.map((c) => `${text.slice(c.start, c.end)}/${c.type}`), ['Velora Computer/ORG', 'Velora Computer/ORG', 'Martin Angers/PERSON']);
});

test('coordinations of names are split; "the Front" joins the one organisation named "… Front"', () => {
  const text = readFileSync(new URL('../../../examples/harbor-wire-talks-open.txt', import.meta.url), 'utf8');
  const doc = buildPipeline().run(assembleDoc(readPlainText(text, source)));
  const front = named(doc, 'Ridgeline Front');
  assert.equal(front.type, 'ORG');
  assert.deepEqual(front.mentions.map((m) => m.text), ['Ridgeline Front', 'Ridgeline Front', 'Front', 'Front', 'Front']);
  assert.equal(named(doc, 'Kestria').type, 'GPE');
  assert.ok(!texts(doc).some((t) => / and /.test(t)), texts(doc).join(' | '));
});

test('a product with a model code is no mention, nor the maker inside it', () => {
  const doc = plain('Airbus delivered the first Airbus A380 to a Gulf airline. Orders for the A380 fell, Airbus said.');
  const all = texts(doc);
  assert.ok(!all.some((t) => /A380/.test(t)), all.join(' | '));
  assert.equal(named(doc, 'Airbus').mentions.length, 2);
});

test('a title before a comma; names found by repetition, but not nationality-shaped adjectives', () => {
  const doc = plain(
    "The Front's spokesman, Arvid Solenne, said the talks would go on. Kestrian officials met Zelvana executives. The offer from Zelvana came late, Kestrian negotiators said.",
  );
  assert.deepEqual(named(doc, 'Arvid Solenne').titles, ['spokesman']);
  assert.equal(named(doc, 'Zelvana').type, 'ORG');
  assert.equal(named(doc, 'Zelvana').mentions.length, 2);
  assert.ok(!texts(doc).includes('Kestrian'), texts(doc).join(' | '));
});

test('a currency prefix is not a place', () => {
  const doc = plain('Boeing lost a US$40 billion contract to the US Air Force. The US said so.');
  const mentions = doc.layers.entities!.flatMap((e) => e.mentions);
  assert.ok(!mentions.some((m) => m.text === 'US' && doc.text[m.end] === '$'), JSON.stringify(mentions));
  assert.ok(mentions.some((m) => m.text === 'US' && m.start > 60));
});

test("the dateline's wire agency is the outlet, not an entity of the story", () => {
  const doc = seed('ap');
  assert.ok(!texts(doc).includes('AP'), texts(doc).join(' | '));
  assert.equal(named(doc, 'Washington').mentions[0]!.text, 'WASHINGTON');
});
