// Refiner: drops proposed figures that are not figures, and says why. Years ("in 2016"), ages
// ("aged 34", "34-year-old", "Maddon, 66,"), numbers in names, versions and references ("Boeing
// 787", "iOS 13.2", "Resolution 2334", "Route 66", "Game 7", "No. 1"), codes ("F-35", "COVID-19",
// "S23", "5G", "192.168.1.2", "24/7"), ordinals ("22nd"), decades ("1990s"), clock times ("4pm"),
// list markers ("1. First point"), scores ("a 9-2 lead"), ratings ("De Gea: 7") and the pronoun
// "one" ("no one", "the one"). Dates, clock times written out and telephone numbers never reach
// here (non-figure-spans.ts).
import type { Span } from '../../model/span.ts';
import { AGE_AFTER, AGE_CUES, alternation, NAME_HEADS, STOP_WORDS, STREET_WORDS, TIME_SUFFIXES } from './figure-lexicon.ts';
import { countsPeople, looksPlural } from './counted-noun.ts';
import { quantitiesOf, type FigureCandidate } from './figure-candidate.ts';
import { overlapsSorted } from './span-lookup.ts';
import type { Quantity } from './unit-finder.ts';

/** Why a proposed figure is not one. */
export type NonFigureReason = 'score' | 'code' | 'ordinal' | 'decade' | 'time' | 'age' | 'year' | 'name' | 'address' | 'list marker' | 'pronoun' | 'idiom';

/** What the filter needs to know about the sentence a candidate lies in. */
export interface FilterContext {
  text: string;
  sentence: Span;
  /** A headline in title case ("Israel Kills Two Dozen"), where capitals say nothing about names. */
  titleCase: boolean;
  /** Entity mentions of the document, sorted by start. */
  mentions: readonly Span[];
  /** Mentions of places (GPE, LOC), sorted by start. */
  places: readonly Span[];
}

