// Name keys: what the entity linker compares instead of names. A key is a normalised name form
// with a one-letter kind in front, so that one indexed column in the store answers every lookup:
//   n:<form>      any name form of an identity ("n:karoline leavitt", "n:icc", "n:israel")
//   s:<surname>   a person's surname ("s:witkoff"; "s:al sharaa" and "s:sharaa")
//   g:<given>|<surname>   a person's first given name and surname ("g:steve|witkoff")
//   g:<initial>*|<surname> the same by initial, for names given by initial ("g:s*|witkoff")
//   x:<surname>   an identity that stands for a bare surname shared by several people ("x:biden")
//   i:<initials>  the initials of a multi-word organisation name ("i:icc" for International Criminal Court)
//   a:<acronym>   a one-word organisation name, which may be someone's initials ("a:icc" for ICC)
// Normalisation makes case, diacritics, dots, hyphens, a leading "the" and a possessive "'s"
// irrelevant: "the ICC's" -> "icc", "Erdoğan" -> "erdogan", "U.S." -> "us", "al-Sharaa" -> "al sharaa".
import words from './name-words.json' with { type: 'json' };

/** The kinds of key (see the head of this file). */
export type KeyKind = 'n' | 's' | 'g' | 'x' | 'i' | 'a';

/** The key of kind `kind` for an already normalised form. */
export const key = (kind: KeyKind, normalised: string): string => `${kind}:${normalised}`;

const HONORIFICS = new Set(words.honorifics);
const LONGEST_HONORIFIC = Math.max(...words.honorifics.map((h) => h.split(' ').length));
const SUFFIXES = new Set(words.suffixes);
const PARTICLES = new Set(words.particles);
const ORG_STOPWORDS = new Set(words.orgStopwords);

/**
 * The form of a name that matching compares: Unicode-decomposed without marks, lower case,
 * straight apostrophes, no dots, hyphens and other punctuation as spaces, no leading "the", no
 * trailing possessive. "The ICC's" -> "icc"; "Washington, D.C." -> "washington dc"; "O'Brien" -> "o'brien".
 */
export function normalizeName(name: string): string {
  let s = NORMALISED.get(name);
  if (s === undefined) {
    s = normalizeUncached(name);
    // Names repeat across articles; a bounded memo keeps ingest from normalising the same ones again.
    if (NORMALISED.size >= MEMO_SIZE) NORMALISED.clear();
    NORMALISED.set(name, s);
  }
  return s;
}

const MEMO_SIZE = 50_000;
const NORMALISED = new Map<string, string>();

