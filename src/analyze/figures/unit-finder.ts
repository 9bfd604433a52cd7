// Finder and resolver of a number's unit: a currency before it ("$6", "US $58.24", "HK$ 3.7
// billion", "RM120,000", "USD10m") or after it ("9 billion shekels", "110 JPY", "1,200€"), a unit
// after it, glued or spaced ("29km", "5 kilometres", "19 per cent", "0.3%", "15 years"), and a
// rate after that ("barrels a day", "$3,500 a month", "$21.25 per square foot"). A glued or spaced
// lower-case "m" is a million after a currency or before a plural noun ("£2.7m", "12.3m tonnes")
// and a metre otherwise ("1.8m tall", "the 100m sprint").
import type { Span } from '../../model/span.ts';
import type { NumberMention } from './number-finder.ts';
import {
  CURRENCY_ASCII,
  CURRENCY_CODES,
  CURRENCY_SUBUNITS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  IRREGULAR_PLURALS,
  METRE_CONTEXT,
  PERSON_NOUNS,
  RATE_NOUNS,
  RATE_WORDS,
  UNIT_FORMS,
  type UnitForm,
} from './figure-lexicon.ts';

/** A number with the currency and unit written around it. */
export interface Quantity extends Span {
  number: NumberMention;
  /** The number's value; a glued "m" read as million is applied here. */
  value: number;
  /** The scale the number carries, including a million read from "m". */
  scale: number;
  unit: string | null;
  /** The unit is a currency (an ISO code) or a currency's hundredth ("cent", "penny"). */
  currency: boolean;
  /** Letters glued to the number that no unit or multiplier explains ("5G", "1st", "1990s", "4pm"). */
  unexplainedGlue: string | null;
}

const FORMS_BY_FIRST = (() => {
  const map = new Map<string, UnitForm[]>();
  for (const f of UNIT_FORMS) {
    const key = f.form[0]!.toLowerCase();
    map.set(key, [...(map.get(key) ?? []), f]);
  }
  return map;
})();

const SPACE = /[ \t\u00a0]*/y;
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The number `n` with its currency, unit and rate, inside `sentence`. */
export function attachUnit(text: string, n: NumberMention, sentence: Span): Quantity {
  const q: Quantity = { start: n.start, end: n.end, number: n, value: n.value, scale: n.scale, unit: null, currency: false, unexplainedGlue: null };
  const before = currencyBefore(text, n, sentence.start);
  if (before) {
    q.start = before.start;
    q.unit = before.code;
    q.currency = true;
  }
  if (n.glued !== null) {
    const glued = n.glued;
    const end = n.end + glued.length;
    if (glued === 'm' && readsAsMillion(text, n, end, q.currency, sentence.end)) {
      q.value *= 1e6;
      q.scale *= 1e6;
      q.end = end;
      // "3.5m euros", "12.3m tonnes": the unit follows the million.
      if (q.unit === null) spacedUnit(text, n, q, sentence.end, end);
    } else {
      const unit = unitForm(glued, 0, glued.length) ?? CURRENCY_SUBUNITS.get(glued) ?? CURRENCY_CODES.get(glued);
      if (unit && q.unit === null) {
        q.unit = unit;
        q.currency = CURRENCY_SUBUNITS.has(glued) || CURRENCY_CODES.has(glued);
        q.end = end;
      } else q.unexplainedGlue = glued;
    }
  } else {
    spacedUnit(text, n, q, sentence.end);
  }
  if (q.unit !== null) rate(text, q, sentence.end);
  return q;
}

