import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { buildPipeline } from '../pipeline.ts';
import { sentenceStage } from '../sentences/sentence-stage.ts';
import { tokenStage } from '../tokens/token-stage.ts';
import { timeStage } from '../times/time-stage.ts';
import { entityStage } from '../entities/entity-stage.ts';
import { quoteStage } from '../quotes/quote-stage.ts';
import { readSeed } from '../../../test/support/shared-data.ts';
import type { Doc } from '../../model/doc.ts';
import type { Figure } from '../../model/layers.ts';
import { figureStage } from './figure-stage.ts';
import { findNumbers } from './number-finder.ts';

const source = { path: null, url: null, outlet: null };
const pipeline = buildPipeline([sentenceStage, tokenStage, timeStage, entityStage, quoteStage, figureStage]);

/** The analysed Doc of `text` (scraped-article reading unless `plain`), with `date` as its publication date when given. */
function analysed(text: string, options: { plain?: boolean; date?: string } = {}): Doc {
  const doc = assembleDoc(readPlainText(text, source, options.plain ? { plain: true } : {}));
  const dated = options.date ? { ...doc, meta: { ...doc.meta, published: { date: options.date, basis: 'argument' as const, conflicts: [] } } } : doc;
  return pipeline.run(dated);
}

const figuresOf = (text: string, date?: string) => analysed(text, { plain: true, date }).layers.figures!;

/** Each figure as [text, low, high, hedge, unit, counts, claimant text, asOf]. */
function summary(figures: Figure[]): [string, number | null, number | null, string | null, string | null, string | null, string | null, string | null][] {
  return figures.map((f) => [f.text, f.low, f.high, f.hedge, f.unit, f.counts, f.claimant?.text ?? null, f.asOf]);
}

/** Spans hold their text and never overlap. */
function assertSpans(doc: Doc): void {
  let previousEnd = 0;
  for (const f of doc.layers.figures!) {
    assert.equal(doc.text.slice(f.start, f.end), f.text);
    assert.ok(f.start >= previousEnd, `figure "${f.text}" overlaps the one before`);
    previousEnd = f.end;
  }
}

test('the Anadolu seed: the captives Israel estimates, half of them dead, and the toll with no claimant', () => {
  const doc = analysed(readSeed('anadolu'));
  assertSpans(doc);
  assert.deepEqual(summary(doc.layers.figures!), [
    ['one batch', 1, 1, null, null, 'batch', 'Hamas', null],
    ['roughly 50 captives', 50, 50, 'roughly', 'person', 'captives', 'Israel', null],
    // Half of the roughly 50 captives that sentence counts: 25, counted as those of them being dead.
    ['about half of them', 25, 25, 'about', 'person', 'captives being dead', 'Israel', null],
    // "over" is an exclusive lower bound: low is the bound, the hedge says it is exclusive.
    ['over 59,000 Palestinians', 59000, null, 'over', 'person', 'Palestinians', null, null],
  ]);
  const israel = doc.layers.entities!.find((e) => e.name === 'Israel')!;
  assert.equal(doc.layers.figures![1]!.claimant!.entity, israel.id);
  // The seed states no date; once the publication date is known, every figure describes that day.
  const dated = analysed(readSeed('anadolu'), { date: '2025-07-23' });
  assert.deepEqual(dated.layers.figures!.map((f) => f.asOf), ['2025-07-23', '2025-07-23', '2025-07-23', '2025-07-23']);
});

test('the AP seed: the hostages Israeli officials count, the bodies of at least 35 others, half the remaining hostages', () => {
  const doc = analysed(readSeed('ap'));
  assertSpans(doc);
  assert.equal(doc.meta.published.date, '2025-03-05');
  assert.deepEqual(summary(doc.layers.figures!), [
    ['about 24 living hostages', 24, 24, 'about', 'person', 'living hostages', 'Israeli officials', '2025-03-05'],
    ['bodies of at least 35 others', 35, null, 'at least', 'person', 'bodies', 'Israeli officials', '2025-03-05'],
    // A share of no stated figure stays a fraction of what it counts.
    ['half its remaining hostages', 0.5, 0.5, null, 'fraction', 'remaining hostages', null, '2025-03-05'],
  ]);
  // "Israeli officials" names no entity of its own: the claimant carries the text only.
  assert.equal(doc.layers.figures![0]!.claimant!.entity, null);
  // Dates of the captions, the scraper's header line and "Wednesday" are no figures.
  assert.ok(!doc.layers.figures!.some((f) => /2025|2024|Wednesday/.test(f.text)));
});

