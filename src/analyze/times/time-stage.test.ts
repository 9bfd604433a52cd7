import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { buildPipeline } from '../pipeline.ts';
import { sentenceStage } from '../sentences/sentence-stage.ts';
import { tokenStage } from '../tokens/token-stage.ts';
import { timeStage } from './time-stage.ts';
import { readSeed } from '../../../test/support/shared-data.ts';
import type { Doc } from '../../model/doc.ts';

const source = { path: null, url: null, outlet: null };
const pipeline = buildPipeline([sentenceStage, tokenStage, timeStage]);
const read = (text: string, plain = true): Doc => assembleDoc(readPlainText(text, source, plain ? { plain: true } : {}));
const dated = (doc: Doc, date: string | null): Doc =>
  pipeline.run({ ...doc, meta: { ...doc.meta, published: { date, basis: date ? 'argument' : 'none', conflicts: [] } }, layers: {} });

/** Each time expression of `doc` as [text, type, value], after checking that its span points at its text. */
function times(doc: Doc): [string, string, string | null][] {
  return doc.layers.times!.map((t) => {
    assert.equal(doc.text.slice(t.start, t.end), t.text);
    return [t.text, t.type, t.value];
  });
}
/** The time expressions of a plain text published on `date` (null: no publication date). */
const timesOf = (text: string, date: string | null) => times(dated(read(text), date));

test('the AP seed: "Wednesday" is the publication day its content gives', () => {
  const doc = pipeline.run(read(readSeed('ap'), false));
  assert.equal(doc.meta.published.date, '2025-03-05');
  assert.deepEqual(times(doc), [
    ['Wednesday', 'DATE', '2025-03-05'],
    ['earlier Wednesday', 'DATE', '2025-03-05'],
  ]);
});

test('the Anadolu seed: resolved against 2025-07-23, underspecified without a publication date', () => {
  const doc = read(readSeed('anadolu'), false);
  assert.equal(doc.meta.published.date, null);
  assert.deepEqual(times(dated(doc, '2025-07-23')), [
    ['as soon as possible', 'DATE', 'FUTURE_REF'],
    ['Wednesday', 'DATE', '2025-07-23'], // "the White House said Wednesday"
    ['as soon as possible', 'DATE', 'FUTURE_REF'],
    ['Thursday', 'DATE', '2025-07-24'], // "would meet … in Rome on Thursday"
    ['Oct. 7, 2023', 'DATE', '2023-10-07'],
    ['Last November', 'DATE', '2024-11'],
  ]);
  assert.deepEqual(times(pipeline.run(doc)), [
    ['as soon as possible', 'DATE', 'FUTURE_REF'],
    ['Wednesday', 'DATE', 'XXXX-WXX-3'],
    ['as soon as possible', 'DATE', 'FUTURE_REF'],
    ['Thursday', 'DATE', 'XXXX-WXX-4'],
    ['Oct. 7, 2023', 'DATE', '2023-10-07'],
    ['Last November', 'DATE', 'XXXX-11'],
  ]);
});

test('explicit dates keep what they state whatever the publication date', () => {
  const text =
    'The attack of Oct. 7, 2023 was discussed on Tuesday, March 4, 2025. Talks began in March 2025, after a pause in 2024. ' +
    'The accord of 7 October 2023 was filed as 2023-10-07 and signed on 10/7/2023. Nineteen ninety-six was calmer.';
  const expected: [string, string, string][] = [
    ['Oct. 7, 2023', 'DATE', '2023-10-07'],
    ['Tuesday, March 4, 2025', 'DATE', '2025-03-04'],
    ['March 2025', 'DATE', '2025-03'],
    ['2024', 'DATE', '2024'],
    ['7 October 2023', 'DATE', '2023-10-07'],
    ['2023-10-07', 'DATE', '2023-10-07'],
    ['10/7/2023', 'DATE', '2023-10-07'],
    ['Nineteen ninety-six', 'DATE', '1996'],
  ];
  assert.deepEqual(timesOf(text, '2025-07-23'), expected);
  assert.deepEqual(timesOf(text, null), expected);
});

