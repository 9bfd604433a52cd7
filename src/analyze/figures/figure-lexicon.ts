// The language data of the figures stage, loaded once from data/*.json into lookups: number
// words, hedges, units, currencies, what may be counted, and the cues of numbers that are not
// figures. Code elsewhere in the stage reads these tables and holds no word lists of its own.
import numberWords from './data/number-words.json' with { type: 'json' };
import hedgeData from './data/hedges.json' with { type: 'json' };
import unitData from './data/units.json' with { type: 'json' };
import currencyData from './data/currencies.json' with { type: 'json' };
import countedData from './data/counted-words.json' with { type: 'json' };
import nonFigureData from './data/non-figures.json' with { type: 'json' };
import entityPersonNouns from '../entities/data/person-nouns.json' with { type: 'json' };

/** How a hedge turns its number into an interval (see data/hedges.json). */
export type HedgeBound = 'point' | 'low' | 'high';

/** A hedge phrase with the contract's hedge value and the bound it implies. */
export interface HedgeEntry {
  phrase: string;
  hedge: string;
  bound: HedgeBound;
}

/** A vague quantity word or phrase and the interval its plural implies. */
export interface VagueEntry {
  phrase: string;
  low: number | null;
  high: number | null;
  needsOf: boolean;
}

const record = (o: Record<string, number>) => new Map(Object.entries(o));

export const ONES: ReadonlyMap<string, number> = record(numberWords.ones);
export const TENS: ReadonlyMap<string, number> = record(numberWords.tens);
export const HUNDRED = numberWords.hundred;
export const SCALES: ReadonlyMap<string, number> = record(numberWords.scales);
export const GROUPS: ReadonlyMap<string, number> = record(numberWords.groups);
/** Scale abbreviations after digits, case-sensitive ("10k", "1.2bn", "10 bln"). */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = record(numberWords.scaleAbbreviations);
export const ORDINAL_ONES: ReadonlyMap<string, number> = record(numberWords.ordinalOnes);
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(numberWords.negative);
export const NOT_AFTER_HYPHEN: ReadonlySet<string> = new Set(numberWords.notAfterHyphen);
/** Unicode's fraction characters and their values ("½" → 0.5). */
export const VULGAR_FRACTIONS: ReadonlyMap<string, number> = record(numberWords.vulgarFractions);
/** Suffixes glued to a number word that make it a multiplier ("sixfold"). */
export const MULTIPLIER_SUFFIXES: readonly string[] = numberWords.multiplierSuffixes;

/** Denominator words, singular and plural ("third", "thirds", "half", "halves"). */
export const DENOMINATORS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [word, value] of Object.entries(numberWords.denominators)) {
    map.set(word, value);
    if (!word.endsWith('s')) map.set(`${word}s`, value);
  }
  return map;
})();

export const VAGUE: readonly VagueEntry[] = numberWords.vague.map((v) => ({ phrase: v.phrase, low: v.low, high: v.high, needsOf: 'needsOf' in v && v.needsOf === true }));

/** Every word that can start a number written in words (for the finder's candidate search). */
export const NUMBER_START_WORDS: readonly string[] = [
  ...ONES.keys(),
  ...TENS.keys(),
  HUNDRED,
  ...SCALES.keys(),
  'dozen',
  'half',
  ...DENOMINATORS.keys(),
  ...VAGUE.map((v) => v.phrase.split(' ')[0]!),
];

const byLength = <T extends { phrase: string }>(entries: T[]) => entries.sort((a, b) => b.phrase.length - a.phrase.length);
export const HEDGES_BEFORE: readonly HedgeEntry[] = byLength(hedgeData.before.map((h) => ({ ...h, bound: h.bound as HedgeBound })));
export const HEDGES_AFTER: readonly HedgeEntry[] = byLength(hedgeData.after.map((h) => ({ ...h, bound: h.bound as HedgeBound })));

/** A unit as texts write it: `form` matched case-insensitively (`words`) or exactly (`symbols`, `glued`); `gluedOnly` forms only glued to the digits. */
export interface UnitForm {
  form: string;
  unit: string;
  caseSensitive: boolean;
  gluedOnly: boolean;
}

/** Every unit form, longest first so that "miles per hour" wins over "miles". */
export const UNIT_FORMS: readonly UnitForm[] = (() => {
  const forms: UnitForm[] = [];
  for (const u of unitData.units) {
    for (const w of u.words ?? []) forms.push({ form: w, unit: u.unit, caseSensitive: false, gluedOnly: false });
    for (const s of u.symbols ?? []) forms.push({ form: s, unit: u.unit, caseSensitive: true, gluedOnly: false });
    for (const s of ('glued' in u ? u.glued : undefined) ?? []) forms.push({ form: s, unit: u.unit, caseSensitive: true, gluedOnly: true });
  }
  for (const w of unitData.percent.points) forms.push({ form: w, unit: 'percentage point', caseSensitive: false, gluedOnly: false });
  for (const w of unitData.percent.words) forms.push({ form: w, unit: 'percent', caseSensitive: false, gluedOnly: false });
  for (const s of unitData.percent.symbols) forms.push({ form: s, unit: 'percent', caseSensitive: true, gluedOnly: false });
  return forms.sort((a, b) => b.form.length - a.form.length);
})();