test('every hedge becomes its interval', () => {
  const cases: [string, string, number | null, number | null, string | null][] = [
    ['About 24 hostages remain.', 'About 24 hostages', 24, 24, 'about'],
    ['Roughly 50 captives remain.', 'Roughly 50 captives', 50, 50, 'roughly'],
    ['Around 300 homes burned.', 'Around 300 homes', 300, 300, 'about'],
    ['Approximately 70 trucks entered.', 'Approximately 70 trucks', 70, 70, 'about'],
    ['Some 500 protesters gathered.', 'Some 500 protesters', 500, 500, 'about'],
    ['At least 35 people were killed.', 'At least 35 people', 35, null, 'at least'],
    ['Over 59,000 Palestinians were killed.', 'Over 59,000 Palestinians', 59000, null, 'over'],
    ['More than 300 homes were destroyed.', 'More than 300 homes', 300, null, 'over'],
    ['It can hold up to 1,000 refugees.', 'up to 1,000 refugees', null, 1000, 'up to'],
    ['At most 40 trucks can pass.', 'At most 40 trucks', null, 40, 'at most'],
    ['Nearly 40 people died.', 'Nearly 40 people', null, 40, 'nearly'],
    ['Almost 2,000 families fled.', 'Almost 2,000 families', null, 2000, 'nearly'],
    ['Fewer than 10 aid trucks entered.', 'Fewer than 10 aid trucks', null, 10, 'under'],
    ['Under 5% of voters agree.', 'Under 5% of voters', null, 5, 'under'],
    ['Exactly 13 units were sold.', 'Exactly 13 units', 13, 13, 'exactly'],
    ['Between 20 and 30 soldiers were wounded.', 'Between 20 and 30 soldiers', 20, 30, null],
    ['Dozens of people were injured.', 'Dozens of people', 24, null, null],
    ['Several schools were hit.', 'Several schools', 3, null, null],
    ['Tens of thousands of people marched.', 'Tens of thousands of people', 20000, null, null],
    ['The strikes killed 35 or more civilians.', '35 or more civilians', 35, null, 'at least'],
  ];
  for (const [sentence, text, low, high, hedge] of cases) {
    const figures = figuresOf(sentence);
    assert.deepEqual(
      figures.map((f) => [f.text, f.low, f.high, f.hedge]),
      [[text, low, high, hedge]],
      sentence,
    );
  }
});

test('numbers in words and digits, with their units and what they count', () => {
  const cases: [string, string, number, string | null, string | null][] = [
    ['The army called up 1.2 million reservists.', '1.2 million reservists', 1_200_000, 'person', 'reservists'],
    ['Two dozen journalists were detained.', 'Two dozen journalists', 24, 'person', 'journalists'],
    ['Twenty-six people died in the accident.', 'Twenty-six people', 26, 'person', 'people'],
    ['The budget is $4.5 billion.', '$4.5 billion', 4_500_000_000, 'USD', null],
    ['The notebook cost €1,200.', '€1,200', 1200, 'EUR', null],
    ['They paid 9 billion shekels.', '9 billion shekels', 9_000_000_000, 'ILS', null],
    ['Core inflation rose 0.3% in June.', '0.3%', 0.3, 'percent', null],
    ['Turnout was 19 per cent.', '19 per cent', 19, 'percent', null],
    ['The convoy drove 40 km to the border.', '40 km', 40, 'km', null],
    ['Fusion will feed the grid in 15 years.', '15 years', 15, 'year', null],
    ['A third of the population has left.', 'A third of the population', 1 / 3, 'fraction', 'population'],
    ['The refinery makes 52,000 barrels a day.', '52,000 barrels a day', 52000, 'bbl/day', null],
    ['Nine out of 10 voters say so.', 'Nine out of 10 voters', 0.9, 'fraction', 'voters'],
  ];
  for (const [sentence, text, value, unit, counts] of cases) {
    const figures = figuresOf(sentence);
    assert.deepEqual(
      figures.map((f) => [f.text, f.low, f.unit, f.counts]),
      [[text, value, unit, counts]],
      sentence,
    );
  }
});

test('a fraction of a figure the text links it to is that share of it', () => {
  const figures = figuresOf('Officials said some 80 prisoners were freed, more than half of them being women.');
  assert.deepEqual(summary(figures), [
    ['some 80 prisoners', 80, 80, 'about', 'person', 'prisoners', 'Officials', null],
    ['more than half of them', 40, null, 'over', 'person', 'prisoners being women', 'Officials', null],
  ]);
});

