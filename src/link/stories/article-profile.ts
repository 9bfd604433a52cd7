// An article's profile for story linking: what it is about, as counted features, read from its
// analysis record. No weights yet: weighting needs document counts of the store (story-vectors.ts).
// Features, each a key with a kind before the colon (story-settings.ts weighs the kinds):
//   w:<word>      a content word, lower case, simple plural stripped ("quakes" -> "quake")
//   b:<w1>_<w2>   two adjacent content words ("tony_thompson", "sixth_round")
//   n:<number>    a token that starts with a digit, two characters or more, thousands commas
//                 dropped ("n:52-3", "n:36-year-old", "n:2000"); not a year (times layer keys)
//   e:<name>      a named entity of the entities layer by normalised name ("e:lindsay lohan")
//   ty:<yyyy>  tm:<yyyy-mm>  td:<yyyy-mm-dd>   a year, month or day the times layer resolved
//   tmd:<mm-dd>  tmo:<mm>                       a day or month without a year ("December 14" in an
//                                               undated article still matches "Dec. 14, 2008")
// Words and entity mentions in the lead (the first LEAD_SENTENCES sentences: headline, first
// paragraph) count LEAD_BOOST times. Gold annotations never enter: only text and layers the
// pipeline computed.
import type { AnalysisRecord } from '../../model/record.ts';
import { tokenize } from '../../analyze/tokens/tokenizer.ts';
import { normalizeName } from '../entities/name-keys.ts';
import { LEAD_BOOST, LEAD_SENTENCES } from './story-settings.ts';
import stopData from './story-stop-words.json' with { type: 'json' };

/** The counted features of one article and the display names of its entity keys. */
export interface ArticleProfile {
  articleId: string;
  /** [feature key, count], each key once, in key order. */
  features: [string, number][];
  /** [entity key, display name as the article spells it first], for labels. */
  names: [string, string][];
}

const STOP_WORDS: ReadonlySet<string> = new Set(stopData.stopWords);
const WORD = /^\p{L}[\p{L}'’-]*$/u;

/** The profile of one analysed article; an empty text gives an empty profile. */
export function profileArticle(record: Pick<AnalysisRecord, 'id' | 'text' | 'sentences' | 'entities' | 'times'>): ArticleProfile {
  const counts = new Map<string, number>();
  const add = (k: string, n: number) => counts.set(k, (counts.get(k) ?? 0) + n);
  const leadEnd = record.sentences[LEAD_SENTENCES - 1]?.end ?? record.text.length;
  const weightAt = (offset: number) => (offset < leadEnd ? LEAD_BOOST : 1);

  let previous: string | null = null;
  let previousEnd = -1;
  const text = record.text;
  for (const token of tokenize(text)) {
    const raw = text.slice(token.start, token.end);
    const word = contentStem(raw);
    if (word === null) {
      const number = numberKey(raw);
      if (number !== null) add(number, weightAt(token.start));
      previous = null;
      continue;
    }
    add(`w:${word}`, weightAt(token.start));
    // A pair only across white space: "Thompson, and" or a line break after a headline is no phrase.
    if (previous !== null && onlySpacesOrTabs(text, previousEnd, token.start)) add(`b:${previous}_${word}`, weightAt(token.start));
    previous = word;
    previousEnd = token.end;
  }

  const names = new Map<string, string>();
  for (const entity of record.entities) {
    const name = normalizeName(entity.name);
    if (name === '') continue;
    const k = `e:${name}`;
    add(k, entity.mentions.reduce((n, m) => n + weightAt(m.start), 0));
    if (!names.has(k)) names.set(k, entity.name);
  }

  for (const time of record.times) {
    if (time.type !== 'DATE' && time.type !== 'TIME') continue;
    for (const k of timeKeys(time.value)) add(k, 1);
  }

  const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return { articleId: record.id, features: [...counts].sort(byKey), names: [...names].sort(byKey) };
}

/** Stems of tokens as written (null: no content word), kept for the vocabulary of news: a token is looked up, not lower-cased, tested and stemmed again. */
const stems = new Map<string, string | null>();
const STEMS_KEPT = 200_000;

/** The stem of a token as written when it is a content word (isContentWord, stemWord), else null. */
function contentStem(token: string): string | null {
  let stem = stems.get(token);
  if (stem !== undefined) return stem;
  const lower = token.toLowerCase();
  stem = isContentWord(lower) ? stemWord(lower) : null;
  if (stems.size >= STEMS_KEPT) stems.clear();
  stems.set(token, stem);
  return stem;
}

/** The feature key of a number token (see the head of this file), or null. */
function numberKey(token: string): string | null {
  const first = token.charCodeAt(0);
  if (first < 48 || first > 57 || token.length < 2 || /^(?:1[89]|20)\d\d$/.test(token)) return null;
  return `n:${token.replaceAll(',', '')}`;
}

/** True when text[from, to) holds spaces and tabs only (at least one). */
function onlySpacesOrTabs(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True for a lower-cased token that is a content word: letters (inner apostrophes and hyphens allowed), two or more, not a stop word. */
export function isContentWord(lower: string): boolean {
  return lower.length >= 2 && WORD.test(lower) && !STOP_WORDS.has(lower);
}

/** A crude English plural stripper: "quakes" -> "quake", "injuries" -> "injury"; "press", "bus" stay. */
export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith("'s")) return word.slice(0, -1);
  return word;
}

/**
 * The time keys of a TIMEX3 value: "2013-07-02" -> ty:2013 tm:2013-07 td:2013-07-02 tmd:07-02;
 * "XXXX-12-14" -> tmo:12 tmd:12-14; "2008" -> ty:2008. Weekdays ("XXXX-WXX-3"), durations and
 * references ("PRESENT_REF") give none: any story has a Wednesday.
 */
export function timeKeys(value: string | null): string[] {
  const m = /^(\d{4}|XXXX)(?:-(\d\d))?(?:-(\d\d))?/.exec(value ?? '');
  if (!m) return [];
  const [, year, month, day] = m;
  const keys: string[] = [];
  if (year !== 'XXXX') keys.push(`ty:${year}`);
  if (month === undefined) return keys;
  keys.push(year !== 'XXXX' ? `tm:${year}-${month}` : `tmo:${month}`);
  if (day === undefined) return keys;
  keys.push(`tmd:${month}-${day}`);
  if (year !== 'XXXX') keys.push(`td:${year}-${month}-${day}`);
  return keys;
}
