// Finder: numbers in running text, in digits ("59,000", "1.2bn", ".08", "3/4", "2½", "1e10", "US $5.4m"
// reads "5.4") and in words ("two dozen", "twenty-one trillion and three hundred", "a third",
// "half", "one and a half million"), proportions ("one in four", "9 out of 10"), and words that
// name a quantity only roughly ("dozens",
// "tens of thousands", "several"). It proposes every number a reader would take for one and
// records how it is written (glued letters, a prefix, separators); whether a number is a figure at
// all (a year, a date, a code, a name) is decided later by the refiners.
import type { Span } from '../../model/span.ts';
import { alternation, DENOMINATORS, GROUPS, HUNDRED, isUnitWord, MULTIPLIER_SUFFIXES, NEGATIVE_WORDS, NOT_AFTER_HYPHEN, NUMBER_START_WORDS, ONES, ORDINAL_ONES, SCALE_ABBREVIATIONS, SCALES, TENS, VAGUE, VULGAR_FRACTIONS } from './figure-lexicon.ts';
import { wordNumberValue } from './number-value.ts';

/** A number found in the text, with its value and how it is written. */
export interface NumberMention extends Span {
  /** The value; for a vague quantity, its lower bound. */
  value: number;
  /** The interval a vague quantity implies ("dozens" → 24..null); null for an exact number. */
  vague: { low: number | null; high: number | null } | null;
  form: 'digits' | 'words';
  /** A share of a whole written as a fraction ("half", "a third", "3/4"). */
  fraction: boolean;
  /** Letters glued after the digits that are not part of the number ("km" in "29km", "m" in "5m", "st" in "1st"). */
  glued: string | null;
  /** What is glued before the digits ("US" in "US55", "RM" in "RM120,000", "SCP-" in "SCP-173"). */
  prefix: string | null;
  /** Written with a thousands separator, a decimal part, a sign or a scale: never a year or a code. */
  formatted: boolean;
  /** The scale the number carries ("million" → 1e6, "bn" → 1e9, "k" → 1e3); 1 when none. */
  scale: number;
  /** Part of a dotted or slashed sequence ("192.168.1.2", "24/7", "9/11"): a code, a date or an idiom. */
  code: boolean;
  /** Words starting with a capital letter ("Seven" in "Group of Seven"). */
  capitalised: boolean;
}

/** A number word with a multiplier suffix glued to it ("sixfold", "tenfold"): the stem is the number, the suffix its unit. */
const SUFFIXED = new RegExp(`(?:${alternation([...ONES.keys(), ...TENS.keys(), HUNDRED, ...SCALES.keys()])})(?=(?:${alternation(MULTIPLIER_SUFFIXES)})(?![\\p{L}]))`, 'iuy');
const CANDIDATE = new RegExp(`[0-9${[...VULGAR_FRACTIONS.keys()].join('')}]|(?<![\\p{L}\\p{N}])(?:${alternation(NUMBER_START_WORDS)})(?:(?![\\p{L}])|(?=(?:${alternation(MULTIPLIER_SUFFIXES)})(?![\\p{L}])))`, 'giu');