test('the claimant comes from the statement holding the figure, and is null outside every statement', () => {
  const [ministry] = figuresOf('At least 24 people were killed in the strikes, according to the Health Ministry.');
  assert.equal(ministry!.claimant!.text, 'the Health Ministry');
  assert.ok(ministry!.claimant!.entity !== null, 'the ministry is an entity of the article');
  const [unclaimed] = figuresOf('The strikes killed at least 24 people in Rafah.');
  assert.equal(unclaimed!.text, 'at least 24 people');
  assert.equal(unclaimed!.claimant, null);
});

test('as of: a date the sentence gives, else the day the statement was made, else publication, else null', () => {
  assert.equal(figuresOf('As of March 19, 2025, 1,307,000 Americans were collecting aid.', '2025-03-25')[0]!.asOf, '2025-03-19');
  assert.equal(figuresOf('Health officials said Wednesday that 40 people were killed.', '2025-03-07')[0]!.asOf, '2025-03-05');
  assert.equal(figuresOf('The ministry said on March 3, 2025 that 40 people were killed.', '2025-03-07')[0]!.asOf, '2025-03-03');
  // A date that dates something else in the sentence is not the figure's.
  assert.equal(figuresOf('Israel has killed over 59,000 Palestinians since the attack on Oct. 7, 2023.', '2025-07-23')[0]!.asOf, '2025-07-23');
  assert.equal(figuresOf('Israel has killed over 59,000 Palestinians since the attack on Oct. 7, 2023.')[0]!.asOf, null);
});

test('not figures: years, dates, clock times, ages, phone numbers, names, ordinals, decades, scores, list markers', () => {
  const nothing = [
    'The war began in 2023 and the ceasefire held until 2025.',
    'The attack came on Oct. 7, 2023, and talks resumed on March 4.',
    'The talks ran from September 16-19 and again from Sept. 30 to Oct. 2.',
    'The meeting starts at 11 a.m. and ends at 17:30.',
    'She is aged 34 and her brother is a 29-year-old engineer.',
    'John Smith, 45, was arrested.',
    'Call 202-555-0123 or +44 20 7946 0958 for details.',
    'The Boeing 787 landed after the Airbus A320 took off.',
    'Resolution 2334 was adopted and Article 51 was invoked.',
    'They drove on Route 66 to watch Game 7.',
    'He finished 22nd, his 3rd podium of the season.',
    'The 1990s were calm.',
    'They won 3-1 and lost the second leg 2-2.',
    'No one was hurt.',
    'The F-35 and the COVID-19 vaccine made the news.',
    'Visit www.example.com/page2 now.',
  ];
  for (const text of nothing) assert.deepEqual(figuresOf(text).map((f) => f.text), [], text);
  const list = figuresOf('Demands\n1. Release 50 hostages\n2. Open the crossings');
  assert.deepEqual(list.map((f) => f.text), ['50 hostages']);
});

test('the number finder reads numbers in words as Recognizers-Text does', () => {
  const value = (text: string) => findNumbers(text).map((n) => [text.slice(n.start, n.end), n.value]);
  assert.deepEqual(value('one hundred and three and two thirds'), [['one hundred and three and two thirds', 103 + 2 / 3]]);
  assert.deepEqual(value('twenty-one trillion and three hundred'), [['twenty-one trillion and three hundred', 21e12 + 300]]);
  assert.deepEqual(value('half a dozen'), [['half a dozen', 6]]);
  assert.deepEqual(value('one and a half million'), [['one and a half million', 1_500_000]]);
  assert.deepEqual(value('two hundred point zero three'), [['two hundred point zero three', 200.03]]);
  assert.deepEqual(value('minus 387'), [['minus 387', -387]]);
  assert.deepEqual(value('10k and 1.2bn'), [['10k', 10_000], ['1.2bn', 1_200_000_000]]);
  // An ordinal use of a denominator ("a third term") and an idiom ("half-time") are no numbers.
  assert.deepEqual(value('a third term at half-time'), []);
});

test('a text without numbers yields no figures', () => {
  assert.deepEqual(figuresOf('Talks resumed in Doha on Wednesday as mediators pressed both sides.'), []);
});