/** A currency symbol or code right before the number (or glued to it: "USD10m", "RM120,000"). */
function currencyBefore(text: string, n: NumberMention, from: number): { start: number; code: string } | null {
  const lead = text.slice(Math.max(from, n.start - 8), n.start);
  for (const [symbol, code] of CURRENCY_SYMBOLS) {
    const at = lead.length - symbol.length - trailingSpace(lead);
    if (at >= 0 && lead.startsWith(symbol, at) && !isWordChar(lead[at - 1])) return { start: n.start - (lead.length - at), code };
  }
  // "Y=28,030", "PS2.7m": an ASCII rendering of a symbol, glued to an amount written as money is ("PS4" is a console).
  if (n.formatted && !n.code) {
    for (const [mark, code] of CURRENCY_ASCII) {
      const at = lead.length - mark.length;
      if (at >= 0 && lead.endsWith(mark) && !isWordChar(lead[at - 1])) return { start: n.start - mark.length, code };
    }
  }
  if (n.prefix !== null) {
    const code = CURRENCY_CODES.get(n.prefix);
    if (code) {
      // "$US55,931,000", "US$": a symbol before the glued code belongs to it.
      const symbol = lead.endsWith(`$${n.prefix}`) ? 1 : 0;
      return { start: n.start - n.prefix.length - symbol, code };
    }
    if (lead.endsWith(`$${n.prefix}`) && /^(?:US|A|C|NZ|HK|S)$/.test(n.prefix)) {
      return { start: n.start - n.prefix.length - 1, code: CURRENCY_SYMBOLS.find(([s]) => s === `$${n.prefix}` || s === `${n.prefix}$`)?.[1] ?? 'USD' };
    }
    return null;
  }
  const word = /([A-Za-z.]+)[ \t\u00a0]*$/.exec(lead);
  if (word && !isWordChar(lead[word.index - 1])) {
    const code = CURRENCY_CODES.get(word[1]!);
    if (code) return { start: n.start - (lead.length - word.index), code };
  }
  return null;
}

const trailingSpace = (s: string) => s.length - s.trimEnd().length;

/** The unit form matching `text` at `at` (words in any case, symbols as written), whole, or null. */
function unitForm(text: string, at: number, limit: number): string | null {
  const match = unitFormAt(text, at, limit, true);
  return match && match.end === limit ? match.unit : null;
}

/** The unit form starting at `at`, ending where its word ends; `glued` admits the forms written only glued to the digits ("40C"). */
function unitFormAt(text: string, at: number, limit: number, glued = false): { unit: string; end: number } | null {
  const candidates = FORMS_BY_FIRST.get(text[at]?.toLowerCase() ?? '');
  if (!candidates) return null;
  for (const f of candidates) {
    if (f.gluedOnly && !glued) continue;
    const end = at + f.form.length;
    if (end > limit) continue;
    const piece = text.slice(at, end);
    if (f.caseSensitive ? piece !== f.form : piece.toLowerCase() !== f.form.toLowerCase()) continue;
    // A unit ends where the word ends ("5 km", not "5 kmart"); a symbol ending in a letter needs the same.
    if (isWordChar(text[end]) && /[\p{L}\p{N}]$/u.test(f.form)) continue;
    return { unit: f.unit, end };
  }
  return null;
}