test('relative dates resolve against the publication date, and stay underspecified without one', () => {
  // 2025-03-05 is a Wednesday.
  const text =
    'The minister said Wednesday that talks had stalled since Oct. 7 and that officials met earlier Wednesday. ' +
    'Last November the court ruled. Sales fell last year and rose this week. The envoy left two weeks ago. ' +
    'He arrived yesterday and speaks today. Prices are now lower and recently fell. Over the past three months exports grew. ' +
    'The report covers the fourth quarter and the 1990s.';
  assert.deepEqual(timesOf(text, '2025-03-05'), [
    ['Wednesday', 'DATE', '2025-03-05'],
    ['Oct. 7', 'DATE', '2024-10-07'],
    ['earlier Wednesday', 'DATE', '2025-03-05'],
    ['Last November', 'DATE', '2024-11'],
    ['last year', 'DATE', '2024'],
    ['this week', 'DATE', '2025-W10'],
    ['two weeks ago', 'DATE', '2025-W08'],
    ['yesterday', 'DATE', '2025-03-04'],
    ['today', 'DATE', '2025-03-05'],
    ['now', 'DATE', 'PRESENT_REF'],
    ['recently', 'DATE', 'PAST_REF'],
    ['the past three months', 'DURATION', 'P3M'],
    ['the fourth quarter', 'DATE', '2024-Q4'],
    ['the 1990s', 'DATE', '199'],
  ]);
  assert.deepEqual(
    timesOf(text, null).map(([t, , value]) => [t, value]),
    [
      ['Wednesday', 'XXXX-WXX-3'],
      ['Oct. 7', 'XXXX-10-07'],
      ['earlier Wednesday', 'XXXX-WXX-3'],
      ['Last November', 'XXXX-11'],
      ['last year', 'XXXX'],
      ['this week', 'XXXX-WXX'],
      ['two weeks ago', 'XXXX-WXX'],
      ['yesterday', 'XXXX-XX-XX'],
      ['today', 'XXXX-XX-XX'],
      ['now', 'PRESENT_REF'],
      ['recently', 'PAST_REF'],
      ['the past three months', 'P3M'],
      ['the fourth quarter', 'XXXX-Q4'],
      ['the 1990s', '199'],
    ],
  );
});

test('a bare weekday is the one before in a past clause and the one after in a future clause', () => {
  // 2025-07-23 is a Wednesday.
  const text =
    'Officials said Thursday that the envoy met the minister on Monday. He will meet the king on Thursday. ' +
    'The council is expected to vote Friday. The delegation would travel to Rome on Monday. ' +
    'They spoke last Friday and will return next Wednesday.';
  assert.deepEqual(timesOf(text, '2025-07-23'), [
    ['Thursday', 'DATE', '2025-07-17'],
    ['Monday', 'DATE', '2025-07-21'],
    ['Thursday', 'DATE', '2025-07-24'],
    ['Friday', 'DATE', '2025-07-25'],
    ['Monday', 'DATE', '2025-07-28'],
    ['last Friday', 'DATE', '2025-07-18'],
    ['next Wednesday', 'DATE', '2025-07-30'],
  ]);
});

test('durations, with their hedges, in TIMEX3 values', () => {
  const text =
    'The war has lasted 21 months. It may take a couple of years. In the last twenty four hours prices fell. ' +
    'The meeting ran two and a half hours after a five-year plan and several years of talks. ' +
    'Aid stopped for nearly two weeks, then for at least 30 days, within two decades.';
  assert.deepEqual(timesOf(text, '2025-07-23'), [
    ['21 months', 'DURATION', 'P21M'],
    ['a couple of years', 'DURATION', 'P2Y'],
    ['the last twenty four hours', 'DURATION', 'P1D'],
    ['two and a half hours', 'DURATION', 'PT2H30M'],
    ['five-year', 'DURATION', 'P5Y'],
    ['several years', 'DURATION', 'PXY'],
    ['nearly two weeks', 'DURATION', 'P2W'],
    ['at least 30 days', 'DURATION', 'P30D'],
    ['two decades', 'DURATION', 'P20Y'],
  ]);
});

test('sets: every, each, adverbs of frequency and rates; adjectives before a noun are no sets', () => {
  const text =
    'The council meets every week and reports daily. Inspectors visit twice a year and each Thursday. ' +
    'The daily briefing and the quarterly dividend were cancelled. Flights leave on Tuesdays.';
  assert.deepEqual(timesOf(text, '2025-07-23'), [
    ['every week', 'SET', 'P1W'],
    ['daily', 'SET', 'P1D'],
    ['a year', 'SET', 'P1Y'],
    ['each Thursday', 'SET', 'XXXX-WXX-4'],
    ['Tuesdays', 'SET', 'XXXX-WXX-2'],
  ]);
});