test('a change from A to B: the unit written once stands for both ends, which stay two figures', () => {
  const cases: [string, [string, number | null, string | null][]][] = [
    ['Growth will slow from 4.8 to 4.7 percent.', [['4.8', 4.8, 'percent'], ['4.7 percent', 4.7, 'percent']]],
    ['He went from 208 pounds to 193 by running.', [['208 pounds', 208, 'lb'], ['193', 193, 'lb']]],
    ['Economy climbed from 21 mpg combined to 23 for FWD models.', [['21 mpg', 21, 'mpg'], ['23', 23, 'mpg']]],
    ['Sales fell from 3 to 2.5 billion dollars.', [['3', 3e9, 'USD'], ['2.5 billion dollars', 2.5e9, 'USD']]],
    // A unit of the first end only: "to" after a change is no interval, and the second keeps its own reading.
    ['The DAX fell 0.4 per cent to 13176.', [['0.4 per cent', 0.4, 'percent'], ['13176', 13176, null]]],
    // Not "from": each keeps what it states.
    ['Sales rose 5% to $3 billion.', [['5%', 5, 'percent'], ['$3 billion', 3e9, 'USD']]],
  ];
  for (const [sentence, expected] of cases) {
    assert.deepEqual(figuresOf(sentence).map((f) => [f.text, f.low, f.unit]), expected, sentence);
  }
});

test('multipliers, fractions in one character, ASCII currency marks, glued temperatures, a million before a unit', () => {
  const cases: [string, string, number, string | null][] = [
    ['Revenue grew sixfold last year.', 'sixfold', 6, 'fold'],
    ['It was a 3-fold rise.', '3-fold rise', 3, 'fold'],
    ['He waited 2½ years.', '2½ years', 2.5, 'year'],
    ['It took 4 ½ hours.', '4 ½ hours', 4.5, 'hour'],
    ['They kept ¾ of the pay.', '¾ of the pay', 0.75, 'fraction'],
    ['Nintendo fell to Y=28,030 in Tokyo.', 'Y=28,030', 28030, 'JPY'],
    ['They paid PS21,700 for flights.', 'PS21,700', 21700, 'GBP'],
    ['Temperatures hit 40C on Monday.', '40C', 40, '°C'],
    ['The fund is worth 3.5m euros.', '3.5m euros', 3_500_000, 'EUR'],
    ['The club paid 2.7m pounds for him.', '2.7m pounds', 2_700_000, 'GBP'],
    // An age beyond any lifetime is how old a thing is: a figure.
    ['Tunnels were cut from 400 million-year-old bedrock.', '400 million-year', 4e8, 'year'],
  ];
  for (const [sentence, text, value, unit] of cases) {
    assert.deepEqual(figuresOf(sentence).map((f) => [f.text, f.low, f.unit]), [[text, value, unit]], sentence);
  }
});

test('a bare number after "including" or "of whom" counts what the figure before counts', () => {
  const figures = figuresOf('More than 6 million homes lost power, including 1.5 million in the Los Angeles region.');
  assert.deepEqual(summary(figures).map(([text, low, , hedge, unit, counts]) => [text, low, hedge, unit, counts]), [
    ['More than 6 million homes', 6_000_000, 'over', null, 'homes'],
    ['1.5 million', 1_500_000, null, null, 'homes'],
  ]);
  // The count of a part is as stated even when the whole is approximate.
  const [, women] = figuresOf('Some 80 prisoners were freed, of whom 12 were women.');
  assert.deepEqual([women!.text, women!.low, women!.hedge, women!.unit, women!.counts], ['12', 12, null, 'person', 'prisoners']);
});

test('not figures: seasons, legal references, versions, names before a count, age ranges, time zones, lone capitals', () => {
  const nothing = [
    'The 2019-20 season was cancelled.',
    'Workers can put money in 401(k) plans.',
    'Microsoft said Windows 10 runs on more devices.',
    'It runs version 10.4 of the operating system.',
    'Analysts said FTSE 100 companies gained.',
    'They polled people between the ages of 18 and 29.',
    'It landed at 6:40 p.m. (GMT +8) in Singapore.',
    'The PS4 and PS5 consoles sold well.',
    'The manifold cracked.',
    'A 34-year-old man was arrested.',
  ];
  for (const text of nothing) assert.deepEqual(figuresOf(text).map((f) => f.text), [], text);
  // A lone capital after a spaced number is no unit ("5 F-35s"), nor are the letters of a model ("PS4").
  assert.deepEqual(figuresOf('They bought 5 F-35s last year.').map((f) => f.unit), [null]);
  // A place before the number does not make it a name: it counts what follows.
  assert.deepEqual(figuresOf('In Gaza 40 people were killed.').map((f) => [f.text, f.unit]), [['40 people', 'person']]);
});