function normalizeUncached(name: string): string {
  let s = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(/[’‘`´]/g, "'").replace(/\./g, '');
  s = s.replace(/[^\p{L}\p{N}'&]+/gu, ' ').trim();
  // A possessive at the end: "the ICC's", "Hamas'"; a quote left at either end is punctuation.
  s = s.replace(/'s$/, '').replace(/^'+|'+$/g, '');
  s = s.replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
  return s;
}

/** True when a display form is an acronym: "ICC", "U.N.", "UNRWA" (2 to 8 capitals, dots allowed). */
export function isAcronymForm(form: string): boolean {
  const bare = form.trim().replace(/^the\s+/i, '').replace(/['’]s$/, '');
  return /^(?:\p{Lu}\.?){2,8}$/u.test(bare);
}

/**
 * The initials of a multi-word organisation name, or null for a one-word name: first letters
 * of its words, stop words left out and an "al-" prefix skipped ("Hayat Tahrir al-Sham" -> "hts").
 */
export function initialsOf(name: string): string | null {
  const raw = name
    .trim()
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (raw.length < 2) return null;
  let out = '';
  for (const word of raw) {
    const n = normalizeName(word.replace(/^(al|el)-/i, ''));
    if (n === '' || ORG_STOPWORDS.has(n)) continue;
    out += n[0];
  }
  return out.length >= 2 ? out : null;
}

/** A person's name taken apart (shared between callers: do not change it), normalised: given names (possibly none) and surname (with its particles). */
export interface PersonName {
  /** Every token, honorifics and suffixes removed: "steve witkoff". */
  full: string;
  given: string[];
  /** The surname with its particles ("al sharaa", "von der leyen"); the only token of a one-word name. */
  surname: string;
  /** The surname without particles when it has some ("sharaa"), else null. */
  bareSurname: string | null;
}

// Words that a person's name never holds: a form with them is two names or a phrase ("Clinton and Trump").
const NOT_IN_NAMES = new Set(['and', '&', 'or', 'with', 'for', 'says', 'vs', 'versus']);
// Words a person's name never ends with: a mention cut too long ("Bill Clinton of").
const NOT_AT_END = new Set(['of', 'the', 'to', 'in', 'on', 'at', 'by', 'from', 'as']);

/**
 * The parts of a person's name form. Leading honorifics and the entity's own stated titles are
 * dropped ("special envoy Witkoff" -> surname "witkoff"); so are generational suffixes ("Jr.")
 * and trailing function words ("Bill Clinton of"). Null when nothing of a name is left, or when
 * the form is not one person's name ("Clinton and Trump").
 */
export function parsePersonName(form: string, titles: readonly string[] = []): PersonName | null {
  const memoKey = titles.length === 0 ? form : `${form}\u0000${titles.join('\u0001')}`;
  let parsed = PARSED.get(memoKey);
  if (parsed === undefined) {
    parsed = parsePerson(form, titles);
    if (PARSED.size >= MEMO_SIZE) PARSED.clear();
    PARSED.set(memoKey, parsed);
  }
  return parsed;
}

const PARSED = new Map<string, PersonName | null>();

function parsePerson(form: string, titles: readonly string[]): PersonName | null {
  let tokens = normalizeName(form).split(' ').filter((t) => t !== '');
  if (tokens.some((t) => NOT_IN_NAMES.has(t))) return null;
  while (tokens.length > 1 && NOT_AT_END.has(tokens[tokens.length - 1]!)) tokens = tokens.slice(0, -1);
  const titleTokens = titles
    .map((t) => normalizeName(t).split(' ').filter((w) => w !== ''))
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  // Strip stated titles and honorifics from the front, longest first, while a name remains.
  for (let changed = true; changed && tokens.length > 1; ) {
    changed = false;
    for (const title of titleTokens) {
      if (title.length < tokens.length && title.every((w, i) => tokens[i] === w)) {
        tokens = tokens.slice(title.length);
        changed = true;
        break;
      }
    }
    if (changed) continue;
    for (let n = Math.min(LONGEST_HONORIFIC, tokens.length - 1); n >= 1; n--) {
      if (HONORIFICS.has(tokens.slice(0, n).join(' '))) {
        tokens = tokens.slice(n);
        changed = true;
        break;
      }
    }
  }
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1]!)) tokens = tokens.slice(0, -1);
  if (tokens.length === 0) return null;
  // The surname is the last token and the particles right before it.
  let start = tokens.length - 1;
  while (start > 0 && PARTICLES.has(tokens[start - 1]!)) start--;
  const surname = tokens.slice(start).join(' ');
  return {
    full: tokens.join(' '),
    given: tokens.slice(0, start),
    surname,
    bareSurname: start < tokens.length - 1 ? tokens[tokens.length - 1]! : null,
  };
}

/** The display form of a person's name without leading honorifics and titles, in the article's own spelling. */
export function personDisplayName(form: string, titles: readonly string[] = []): string {
  const parsed = parsePersonName(form, titles);
  if (!parsed) return form.trim();
  const words = form.trim().split(/\s+/);
  // Drop display words from the front until the rest normalises to the parsed name's tokens.
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    if (normalizeName(rest).startsWith(parsed.full)) return rest.replace(/['’]s$/, '');
  }
  return form.trim();
}