test('times of day fall on the day beside them, or on the publication day', () => {
  const text =
    'The plane landed at 6:40 p.m. after a delay. The vote is set for 10 p.m. Wednesday. ' +
    'Shelling resumed last night and eased this morning. The deadline passed at noon Tuesday. The talks will resume Thursday evening.';
  assert.deepEqual(timesOf(text, '2025-07-23'), [
    ['6:40 p.m.', 'TIME', '2025-07-23T18:40'],
    ['10 p.m. Wednesday', 'TIME', '2025-07-23T22:00'],
    ['last night', 'TIME', '2025-07-22TNI'],
    ['this morning', 'TIME', '2025-07-23TMO'],
    ['noon Tuesday', 'TIME', '2025-07-22T12:00'],
    ['Thursday evening', 'TIME', '2025-07-24TEV'],
  ]);
});

test('decades and centuries as TimeML writes them', () => {
  assert.deepEqual(timesOf("Prices peaked in the '80s, fell in the nineties and the 1990s, as in the 20th century and the last decade.", '1999-06-01'), [
    ["the '80s", 'DATE', '198'],
    ['the nineties', 'DATE', '199'],
    ['the 1990s', 'DATE', '199'],
    ['the 20th century', 'DATE', '19'],
    ['the last decade', 'DATE', '198'],
  ]);
});

test('month names that are words or names, lone numbers, ages, sums and phone numbers are no times', () => {
  const text =
    'May I ask whether prices may rise? Theresa May spoke to the march on the capital, which drew 7 protesters. ' +
    'A 30-year-old man, aged 45 by some accounts and 70 years old by others, paid $2000 for 2000 tickets. ' +
    'Call 555-0123 or (202) 456-1414. The Oct. 7 attack was recalled.';
  assert.deepEqual(timesOf(text, '2025-07-23'), [['Oct. 7', 'DATE', '2024-10-07']]);
});

test('a month after a preposition is a month, "May" included; "last May" too', () => {
  assert.deepEqual(timesOf('Elections are due in May. The ceasefire collapsed last May, and March was quiet.', '2025-07-23'), [
    ['May', 'DATE', '2025-05'],
    ['last May', 'DATE', '2025-05'],
    ['March', 'DATE', '2025-03'],
  ]);
});

test('holidays, and days and years counted from a date the story named', () => {
  const text = 'The talks opened on March 26, 1997, and resumed the next day. That year ended badly. The envoys had met at Christmas.';
  assert.deepEqual(timesOf(text, '1997-04-10'), [
    ['March 26, 1997', 'DATE', '1997-03-26'],
    ['the next day', 'DATE', '1997-03-27'],
    ['That year', 'DATE', '1997'],
    ['Christmas', 'DATE', '1996-12-25'],
  ]);
});

test('a word of deadline points a named day or month ahead whatever the verb', () => {
  // Written on 2 November 1989: "Nov. 20" is this month's, not last year's, though the verb is past.
  assert.deepEqual(timesOf('The offer was extended until Nov. 20, and Merieux was given until mid-November to reply.', '1989-11-02'), [
    ['Nov. 20', 'DATE', '1989-11-20'],
    ['mid-November', 'DATE', '1989-11'],
  ]);
});

test('text without a time yields nothing', () => {
  assert.deepEqual(timesOf('The committee approved the plan, and the ministers signed it in the capital.', '2025-07-23'), []);
});

test('a year range gives both years; a number after "to" with no year before it is no year', () => {
  assert.deepEqual(timesOf('Output grew from 1990 to 1995, then fell between 2014 and 2016.', '2000-03-15'), [
    ['1990', 'DATE', '1990'],
    ['1995', 'DATE', '1995'],
    ['2014', 'DATE', '2014'],
    ['2016', 'DATE', '2016'],
  ]);
  assert.deepEqual(timesOf('The index climbed to 2010, then slipped to 1995.', '2000-03-15'), []);
});

test('a fiscal quarter without a year is the one just reported, named by the year it ended in', () => {
  const text = 'Sun earned $5 million in the fiscal first quarter. Delta posted a record for the fiscal-first quarter ended Sept. 30.';
  assert.deepEqual(timesOf(text, '1989-10-26'), [
    ['the fiscal first quarter', 'DATE', '1989-Q1'],
    ['the fiscal-first quarter', 'DATE', '1989-Q1'],
    ['Sept. 30', 'DATE', '1989-09-30'],
  ]);
  assert.deepEqual(
    timesOf(text, null).map(([t, , value]) => [t, value]),
    [
      ['the fiscal first quarter', 'XXXX-Q1'],
      ['the fiscal-first quarter', 'XXXX-Q1'],
      ['Sept. 30', 'XXXX-09-30'],
    ],
  );
});