export const RATE_WORDS: ReadonlySet<string> = new Set(unitData.rates.words);
/** Rate nouns ("a year", "per share") with the unit they add after a slash, longest first. */
export const RATE_NOUNS: readonly [string, string][] = Object.entries(unitData.rates.nouns).sort((a, b) => b[0].length - a[0].length);
export const METRE_CONTEXT: ReadonlySet<string> = new Set(unitData.metreContext);

/** Currency symbols ("$", "US$", "€"), longest first, with their ISO codes. */
export const CURRENCY_SYMBOLS: readonly [string, string][] = Object.entries(currencyData.symbols).sort((a, b) => b[0].length - a[0].length);
/** Currency codes and local abbreviations ("USD", "RM", "Rs"), case-sensitive. */
export const CURRENCY_CODES: ReadonlyMap<string, string> = new Map(Object.entries(currencyData.codes));
/** Currency words after a number ("australian dollars", "shekels"), lower case, longest first. */
export const CURRENCY_WORDS: readonly [string, string][] = Object.entries(currencyData.words).sort((a, b) => b[0].length - a[0].length);
export const CURRENCY_SUBUNITS: ReadonlyMap<string, string> = new Map(Object.entries(currencyData.subunits));
/** ASCII marks standing for a currency symbol before an amount with separators or a scale ("Y=28,030", "PS21,700"). */
export const CURRENCY_ASCII: readonly [string, string][] = Object.entries(currencyData.ascii);

const UNIT_WORDS = new Set([...UNIT_FORMS.filter((f) => !f.caseSensitive).map((f) => f.form.toLowerCase()), ...CURRENCY_WORDS.map(([w]) => w), ...CURRENCY_SUBUNITS.keys()]);
/** True when `word` (any case) names a unit or a currency ("mile", "yen", "cent"). */
export const isUnitWord = (word: string) => UNIT_WORDS.has(word.toLowerCase());

export const STOP_WORDS: ReadonlySet<string> = new Set(countedData.stopWords);
export const ANAPHORIC_PRONOUNS: ReadonlySet<string> = new Set(countedData.anaphoricPronouns);
export const ANAPHORIC_HEADS: ReadonlySet<string> = new Set(countedData.anaphoricHeads);
export const ADDITIVE: ReadonlySet<string> = new Set(countedData.additive);
export const NOT_COUNTED: ReadonlySet<string> = new Set(countedData.notCounted);
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(countedData.irregularPlurals);
export const PREDICATE_VERBS: ReadonlySet<string> = new Set(countedData.predicateVerbs);
export const CHANGE_VERBS: ReadonlySet<string> = new Set(countedData.changeVerbs);
export const ELLIPSIS_CUES: readonly string[] = countedData.ellipsisCues;

/** Plural of a singular English noun, as far as person nouns need it ("child" → "children", "woman" → "women"). */
function plural(noun: string): string {
  if (noun === 'child') return 'children';
  if (noun.endsWith('man')) return `${noun.slice(0, -3)}men`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** Nouns that count people: the stage's own list and the entities stage's appositive person nouns, singular and plural. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  ...countedData.personNouns,
  ...entityPersonNouns.nouns,
  ...entityPersonNouns.nouns.map(plural),
]);

export const NAME_HEADS: ReadonlySet<string> = new Set(nonFigureData.nameHeads);
/** Words that end a street name after a house number, as written (capitalised). */
export const STREET_WORDS: ReadonlySet<string> = new Set(nonFigureData.streetWords);
export const TIME_SUFFIXES: readonly string[] = [...nonFigureData.timeSuffixes].sort((a, b) => b.length - a.length);
export const AGE_CUES: ReadonlySet<string> = new Set(nonFigureData.ageCues);
export const AGE_AFTER: readonly string[] = [...nonFigureData.ageAfter].sort((a, b) => b.length - a.length);
export const SCORE_WORDS: ReadonlySet<string> = new Set(nonFigureData.scoreWords);
export const AS_OF_CUES: readonly string[] = [...nonFigureData.asOfCues].sort((a, b) => b.length - a.length);

/** A regular-expression alternation of literal phrases, longest first, spaces matching any run of white space. */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