const INTEGER = /(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d{1,3}(?: \d{3}){2,}(?![\d])|\d+)/y;
const DECIMAL = /\.\d+/y;
const MORE_DOTS = /(?:\.\d+)+/y;
const SLASH = /[/⁄](\d+)/y;
const MORE_SLASHES = /(?:[/⁄]\d+)+/y;
const MIXED_FRACTION = /[ \t]+(\d+)[/⁄](\d+)(?![\d/])/y;
const EXPONENT = /[eE]([+-]?\d+)(?![\p{L}\d])/uy;
const POWER = /\^([+-]*)(\d+)/y;
const TIMES_TEN = /[ \t]*×[ \t]*10\^?([-−]?\d+)/y;
const GLUED = /[A-Za-zµμ]+(?:[23²³](?![\d]))?(?:\/[A-Za-z]+)?/y;
const SPACED_SCALE = /(?:[ \t\u00a0]+|-)(hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?|dzs?|dozs?|bn|bln|mn|mln|tn|tln|k|K|B|G|M)(?![\p{L}\p{N}])/uy;
const WORD = /[A-Za-z]+/y;
const SUBSECTION = /(?:\([a-z0-9]{1,3}\))+/iy;
/** How far back glued letters are read as a prefix; codes and currency codes are short. */
const MAX_PREFIX = 24;
const SIGN_WORD = /(?<![\p{L}])(?:minus|negative)[ \t\u00a0]+$/iu;
const WORD_GAP = /[ \t\u00a0]*[-‐–][ \t\u00a0]*|[ \t\u00a0]+/y;
/** After a singular denominator, what makes it a fraction ("a third of", "a quarter mile") rather than an ordinal ("a third term"). */
const AFTER_SINGULAR_FRACTION = /^(?:[ \t\u00a0]*(?:$|[,.;:)!?—–"”'’])|\s+(?:of|and|or|million|billion|thousand|hundred|mile|hour|century|pound|inch|cup|teaspoon|tablespoon)\b|-)/i;
const GLUED_MULTIPLIERS: ReadonlyMap<string, number> = new Map([...SCALE_ABBREVIATIONS, ['M', 1e6]]);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
const isAlnum = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Every number in `text[from, to)`, in text order, none overlapping. */
export function findNumbers(text: string, from = 0, to = text.length): NumberMention[] {
  const out: NumberMention[] = [];
  CANDIDATE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null && m.index < to) {
    const at = m.index;
    const found = isDigit(text.charCodeAt(at)) ? digitNumber(text, at, to) : VULGAR_FRACTIONS.has(text[at]!) ? vulgarFraction(text, at) : wordNumber(text, at, to);
    if (found === null) {
      CANDIDATE.lastIndex = at + m[0].length;
      continue;
    }
    if ('skip' in found) {
      CANDIDATE.lastIndex = Math.max(found.skip, at + 1);
      continue;
    }
    // The previous number may have ended with a word this one starts with; never overlap.
    const last = out[out.length - 1];
    if (last && found.start < last.end) {
      CANDIDATE.lastIndex = Math.max(found.end, at + 1);
      continue;
    }
    const share = proportion(text, found, to);
    out.push(share ?? found);
    CANDIDATE.lastIndex = Math.max((share ?? found).end, at + 1);
  }
  return out;
}

const PROPORTION = /^[ \t\u00a0]+(out of|in)[ \t\u00a0]+/;

/** "one in four", "9 out of 10": a proportion is one number, the share N/M, when M is a whole larger than N. */
function proportion(text: string, first: NumberMention, to: number): NumberMention | null {
  if (first.vague || first.fraction || first.glued !== null || first.formatted || !Number.isInteger(first.value) || first.value < 1) return null;
  const link = PROPORTION.exec(text.slice(first.end, Math.min(to, first.end + 10)));
  if (!link) return null;
  const at = first.end + link[0].length;
  const second = isDigit(text.charCodeAt(at)) ? digitNumber(text, at, to) : /[A-Za-z]/.test(text[at] ?? '') ? wordNumber(text, at, to) : null;
  if (!second || 'skip' in second || second.vague || second.fraction || second.glued !== null || !Number.isInteger(second.value)) return null;
  // "5 in 2014" is a year, not a share; "in" takes small wholes only.
  if (second.value <= first.value || (link[1] === 'in' && second.value > 1000)) return null;
  return { ...first, end: second.end, value: first.value / second.value, fraction: true, formatted: true, scale: 1 };
}

type Scan = NumberMention | { skip: number } | null;

/** A number in digits whose first digit is at `at`. */
function digitNumber(text: string, at: number, to: number): Scan {
  const before = text[at - 1];
  // A digit run continuing a longer one ("192.168", "1.2.3") was handled with its start.
  if (before !== undefined && (isDigit(before.charCodeAt(0)) || (before === '.' && isDigit(text.charCodeAt(at - 2))))) return { skip: at + 1 };
  let start = at;
  let negative = false;
  let prefix: string | null = null;
  let leadingDecimal = false;
  let signWord: RegExpExecArray | null = null;
  if (before === '.' && !isAlnum(text[at - 2])) {
    start = at - 1;
    leadingDecimal = true;
  } else if ((before === '-' || before === '−') && !isAlnum(text[at - 2])) {
    // "-5 yards", "−1.2": a sign when nothing glues the minus to what precedes it.
    const gapBefore = text.slice(Math.max(0, at - 12), at - 1);
    if (!/\d[ \t]*$/.test(gapBefore)) {
      start = at - 1;
      negative = true;
    }
  } else if ((before === '-' || before === '‐') && isLetter(text[at - 2])) {
    // "COVID-19", "F-35", "minus-260"
    let p = at - 2;
    while (p > 0 && at - p < MAX_PREFIX && isLetter(text[p - 1])) p--;
    const word = text.slice(p, at - 1);
    if (NEGATIVE_WORDS.has(word.toLowerCase())) {
      start = p;
      negative = true;
    } else prefix = `${word}-`;
  } else if ((signWord = SIGN_WORD.exec(text.slice(Math.max(0, at - 10), at))) !== null) {
    // "minus 387 Fahrenheit"
    start = at - signWord[0].length;
    negative = true;
  } else if (isLetter(before) || before === '_') {
    // "US55", "RM120,000", "S23", "@Fred_945": what is glued before the digits.
    let p = at - 1;
    while (p > 0 && at - p < MAX_PREFIX && (isLetter(text[p - 1]) || text[p - 1] === '_')) p--;
    prefix = text.slice(p, at);
  }

  let i = leadingDecimal ? at - 1 : at;
  let digits = '';
  let formatted = negative || leadingDecimal;
  let code = false;
  if (!leadingDecimal) {
    INTEGER.lastIndex = i;
    const int = INTEGER.exec(text);
    if (!int || INTEGER.lastIndex > to) return { skip: at + 1 };
    digits = int[1]!.replace(/[,\s\u00a0\u202f\u2009]/g, '');
    if (digits.length !== int[1]!.length) formatted = true;
    i = INTEGER.lastIndex;
  }
  DECIMAL.lastIndex = i;
  const decimal = DECIMAL.exec(text);
  let fraction = false;
  let value: number;
  if (decimal && DECIMAL.lastIndex <= to) {
    digits += decimal[0];
    i = DECIMAL.lastIndex;
    formatted = true;
    MORE_DOTS.lastIndex = i;
    if (MORE_DOTS.exec(text)) {
      // "192.168.1.2", "1.2.3", "05.03.2019": a version, an address or a date.
      i = MORE_DOTS.lastIndex;
      code = true;
    }
    value = Number(digits.startsWith('.') ? `0${digits}` : digits);
  } else {
    value = Number(digits);
    SLASH.lastIndex = i;
    const slash = SLASH.exec(text);
    if (slash) {
      const denominator = Number(slash[1]);
      MORE_SLASHES.lastIndex = i;
      MORE_SLASHES.exec(text);
      const end = MORE_SLASHES.lastIndex;
      if (end === SLASH.lastIndex && isCommonFraction(value, denominator)) {
        value /= denominator;
        fraction = true;
        formatted = true;
      } else code = true; // "24/7", "9/11", "12/03/2024"
      i = end;
    } else if (VULGAR_FRACTIONS.has(text[i] ?? '') || ((text[i] === ' ' || text[i] === '\u00a0') && VULGAR_FRACTIONS.has(text[i + 1] ?? '') && i + 1 < to)) {
      if (!VULGAR_FRACTIONS.has(text[i]!)) i++;
      value += VULGAR_FRACTIONS.get(text[i]!)!; // "2½", "4 ½"
      i++;
      formatted = true;
    } else {
      MIXED_FRACTION.lastIndex = i;
      const mixed = MIXED_FRACTION.exec(text);
      if (mixed && isCommonFraction(Number(mixed[1]), Number(mixed[2])) && MIXED_FRACTION.lastIndex <= to) {
        value += Number(mixed[1]) / Number(mixed[2]); // "2 1/4"
        i = MIXED_FRACTION.lastIndex;
        formatted = true;
      }
    }
  }
  let scale = 1;
  EXPONENT.lastIndex = i;
  const exponent = EXPONENT.exec(text);
  if (exponent) {
    value *= 10 ** Number(exponent[1]);
    i = EXPONENT.lastIndex;
    formatted = true;
  } else {
    POWER.lastIndex = i;
    const power = POWER.exec(text);
    if (power) {
      const minus = (power[1]!.match(/-/g)?.length ?? 0) % 2 === 1;
      value = value ** (minus ? -Number(power[2]) : Number(power[2]));
      i = POWER.lastIndex;
      formatted = true;
    } else {
      TIMES_TEN.lastIndex = i;
      const times = TIMES_TEN.exec(text);
      if (times) {
        value *= 10 ** Number(times[1]!.replace('−', '-'));
        i = TIMES_TEN.lastIndex;
        formatted = true;
      }
    }
  }

  // "401(k)", "501(c)(3)": a subsection in brackets glued to the digits makes a legal reference.
  SUBSECTION.lastIndex = i;
  if (!code && SUBSECTION.exec(text) && SUBSECTION.lastIndex <= to) {
    code = true;
    i = SUBSECTION.lastIndex;
  }
  // Letters glued to the digits: a multiplier ("10k", "1.2bn"), else a unit, an ordinal or a
  // decade suffix for the later steps ("29km", "1st", "1990s").
  let glued: string | null = null;
  GLUED.lastIndex = i;
  const letters = !code ? GLUED.exec(text) : null;
  if (letters && GLUED.lastIndex <= to) {
    const multiplier = GLUED_MULTIPLIERS.get(letters[0]);
    if (multiplier !== undefined && !isAlnum(text[GLUED.lastIndex])) {
      value *= multiplier;
      scale *= multiplier;
      formatted = true;
      i = GLUED.lastIndex;
    } else if (isAlnum(text[GLUED.lastIndex])) {
      code = true; // "24703m212", "3D4"
      i = GLUED.lastIndex;
    } else glued = letters[0];
  }
  if (glued === null && !code) {
    for (;;) {
      SPACED_SCALE.lastIndex = i;
      const spaced = SPACED_SCALE.exec(text);
      if (!spaced || SPACED_SCALE.lastIndex > to) break;
      const word = spaced[1]!;
      const lower = word.toLowerCase();
      const factor = lower === HUNDRED ? 100 : (SCALES.get(lower) ?? GROUPS.get(lower) ?? GROUPS.get(lower.replace(/s$/, '')) ?? GLUED_MULTIPLIERS.get(word) ?? (word === 'G' ? 1e9 : undefined));
      if (factor === undefined) break;
      value *= factor;
      scale *= factor;
      formatted = true;
      i = SPACED_SCALE.lastIndex;
    }
  }
  if (negative) value = -value;
  return {
    start,
    end: i,
    value,
    vague: null,
    form: 'digits',
    fraction: fraction && Math.abs(value) < 1,
    glued,
    prefix,
    formatted,
    scale,
    code,
    capitalised: false,
  };
}

/** "¾": a fraction in one character, standing alone (after a whole number it is part of that number). */
function vulgarFraction(text: string, at: number): NumberMention {
  return { start: at, end: at + 1, value: VULGAR_FRACTIONS.get(text[at]!)!, vague: null, form: 'digits', fraction: true, glued: null, prefix: null, formatted: true, scale: 1, code: false, capitalised: false };
}

/** "3/4", "1/16", "7/8": a proper fraction over a denominator fractions use; "9/11" and "24/7" are not. */
function isCommonFraction(numerator: number, denominator: number): boolean {
  return numerator > 0 && numerator < denominator && [2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128].includes(denominator);
}

/** A number in words (or a vague quantity) whose first word is at `at`. */
function wordNumber(text: string, at: number, to: number): Scan {
  const vague = vagueQuantity(text, at, to);
  if (vague) return vague;
  SUFFIXED.lastIndex = at;
  const suffixed = SUFFIXED.exec(text);
  if (suffixed && SUFFIXED.lastIndex <= to) {
    const stem = suffixed[0].toLowerCase();
    const value = stem === HUNDRED ? 100 : (ONES.get(stem) ?? TENS.get(stem) ?? SCALES.get(stem)!);
    return { start: at, end: SUFFIXED.lastIndex, value, vague: null, form: 'words', fraction: false, glued: null, prefix: null, formatted: true, scale: 1, code: false, capitalised: /\p{Lu}/u.test(text[at]!) };
  }
  const words: string[] = [];
  const ends: number[] = [];
  let i = at;
  for (;;) {
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (!w || WORD.lastIndex > to) break;
    const lower = w[0].toLowerCase();
    if (!acceptWord(lower, words, text, WORD.lastIndex, to)) break;
    words.push(lower);
    ends.push(WORD.lastIndex);
    WORD_GAP.lastIndex = WORD.lastIndex;
    if (!WORD_GAP.exec(text) || WORD_GAP.lastIndex >= to) break;
    i = WORD_GAP.lastIndex;
  }
  // Connectives only join numbers: a trailing "and", "a" or "point" is not part of the number.
  while (words.length > 0 && ['and', 'a', 'an', 'point'].includes(words[words.length - 1]!)) {
    words.pop();
    ends.pop();
  }
  if (words.length === 0) return null;
  let start = at;
  // "a third", "a dozen", "a hundred", "a million", "a half": the article stands for one.
  const first = words[0]!;
  const article = /(?<![\p{L}])(an?)[ \t\u00a0]+$/iu.exec(text.slice(Math.max(0, at - 4), at));
  const needsArticle = first === HUNDRED || SCALES.has(first) || GROUPS.has(first);
  if (article && (needsArticle || DENOMINATORS.has(first))) {
    words.unshift(article[1]!.toLowerCase());
    start = at - article[0].length;
  } else if (needsArticle) return { skip: ends[0]! }; // "a baker's dozen", "million-dollar": no number without one
  const end = ends[ends.length - 1]!;
  const last = words[words.length - 1]!;
  // A singular denominator after one is a fraction only before "of", punctuation or a unit: "a third of", not "a third term".
  if (DENOMINATORS.has(last) && !last.endsWith('s') && last !== 'half' && !AFTER_SINGULAR_FRACTION.test(text.slice(end, end + 14))) return { skip: end };
  const resolved = wordNumberValue(words);
  if (resolved === null) return { skip: end };
  // "half-time", "one-sided", "three-way": a number word glued by a hyphen to such a word is part of
  // that word; "four-cylinder", "two-month" and "one-yen" count or measure what follows.
  const glued = /^[-‐]([\p{L}]+)/u.exec(text.slice(end, end + 24));
  if (glued && !isUnitWord(glued[1]!) && (resolved.value < 2 || resolved.fraction || NOT_AFTER_HYPHEN.has(glued[1]!.toLowerCase()))) return { skip: end };
  let value = resolved.value;
  let negative = false;
  const sign = /(?<![\p{L}])(minus|negative)[ \t\u00a0]*-?[ \t\u00a0]*$/iu.exec(text.slice(Math.max(0, start - 12), start));
  if (sign) {
    negative = true;
    start -= sign[0].length;
    value = -value;
  }
  return {
    start,
    end,
    value,
    vague: null,
    form: 'words',
    fraction: resolved.fraction,
    glued: null,
    prefix: null,
    formatted: negative || words.length > 1 || resolved.fraction,
    scale: words.reduce((s, w) => s * (SCALES.get(w) ?? 1), 1),
    code: false,
    capitalised: /\p{Lu}/u.test(text[at]!),
  };
}

/** Whether `word` continues the number read so far (`words`); `after` is where the word ends. */
function acceptWord(word: string, words: readonly string[], text: string, after: number, to: number): boolean {
  const previous = words[words.length - 1];
  const next = () => {
    const rest = /^[ \t\u00a0]*[-‐–]?[ \t\u00a0]*([A-Za-z]+)/.exec(text.slice(after, Math.min(to, after + 24)));
    return rest ? rest[1]!.toLowerCase() : '';
  };
  if (word === 'and') {
    if (previous === undefined) return false;
    const following = next();
    // "one hundred and six", "two thousand and two hundred"; "one and a half", "twenty and three fifths"
    if ((previous === HUNDRED || SCALES.has(previous)) && (ONES.has(following) || TENS.has(following))) return true;
    return fractionAhead(text, after, to);
  }
  if (word === 'a' || word === 'an') {
    const following = next();
    return (previous === 'and' || previous === 'half') && (following === 'half' || following === 'quarter' || DENOMINATORS.has(following) || SCALES.has(following) || GROUPS.has(following) || following === HUNDRED);
  }
  if (word === 'point') {
    const following = next();
    return previous !== undefined && previous !== 'and' && (ONES.has(following) || TENS.has(following));
  }
  const one = ONES.get(word);
  const ten = TENS.get(word);
  if (previous === undefined) return one !== undefined || ten !== undefined || word === HUNDRED || SCALES.has(word) || GROUPS.has(word) || DENOMINATORS.has(word);
  if (previous === 'point') return one !== undefined || ten !== undefined;
  if (words.includes('point')) return one !== undefined && one < 10;
  if (one !== undefined) return !(ONES.has(previous) || (one >= 10 && TENS.has(previous)) || DENOMINATORS.has(previous));
  if (ten !== undefined) return !(ONES.has(previous) || TENS.has(previous) || DENOMINATORS.has(previous));
  if (word === HUNDRED) return ONES.has(previous) || TENS.has(previous) || previous === 'a' || previous === 'an';
  if (SCALES.has(word)) return previous !== 'and';
  if (GROUPS.has(word)) return word !== 'score' && previous !== 'and';
  if (ORDINAL_ONES.has(word.replace(/s$/, '')) && TENS.has(previous)) return true;
  if (DENOMINATORS.has(word)) return previous !== 'and' && !DENOMINATORS.has(previous);
  return false;
}

/** True when the words after `from` are a fraction ("a half", "three fifths"), before anything else. */
function fractionAhead(text: string, from: number, to: number): boolean {
  const words = text.slice(from, Math.min(to, from + 40)).split(/[ \t\u00a0-]+/).filter(Boolean);
  for (const w of words.slice(0, 4)) {
    const lower = w.toLowerCase();
    if (DENOMINATORS.has(lower)) return true;
    if (!(lower === 'a' || lower === 'an' || ONES.has(lower) || TENS.has(lower))) return false;
  }
  return false;
}

/** "dozens of", "tens of thousands of", "several": a vague quantity, when a noun or "of" follows. */
function vagueQuantity(text: string, at: number, to: number): NumberMention | null {
  const head = text.slice(at, at + 24).toLowerCase();
  for (const v of VAGUE) {
    if (!head.startsWith(v.phrase.replace(/ /g, ' '))) continue;
    const end = at + v.phrase.length;
    if (isLetter(text[end])) continue;
    const after = text.slice(end, Math.min(to, end + 16));
    if (!(v.needsOf ? /^\s+of\b/i : /^\s+(?:of\b|[A-Za-z])/).test(after)) return null;
    // "several hundred guests", "several thousand": the scale multiplies the vague amount.
    const scaled = /^[ \t\u00a0]+(hundred|thousand|million|billion)(?![\p{L}])/iu.exec(after);
    const factor = scaled ? (scaled[1]!.toLowerCase() === HUNDRED ? 100 : SCALES.get(scaled[1]!.toLowerCase())!) : 1;
    const low = v.low === null ? null : v.low * factor;
    const high = v.high === null ? null : v.high * factor;
    return {
      start: at,
      end: end + (scaled ? scaled[0].length : 0),
      value: low ?? high ?? 0,
      vague: { low, high },
      form: 'words',
      fraction: false,
      glued: null,
      prefix: null,
      formatted: true,
      scale: 1,
      code: false,
      capitalised: /\p{Lu}/u.test(text[at]!),
    };
  }
  return null;
}