test('a part of the day without a day falls on the day the story is on; before a noun it is no time', () => {
  // 1989-11-02 is a Thursday.
  const text =
    'In London at mid-afternoon yesterday, shares rose. Prices fell Friday. Dealers placed orders in the morning. ' +
    'By mid afternoon, the talks were over. He read the morning paper and watched a late-night show.';
  assert.deepEqual(timesOf(text, '1989-11-02'), [
    ['mid-afternoon yesterday', 'TIME', '1989-11-01TAF'],
    ['Friday', 'DATE', '1989-10-27'],
    ['the morning', 'TIME', '1989-10-27TMO'],
    ['mid afternoon', 'TIME', '1989-11-02TAF'],
  ]);
  assert.deepEqual(
    timesOf('By mid afternoon, the talks were over.', null).map(([t, , value]) => [t, value]),
    [['mid afternoon', 'XXXX-XX-XXTAF']],
  );
});

test('"current" names the present and "then current" the past; "the current quarter" stays a quarter', () => {
  assert.deepEqual(timesOf('Current market conditions differ from the then current ones, and the current quarter is weak.', '1989-10-26'), [
    ['Current', 'DATE', 'PRESENT_REF'],
    ['then current', 'DATE', 'PAST_REF'],
    ['the current quarter', 'DATE', '1989-Q4'],
  ]);
});

test('a schedule in the past perfect points back: "had been scheduled to expire at midnight Friday"', () => {
  // 1989-10-30 is a Monday.
  assert.deepEqual(timesOf('The offer had been scheduled to expire at midnight Friday. It is scheduled to expire Friday.', '1989-10-30'), [
    ['midnight Friday', 'TIME', '1989-10-27T24:00'],
    ['Friday', 'DATE', '1989-11-03'],
  ]);
});

test('"the previous Friday" counts from the day the story is on, not from the writing', () => {
  // 1989-10-30 is a Monday; the story is on Friday, Oct. 27.
  const text = 'The index closed Friday at 2082.1, down 4.5% from the previous Friday. It had opened the following Monday.';
  assert.deepEqual(timesOf(text, '1989-10-30'), [
    ['Friday', 'DATE', '1989-10-27'],
    ['the previous Friday', 'DATE', '1989-10-20'],
    ['the following Monday', 'DATE', '1989-10-23'],
  ]);
  assert.deepEqual(
    timesOf('Prices were down from the previous Friday.', null).map(([t, , value]) => [t, value]),
    [['the previous Friday', 'XXXX-WXX-5']],
  );
});

test('a time in another zone in parentheses is a time of the same day, not a year', () => {
  // 1998-08-08 is a Saturday.
  const text = 'The blast came at 10:30 a.m. (0730 GMT) Friday. Talks begin at 3 p.m. (1900 GMT). The town has 1900 people.';
  assert.deepEqual(timesOf(text, '1998-08-08'), [
    ['10:30 a.m.', 'TIME', '1998-08-07T10:30'],
    ['0730 GMT', 'TIME', '1998-08-07T07:30'],
    ['Friday', 'DATE', '1998-08-07'],
    ['3 p.m.', 'TIME', '1998-08-08T15:00'],
    ['1900 GMT', 'TIME', '1998-08-08T19:00'],
  ]);
});

test('"this past weekend" and "this coming weekend" keep their whole shift', () => {
  // 1998-08-12 is a Wednesday.
  assert.deepEqual(timesOf('Crowds gathered this past weekend and will return this coming weekend.', '1998-08-12'), [
    ['this past weekend', 'DATE', '1998-W32-WE'],
    ['this coming weekend', 'DATE', '1998-W33-WE'],
  ]);
});

test('"one day" after a modal is some day ahead; elsewhere it is a length of a day', () => {
  assert.deepEqual(timesOf('Islam will one day be the largest faith. He had been in the job one day.', '1998-03-03'), [
    ['one day', 'DATE', 'FUTURE_REF'],
    ['one day', 'DURATION', 'P1D'],
  ]);
});
