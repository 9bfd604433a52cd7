// Refiner: joins two quantities that make one interval ("between 20 and 30", "15 to 22 miles per
// hour", "$10 to $15 billion", "2000-2500 Calories", "from $750,000 to $1 million", "$7/$9") and
// keeps apart what is a change between two figures ("rose from 240 to 273", "from 4.8 to 4.7
// percent") or a score ("a 9-2 lead", "2-2 on aggregate", "89-89"). The first quantity takes the
// second's unit and scale when it has none of its own ("$10 to $15 billion" is 10 to 15 billion). A
// unit written once in "from A to B" stands for both ends, of an interval or of a change ("from 4.8
// to 4.7 percent", "dropping from 208 pounds to 193", "climbed from 21 mpg combined to 23").
import type { Span } from '../../model/span.ts';
import { CHANGE_VERBS, SCORE_WORDS } from './figure-lexicon.ts';
import type { Quantity } from './unit-finder.ts';

/** One quantity, or two joined into an interval; `score` marks "A-B" results, which are not figures. */
export interface Measure extends Span {
  first: Quantity;
  /** The upper end of an interval, or null. */
  second: Quantity | null;
  low: number;
  high: number;
  unit: string | null;
  currency: boolean;
  score: boolean;
}

const CONNECTOR = /^[ \t\u00a0]*(?:(-|–|—|‐)|(to|and|through|until|till))[ \t\u00a0]*$/i;
const FROM = /(?<![\p{L}])from[ \t\u00a0]+$/iu;
/** "from 21 mpg combined to 23": a word or two may stand between the first end of a change and "to". */
const WORDS_THEN_TO = /^[ \t\u00a0]+(?:\p{L}+[ \t\u00a0]+){1,2}to[ \t\u00a0]+$/iu;

/** The measures of a sentence's quantities, in order. */
export function joinRanges(text: string, quantities: readonly Quantity[], sentence: Span): Measure[] {
  const out: Measure[] = [];
  const ends = [...quantities];
  for (let i = 0; i < ends.length; i++) {
    let a = ends[i]!;
    const b0 = ends[i + 1];
    const single = (q: Quantity): Measure => ({ start: q.start, end: q.end, first: q, second: null, low: q.value, high: q.value, unit: q.unit, currency: q.currency, score: false });
    if (!b0 || a.number.vague || b0.number.vague || a.number.fraction !== b0.number.fraction) {
      out.push(single(a));
      continue;
    }
    const gap = text.slice(a.end, b0.start);
    const connector = CONNECTOR.exec(gap);
    const lead = text.slice(Math.max(sentence.start, a.start - 60), a.start);
    const from = FROM.test(lead) && (connector?.[2]?.toLowerCase() === 'to' || WORDS_THEN_TO.test(gap));
    let b = b0;
    if (from && a.unit === null && b.unit !== null) a = { ...a, unit: b.unit, currency: b.currency };
    else if (from && b.unit === null && a.unit !== null) b = ends[i + 1] = { ...b, unit: a.unit, currency: a.currency };
    if (!connector) {
      // "$7/$9", "5%/8%": two amounts of one unit with a slash between give the interval they span.
      if (gap === '/' && a.unit !== null && a.unit === b.unit && a.value < b.value) {
        out.push({ start: a.start, end: b.end, first: a, second: b, low: a.value, high: b.value, unit: a.unit, currency: a.currency, score: false });
        i++;
        continue;
      }
      out.push(from ? changeStart(a, b) : single(a));
      continue;
    }
    const dash = connector[1] !== undefined;
    const word = connector[2]?.toLowerCase();
    const glued = dash && b.start - a.end === 1;
    if (glued && isScore(text, a, b, lead, sentence)) {
      out.push({ ...single(a), end: b.end, second: b, score: true });
      i++;
      continue;
    }
    if (word === 'and' && !/(?<![\p{L}])between[ \t\u00a0]+$/iu.test(lead.replace(/[ \t\u00a0]*(?:about|around|roughly|some|approximately)[ \t\u00a0]*$/i, ' '))) {
      out.push(single(a));
      continue;
    }
    // "0.4 per cent to 13176": a first end with a unit of its own needs the same unit on the second
    // (a rate may follow the second only: "from $500,000 to $1 million a year").
    const baseUnit = (u: string | null) => u?.split('/')[0] ?? null;
    if (a.unit !== null && baseUnit(a.unit) !== baseUnit(b.unit)) {
      out.push(single(a));
      continue;
    }
    // "$10 to $15 billion": the first end takes the second's scale when it has none and lies below it.
    const low = a.scale === 1 && b.scale > 1 && a.value <= b.value / b.scale ? a.value * b.scale : a.value;
    const high = b.value;
    // "rose from 240 to 273", "slow from 4.8 to 4.7 percent", "fell 0.4 to 13176": a change between
    // two figures; "down from the $89 to $93 billion it had projected" names an interval.
    const fromThe = /(?<![\p{L}])from[ \t\u00a0]+the[ \t\u00a0]+$/iu.test(lead);
    if ((word === 'to' || (dash && !glued)) && !fromThe && changeVerbBefore(lead)) {
      out.push(from ? changeStart(a, b) : single(a));
      continue;
    }
    if (!(low < high)) {
      out.push(from ? changeStart(a, b) : single(a));
      continue;
    }
    // "between 20 and 30": the interval's span starts with "between".
    const between = /(?<![\p{L}])between[ \t\u00a0]+$/iu.exec(lead);
    const start = between && word === 'and' ? a.start - (lead.length - between.index) : a.start;
    out.push({ start, end: b.end, first: a, second: b, low, high, unit: b.unit ?? a.unit, currency: a.currency || b.currency, score: false });
    i++;
  }
  return out;
}

/** The first end of a change "from A to B": it takes B's scale when it has none and the two are of one size ("fell from 3 to 2 billion"). */
function changeStart(a: Quantity, b: Quantity): Measure {
  const ratio = (a.value * b.scale) / b.value;
  const value = a.scale === 1 && b.scale > 1 && ratio >= 0.1 && ratio <= 10 ? a.value * b.scale : a.value;
  return { start: a.start, end: a.end, first: a, second: null, low: value, high: value, unit: a.unit, currency: a.currency, score: false };
}

/** "a 9-2 lead", "2-2 on aggregate", "won 3-1", "89-89": two small integers joined by a dash, as results are written. */
function isScore(text: string, a: Quantity, b: Quantity, lead: string, sentence: Span): boolean {
  const small = (q: Quantity) => q.unit === null && !q.number.formatted && Number.isInteger(q.value) && q.value < 1000;
  if (!small(a) || !small(b)) return false;
  if (a.value >= b.value) return true;
  const context = `${lead.slice(-30)} ${text.slice(b.end, Math.min(sentence.end, b.end + 30))}`.toLowerCase();
  return context.split(/[^\p{L}]+/u).some((w) => SCORE_WORDS.has(w));
}

/** A change verb among the last few words before "from" ("rose", "dropping", "going"). */
function changeVerbBefore(lead: string): boolean {
  const words = lead.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.slice(-6).some((w) => CHANGE_VERBS.has(w));
}