/** A unit, currency word or code written after the number (or after `from`, past a glued million) with a space or a hyphen between ("5 km", "2.4-liter", "9 billion shekels"). */
function spacedUnit(text: string, n: NumberMention, q: Quantity, limit: number, from = n.end): void {
  SPACE.lastIndex = from;
  SPACE.exec(text);
  let at = SPACE.lastIndex;
  if (at === from && (text[at] === '-' || text[at] === '‐') && /\p{L}/u.test(text[at + 1] ?? '')) at++;
  // "half an hour", "a quarter mile": the article after a fraction in words goes with the unit.
  if (n.form === 'words' && n.fraction) {
    const article = /^an?[ \t\u00a0]+/i.exec(text.slice(at, at + 4));
    if (article && unitFormAt(text, at + article[0].length, limit)) at += article[0].length;
  }
  if (at >= limit) return;
  if (text[at] === 'm' && !isWordChar(text[at + 1]) && at > from) {
    if (readsAsMillion(text, n, at + 1, q.currency, limit)) {
      q.value *= 1e6;
      q.scale *= 1e6;
      q.end = at + 1;
      return;
    }
  }
  const lower = text.slice(at, at + 32).toLowerCase();
  if (q.unit === null || !q.currency) {
    for (const [word, code] of CURRENCY_WORDS) {
      if (!lower.startsWith(word) || isWordChar(lower[word.length])) continue;
      if (word === 'won' && q.scale === 1) continue; // "3 won" is a result, "500 billion won" money
      q.unit = code;
      q.currency = true;
      q.end = at + word.length;
      return;
    }
    const code = /^[A-Z]{3}(?![\p{L}])/u.exec(text.slice(at, at + 4));
    if (code && CURRENCY_CODES.has(code[0])) {
      q.unit = CURRENCY_CODES.get(code[0])!;
      q.currency = true;
      q.end = at + 3;
      return;
    }
    const pound = /^pounds?(?![\p{L}])/u.exec(lower);
    if (pound) {
      // "£" is written out as "pounds" for money in the millions; a bare "208 pounds" is a weight.
      q.unit = q.scale > 1 ? 'GBP' : 'lb';
      q.currency = q.scale > 1;
      q.end = at + pound[0].length;
      return;
    }
    const subunit = /^(cents?|pence|penny|p)(?![\p{L}\p{N}])/u.exec(lower);
    if (subunit && q.unit === null) {
      q.unit = CURRENCY_SUBUNITS.get(subunit[1]!)!;
      q.currency = true;
      q.end = at + subunit[0].length;
      return;
    }
  }
  if (q.currency) {
    // "1,200€": a symbol after the number.
    const symbol = CURRENCY_SYMBOLS.find(([s]) => s.length === 1 && text.startsWith(s, at));
    if (symbol && at === from) q.end = at + 1;
    return;
  }
  const symbol = CURRENCY_SYMBOLS.find(([s]) => s.length === 1 && s !== '$' && text.startsWith(s, at));
  if (symbol) {
    q.unit = symbol[1];
    q.currency = true;
    q.end = at + 1;
    return;
  }
  const unit = unitFormAt(text, at, limit);
  if (unit) {
    q.unit = unit.unit;
    q.end = unit.end;
    return;
  }
  // "a 7- or 8-inch touchscreen", "10- to 15-year sentences": a suspended hyphen borrows the next number's unit.
  const suspended = /^[-‐][ \t\u00a0]+(?:or|and|to)[ \t\u00a0]+[\d.,]+[-‐]/.exec(text.slice(from, Math.min(limit, from + 24)));
  if (suspended) {
    const borrowed = unitFormAt(text, from + suspended[0].length, limit);
    if (borrowed) {
      q.unit = borrowed.unit;
      q.end = from + 1;
    }
  }
}

/**
 * Whether an "m" after the number means million: after a currency or an unknown code glued before
 * ("PS2.7m"), before "of" or a plural noun ("12.3m tonnes", "5m people"), or after a decimal
 * number unless a word of length follows ("2.7m combined sales" but "1.8m tall").
 */
function readsAsMillion(text: string, n: NumberMention, end: number, currency: boolean, limit: number): boolean {
  if (currency || n.prefix !== null) return true;
  const next = /^[ \t\u00a0]+([A-Za-z'’]+)/.exec(text.slice(end, Math.min(limit, end + 30)));
  const word = next?.[1]?.toLowerCase() ?? '';
  if (METRE_CONTEXT.has(word)) return false;
  if (word === 'of' || PERSON_NOUNS.has(word) || IRREGULAR_PLURALS.has(word) || (/[^s]s$/.test(word) && word.length > 3)) return true;
  return n.value % 1 !== 0 && word !== '';
}

/** A rate after the unit ("a day", "per share", "a-year"): the unit becomes "unit/rate". */
function rate(text: string, q: Quantity, limit: number): void {
  const after = text.slice(q.end, Math.min(limit, q.end + 30));
  const m = /^(?:[ \t\u00a0]+|-)([A-Za-z]+)(?:[ \t\u00a0]+|-)([A-Za-z][A-Za-z ]*)/.exec(after);
  if (!m || !RATE_WORDS.has(m[1]!.toLowerCase())) return;
  const rest = m[2]!.toLowerCase();
  // "$6.78 billion a year earlier" dates the amount; it is no rate.
  if (/^\S+\s+(?:earlier|ago|before|later|after|prior|on)\b/.test(rest)) return;
  for (const [noun, unit] of RATE_NOUNS) {
    if (!rest.startsWith(noun) || isWordChar(rest[noun.length])) continue;
    q.unit = `${q.unit}/${unit}`;
    q.end += m[0].length - m[2]!.length + noun.length;
    return;
  }
}
