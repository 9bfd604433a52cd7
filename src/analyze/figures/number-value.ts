// Resolver: the value of a number written in words, from the words the number finder read
// ("twenty-one trillion and three hundred", "three hundred and two dozens", "two thirds",
// "one and a half", "two hundred point zero three"). Arithmetic only; which words belong to the
// number is the finder's business.
import { DENOMINATORS, GROUPS, HUNDRED, ONES, ORDINAL_ONES, SCALES, TENS } from './figure-lexicon.ts';

/** One word of a number in words, lower case; `and` and `a` are kept, separators are not. */
export type NumeralWord = string;

/** The value of a word numeral, and whether it is a fraction of a whole ("two thirds", "half"). */
export interface WordValue {
  value: number;
  fraction: boolean;
}

/** Accumulates cardinals the usual way: ones and tens add, "hundred" multiplies the group, a scale closes it. */
class Cardinal {
  total = 0;
  group = 0;
  small = 0;
  any = false;

  get value(): number {
    return this.total + this.group + this.small;
  }

  add(word: NumeralWord, previousWasScale: boolean): boolean {
    const unit = ONES.get(word) ?? TENS.get(word);
    if (unit !== undefined) {
      this.small += unit;
      this.any = true;
      return true;
    }
    if (word === HUNDRED) {
      this.group += (this.small || 1) * 100;
      this.small = 0;
      this.any = true;
      return true;
    }
    const scale = SCALES.get(word);
    if (scale !== undefined) {
      const chunk = this.group + this.small;
      // "three lakh crore": a scale right after a scale multiplies everything so far.
      if (chunk === 0 && previousWasScale) this.total *= scale;
      else this.total += (chunk || 1) * scale;
      this.group = 0;
      this.small = 0;
      this.any = true;
      return true;
    }
    const group = GROUPS.get(word);
    if (group !== undefined) {
      // "three hundred and two dozens" = 300 + 2 × 12: a dozen multiplies only the last small number.
      this.small = (this.small || 1) * group;
      this.any = true;
      return true;
    }
    return false;
  }
}

/**
 * The value of `words` (lower case, as the finder read them), or null when they do not make a
 * number. "a"/"an" stands for one before a hundred, a scale, a dozen or a denominator; "and"
 * before a fraction ("one and a half", "twenty and three fifths") adds it to what came before.
 */
export function wordNumberValue(words: readonly NumeralWord[]): WordValue | null {
  let whole = 0;
  let current = new Cardinal();
  let sawFraction = false;
  let previous = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === 'a' || word === 'an') {
      current.small += 1;
      current.any = true;
      previous = 'one';
      continue;
    }
    if (word === 'and') {
      if (fractionFollows(words, i + 1)) {
        whole += current.value;
        current = new Cardinal();
      }
      previous = word;
      continue;
    }
    if (word === 'point') {
      const digits = decimalDigits(words.slice(i + 1));
      if (digits === null) return null;
      return { value: whole + current.value + digits, fraction: false };
    }
    const ordinalOne = ORDINAL_ONES.get(word) ?? ORDINAL_ONES.get(word.replace(/s$/, ''));
    const tens = TENS.get(previous);
    if (ordinalOne !== undefined && tens !== undefined && current.value - tens > 0) {
      // "a twenty-first", "three twenty-firsts": the tens word belongs to the denominator
      // (but "twenty fifths" is twenty over five).
      whole += (current.value - tens) / (tens + ordinalOne);
      current = new Cardinal();
      sawFraction = true;
      previous = word;
      continue;
    }
    const denominator = DENOMINATORS.get(word);
    if (denominator !== undefined) {
      // "half" needs no numerator; "third" without one is an ordinal, not a number.
      if (!current.any && denominator !== 2) return null;
      whole += (current.any ? current.value : 1) / denominator;
      current = new Cardinal();
      sawFraction = true;
      previous = word;
      continue;
    }
    if (!current.add(word, SCALES.has(previous))) return null;
    // "one and a half million", "a quarter million", "half a dozen": a scale or dozen right after a
    // fraction multiplies all of it.
    const multiplier = SCALES.get(word) ?? GROUPS.get(word);
    if (multiplier !== undefined && sawFraction && whole > 0 && current.value === multiplier) {
      whole *= multiplier;
      current = new Cardinal();
      sawFraction = false;
    }
    previous = word;
  }
  const value = whole + current.value;
  // A fraction part added to a whole number ("one and a half") makes a mixed number, not a share of a whole.
  return { value, fraction: sawFraction && value < 1 };
}

/** True when the words from `from` up to the next "and" end in a denominator ("a half", "three fifths"). */
function fractionFollows(words: readonly NumeralWord[], from: number): boolean {
  for (let j = from; j < words.length && words[j] !== 'and'; j++) {
    if (DENOMINATORS.has(words[j]!)) return true;
  }
  return false;
}

/** The decimal part after "point": digit words one by one ("zero three" → .03), a tens word giving its digit ("seventy-one" → .71). */
function decimalDigits(words: readonly NumeralWord[]): number | null {
  let digits = '';
  for (const word of words) {
    if (word === 'and') return null;
    const unit = ONES.get(word);
    const tens = TENS.get(word);
    if (unit !== undefined) digits += String(unit);
    else if (tens !== undefined) digits += String(tens / 10);
    else return null;
  }
  return digits === '' ? null : Number(`0.${digits}`);
}