const PREVIOUS_WORD = /([\p{L}#][\p{L}\p{N}&.'’-]*)[ \t\u00a0]*$/u;
// "aged 34", "ages of between 18", and the second end of "between the ages of 18 and 29".
const AGE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${[...AGE_CUES].join('|')})[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?(?:between[ \\t\\u00a0]+)?(?:\\d{1,3}[ \\t\\u00a0]*(?:and|to|or|-|–)[ \\t\\u00a0]*)?$`, 'iu');
const PRONOUN_ONE_BEFORE = new Set(['the', 'this', 'that', 'no', 'any', 'every', 'each', 'which', 'what', 'another', 'only', 'someone', 'anyone', 'everyone', 'such']);
const HALF_AS_PART = new Set(['the', 'first', 'second', 'third', 'fourth', 'final', 'latter', 'former', 'other', 'back', 'front', 'better', 'bottom', 'top', 'in']);
/** A sentence that opens with a name and a colon, as player ratings are written ("De Gea: 7"). */
const RATING_LEAD = /^[ \t\u00a0"“]*\p{Lu}[\p{L}'’.-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}'’.-]*){0,3}:[ \t\u00a0]*$/u;
const TIME_GLUE = /^(?:am|pm|a|p|hrs|h)$/i;
const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'decade', 'century']);
const PRONOUN_NUMBER_BEFORE = new Set(['the', 'those', 'these', 'all', 'both']);
const TIME_AFTER = new RegExp(`^[ \\t\\u00a0]*(?:${alternation(TIME_SUFFIXES)})(?![\\p{L}])`, 'u');

/** The reason `c` is not a figure, or null when it is one. */
export function nonFigureReason(c: FigureCandidate, ctx: FilterContext): NonFigureReason | null {
  const { text } = ctx;
  if (c.measure.score) return 'score';
  // "a 2-to-1 vote": a ratio written with hyphens.
  if (/^[-‐]to[-‐]\d/.test(text.slice(c.measure.first.number.end, c.measure.first.number.end + 5)) || /\d[-‐]to[-‐]$/.test(text.slice(Math.max(0, c.measure.start - 5), c.measure.start))) return 'score';
  for (const q of quantitiesOf(c)) {
    const reason = writtenAsNonFigure(q);
    if (reason) return reason;
  }
  const q = c.measure.first;
  const n = q.number;
  const { sentence } = ctx;
  const lead = text.slice(Math.max(sentence.start, q.start - 40), q.start);
  const bare = c.hedge === null && q.unit === null && !n.formatted && n.vague === null && !n.fraction;

  if (isAge(text, c, lead, bare)) return 'age';
  if (quantitiesOf(c).every((x) => isYear(x, c))) return 'year';
  if (overlapsMention(ctx.mentions, n.start, n.end)) return 'name';
  const previous = PREVIOUS_WORD.exec(lead);
  if (previous && c.hedge === null && !q.currency) {
    const word = previous[1]!;
    const wordOpensSentence = q.start - sentence.start <= lead.length && lead.slice(0, previous.index).trim() === '';
    const numbered = bareNumber(q) || versionNumber(text, q);
    if (NAME_HEADS.has(word.toLowerCase()) && numbered) return 'name';
    // "Boeing 787", "FTSE 100 companies", "said Windows 10 runs": a bare number after a capitalised
    // word belongs to the name, unless the word is a place or opens the sentence and the number
    // counts something after it ("in Gaza 40 people died", "Release 50 hostages"), or the word is
    // a capitalised function word.
    if (numbered && /[\p{Lu}#]/u.test(word) && !ctx.titleCase && !(wordOpensSentence && STOP_WORDS.has(word.toLowerCase()))) {
      const counted = c.counted;
      const wordEnd = q.start - (lead.length - previous.index - word.length);
      const place = overlapsSorted(ctx.places, wordEnd - 1, wordEnd);
      if (!(place || wordOpensSentence) || !counted || /^\p{Lu}/u.test(counted.text) || !looksPlural(lastWord(counted.text).toLowerCase())) return 'name';
    }
  }
  if (bareNumber(q) && isAddress(text, q, sentence)) return 'address';
  // "737 Max jets", "787 Dreamliner": a bare three- or four-digit number before a capitalised word
  // that counts nothing names a model.
  if (bareNumber(q) && q.value >= 100 && q.value < 10000 && c.counted && /^\p{Lu}/u.test(c.counted.text) && !looksPlural(firstWord(c.counted.text).toLowerCase())) return 'name';
  // "Group of Seven", "Air Force One": a number word capitalised inside a sentence (not after a colon, dash or quote).
  const opensSentence = n.start - sentence.start <= lead.length && lead.trim() === '';
  if (n.form === 'words' && n.capitalised && !ctx.titleCase && !opensSentence && !/["“‘'(:—–-]\s*$/.test(lead)) return 'name';
  if (isListMarker(text, n)) return 'list marker';
  // "Ander Herrera: 4 Started the episode…": a player rating after a name heading the sentence.
  if (bare && c.counted === null && n.value <= 10 && RATING_LEAD.test(text.slice(sentence.start, n.start))) return 'score';
  if (n.form === 'words') {
    const lower = text.slice(n.start, n.end).toLowerCase();
    const before = previous?.[1]?.toLowerCase();
    if (lower === 'one' && ((before && PRONOUN_ONE_BEFORE.has(before)) || /^[ \t\u00a0]+another\b/i.test(text.slice(n.end, n.end + 10)))) return 'pronoun';
    // "those two as equivalent", "the three of them": a number standing for people already named.
    if (bare && c.counted === null && before && PRONOUN_NUMBER_BEFORE.has(before)) return 'pronoun';
    if (TIME_AFTER.test(text.slice(n.end, n.end + 12))) return 'time';
    // "Hillary Clinton has come up with one.": "one" that counts nothing stands for a noun.
    if (lower === 'one' && bare && c.counted === null) return 'pronoun';
    if (lower === 'half' && before && HALF_AS_PART.has(before)) return 'ordinal';
  }
  // "Seventy-four years ago": a time in the past, said as a duration.
  if (q.unit !== null && TIME_UNITS.has(q.unit) && /^[ \t\u00a0]+ago\b/i.test(text.slice(c.measure.end, c.measure.end + 8))) return 'time';
  // A bare fraction that counts nothing ("cut in half") is a manner of speaking, not a figure.
  if (n.fraction && q.unit === null && c.counted === null && n.form === 'words' && !/ (?:in|out of) /.test(text.slice(n.start, n.end))) return 'idiom';
  return null;
}

/** Codes, ordinals, decades and clock times, told by how the number is written. */
function writtenAsNonFigure(q: Quantity): NonFigureReason | null {
  const n = q.number;
  if (n.code) return 'code';
  // "1474387200", "778257943577919488": news writes large amounts with separators; a long bare run of digits is an identifier.
  if (n.form === 'digits' && !n.formatted && q.unit === null && Math.abs(n.value) >= 1e7) return 'code';
  const glue = q.unexplainedGlue;
  if (glue !== null) {
    if (/^(?:st|nd|rd|th)$/i.test(glue)) return 'ordinal';
    if (glue === 's') return 'decade';
    if (TIME_GLUE.test(glue)) return 'time';
    return 'code';
  }
  // "S23", "A320", "F-35": letters glued before a plain number; "PS2.7m" (a currency the text
  // mangled) is an amount because it carries a scale or separators.
  if (n.prefix !== null && !q.currency && (n.prefix.endsWith('-') || !n.formatted)) return 'code';
  return null;
}

/** A plain integer with nothing that makes it a quantity: no unit, currency, separators or scale. */
const bareNumber = (q: Quantity) => q.unit === null && !q.currency && !q.number.formatted && q.number.vague === null && Number.isInteger(q.value);

/** "10.4" in "version 10.4", "3.0" in "iPhone 3.0": digits with a decimal part and nothing else, as versions are numbered. */
const versionNumber = (text: string, q: Quantity) => q.unit === null && !q.currency && q.number.vague === null && q.number.scale === 1 && /^\d+\.\d+$/.test(text.slice(q.number.start, q.number.end));

const lastWord = (s: string) => s.slice(s.lastIndexOf(' ') + 1);
const firstWord = (s: string) => s.split(' ', 1)[0]!;

/** Older than anyone lives: "a 2,000-year-old temple", "400 million-year-old bedrock" state how old a thing is, a measure. */
const LIFETIME = 150;

/** "aged 34", "age 87", "34-year-old", "30 years old", "Maddon, 66, has", "Ms Rosa (34)": the age of someone. */
function isAge(text: string, c: FigureCandidate, lead: string, bare: boolean): boolean {
  const n = c.measure.first.number;
  if (AGE_BEFORE.test(lead)) return true;
  const after = text.slice(n.end, n.end + 16).toLowerCase();
  if (AGE_AFTER.some((form) => after.startsWith(form))) return n.value <= LIFETIME;
  const last = c.measure.second?.number;
  if (last && AGE_AFTER.some((form) => text.slice(last.end, last.end + 16).toLowerCase().startsWith(form))) return true;
  if (!bare || n.value < 1 || n.value > 119) return false;
  const right = text.slice(n.end, n.end + 4);
  if (/\p{Lu}[\p{L}'’.-]*,[ \t\u00a0]*$/u.test(lead) && /^[ \t\u00a0]*(?:[,;)—―–]|-[ \t]|$)/.test(right)) return true;
  return /\p{Lu}[\p{L}'’.-]*[ \t\u00a0]*\($/u.test(lead) && right.startsWith(')');
}

/** A four-digit number from 1800 to 2100 with nothing that makes it a count: "in 2016", "the 2020 Escape", "2018 sales" (but "2000 hires"). */
function isYear(q: Quantity, c: FigureCandidate): boolean {
  const n = q.number;
  if (n.form !== 'digits' || n.formatted || q.unit !== null || n.value < 1800 || n.value > 2100 || !Number.isInteger(n.value)) return false;
  const counted = c.counted;
  // "below 2005 levels", "above 1990 levels": a hedge before a year's level compares with that year.
  if (c.hedge !== null && !(counted && /^levels?$/i.test(counted.text))) return false;
  return !(counted && !counted.anaphoric && countsPeople(lastWord(counted.text)));
}

/** True when an entity mention holds the number and more ("Resolution 2334", "Air Force One"); a mention that is the number alone is a tagging slip ("Two" as an organisation). */
const overlapsMention = (mentions: readonly Span[], start: number, end: number) => overlapsSorted(mentions, start, end, (m) => m.start < start || m.end > end);

/** "575 Wilbraham Road", "9 E 71st St", "22 Ave Foch": a house number before a street name. */
function isAddress(text: string, q: Quantity, sentence: Span): boolean {
  const words = text.slice(q.end, Math.min(sentence.end, q.end + 40)).split(/[\s,]+/).filter(Boolean).slice(0, 4);
  for (const w of words) {
    if (STREET_WORDS.has(w)) return true;
    if (!/^(?:\p{Lu}|\d+(?:st|nd|rd|th)$)/u.test(w)) return false;
  }
  return false;
}

/** "1. First point", "2) Second", "(3) Third" at the start of a line. */
function isListMarker(text: string, n: Span): boolean {
  const from = Math.max(0, n.start - 8);
  const lead = text.slice(from, n.start);
  if (!(from === 0 ? /(?:^|\n)[ \t]*\(?$/ : /\n[ \t]*\(?$/).test(lead)) return false;
  return /^[.)][ \t]/.test(text.slice(n.end, n.end + 2));
}
