// Resolver: pronouns ("she", "its") and definite descriptions ("the spokeswoman", "the militant
// group", "the president") that point back at an entity of the article, as the `references` layer.
// Each one goes to the most salient compatible entity mentioned before it: salience falls with
// every sentence back and is higher for a sentence's subject than for the object of a preposition
// (after Lappin and Leass, 1994, much simplified). When two entities come out (nearly) as salient,
// the reference stays unresolved: no reference is better than a wrong one.
//   compatible:  he/she -> a PERSON whose gender (first name, gendered title, earlier he/she) agrees
//                it/its -> an ORG or GPE; nominals -> the types, gender, titles or names data/reference-words.json gives
import type { Entity, EntityReference } from '../../model/layers.ts';
import { textSpan } from '../../model/span.ts';
import { wordRange, type WordIndex } from './word-index.ts';
import { genderOfTitle } from './title-lexicon.ts';
import data from './data/reference-words.json' with { type: 'json' };
import names from './data/person-names.json' with { type: 'json' };

type Gender = 'female' | 'male';
interface Nominal {
  types: string[];
  gender?: string;
  titleWords?: string[];
  nameWords?: string[];
}

const PRONOUNS = new Map<string, { person: boolean; gender: string | null }>(Object.entries(data.pronouns));
const NON_PERSON_TYPES = new Set<string>(data.nonPersonPronounTypes);
const NOMINALS = new Map<string, Nominal>(Object.entries(data.nominals));
const MODIFIERS = new Set(data.modifiers);
const FEMALE = new Set(names.female);
const MALE = new Set(names.male);
const PREPOSITIONS = new Set(['in', 'at', 'on', 'for', 'with', 'from', 'to', 'by', 'of', 'into', 'against', 'about', 'between', 'over', 'under', 'after', 'before', 'during', 'than', 'as', 'toward', 'towards', 'among', 'within', 'without', 'via']);
// "It is unclear if …", "it would be": "it" that stands for no entity.
const EXPLETIVE_FOLLOWERS = new Set(['is', 'was', "'s", '’s', 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'would', 'will', 'could', 'may', 'might', 'has', 'had', 'takes', 'took', 'can', 'must', 'should']);

const PRONOUN_WINDOW = 2; // sentences back
const NOMINAL_WINDOW = 4;
const SENTENCE_PENALTY = 40;
const SUBJECT_BONUS = 30;
const OBLIQUE_PENALTY = 15;
const AMBIGUITY_MARGIN = 10;

/** A mention's place in the discourse, for salience. */
interface Salient {
  entity: number;
  start: number;
  sentence: number;
  subject: boolean;
  oblique: boolean;
}

/** The resolvable pronouns and nominal references of the text, each to one entity. */
export function resolveReferences(index: WordIndex, entities: readonly Entity[]): EntityReference[] {
  const { words, text } = index;
  const genders: (Gender | null)[] = entities.map(genderOf);
  const predicateStart = new Int32Array(index.sentences.length).fill(-1);
  const mentions = salientMentions(index, entities, predicateStart);
  const recent: Salient[] = [];
  const latest = new Map<number, number>(); // entity -> index in recent of its last mention
  const remember = (m: Salient) => {
    latest.set(m.entity, recent.length);
    recent.push(m);
  };
  const out: EntityReference[] = [];
  let next = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    while (next < mentions.length && mentions[next]!.start <= w.start) remember(mentions[next++]!);
    if (!w.alpha) continue;
    const pronoun = PRONOUNS.get(w.lower);
    if (pronoun && (!w.capital || w.initial)) {
      if (w.lower === 'it' && EXPLETIVE_FOLLOWERS.has(words[i + 1]?.lower ?? '')) continue;
      const fits = (e: number) => {
        const entity = entities[e]!;
        if (!pronoun.person) return NON_PERSON_TYPES.has(entity.type);
        return entity.type === 'PERSON' && (genders[e] === null || genders[e] === pronoun.gender);
      };
      // A person's pronoun ("she said") is never resolved across a nearer person who fits as well:
      // the speaker of a quote is not guessed.
      const e = choose(recent, latest, w.sentence, PRONOUN_WINDOW, fits, pronoun.person);
      if (e !== null) {
        if (pronoun.person && genders[e] === null) genders[e] = pronoun.gender as Gender;
        out.push({ ...textSpan(text, w.start, w.end), entity: entities[e]!.id, kind: 'pronoun' });
        remember({ entity: e, start: w.start, sentence: w.sentence, subject: isSubject(index, i, predicateStart), oblique: false });
      }
      continue;
    }
    if (w.lower === 'the') {
      const found = nominalAt(index, i);
      if (!found) continue;
      const { nominal, last } = found;
      const fits = (e: number) => {
        const entity = entities[e]!;
        if (!nominal.types.includes(entity.type)) return false;
        if (nominal.gender && genders[e] !== null && genders[e] !== nominal.gender) return false;
        if (nominal.titleWords && !entity.titles.some((t) => nominal.titleWords!.some((tw) => hasWords(t, tw)))) return false;
        if (nominal.nameWords && !nominal.nameWords.some((nw) => hasWords(entity.name, nw))) return false;
        return true;
      };
      // A title picks its holder from anywhere before it; other nominals only from nearby.
      const window = nominal.titleWords ? Infinity : NOMINAL_WINDOW;
      const e = choose(recent, latest, w.sentence, window, fits);
      if (e !== null) {
        out.push({ ...textSpan(text, w.start, words[last]!.end), entity: entities[e]!.id, kind: 'nominal' });
        remember({ entity: e, start: w.start, sentence: w.sentence, subject: isSubject(index, i, predicateStart), oblique: isOblique(index, i) });
      }
      i = last;
    }
  }
  return out;
}

/**
 * The entity to refer to, or null when none fits, two fit about equally well, or (`nearestOnly`)
 * another that fits was mentioned after the winner. Mentions within
 * `window` sentences are scored; with an unlimited window, every other entity by its last mention
 * only (`latest`), so that the cost stays bounded by the number of entities.
 */
function choose(
  recent: readonly Salient[],
  latest: ReadonlyMap<number, number>,
  sentence: number,
  window: number,
  fits: (e: number) => boolean,
  nearestOnly = false,
): number | null {
  const best = new Map<number, number>();
  const lastStart = new Map<number, number>();
  const scoreOf = (m: Salient, k: number) =>
    -SENTENCE_PENALTY * Math.min(sentence - m.sentence, 3) + (m.subject ? SUBJECT_BONUS : 0) - (m.oblique ? OBLIQUE_PENALTY : 0) + k / (recent.length + 1);
  const near = Math.min(window, NOMINAL_WINDOW);
  for (let k = recent.length - 1; k >= 0; k--) {
    const m = recent[k]!;
    if (sentence - m.sentence > near) break;
    if (!fits(m.entity)) continue;
    const score = scoreOf(m, k);
    if (score > (best.get(m.entity) ?? -Infinity)) best.set(m.entity, score);
    if (!lastStart.has(m.entity)) lastStart.set(m.entity, m.start);
  }
  if (window > near) {
    for (const [e, k] of latest) {
      if (!best.has(e) && fits(e)) {
        best.set(e, scoreOf(recent[k]!, k));
        lastStart.set(e, recent[k]!.start);
      }
    }
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return null;
  if (second && first[1] - second[1] < AMBIGUITY_MARGIN) return null;
  // With `nearestOnly`, never a guess across an intervening candidate that fits as well ("Leavitt
  // met Sarah Cole. She said …" may be either woman): salience may prefer the subject, but only the
  // nearest may win.
  if (nearestOnly) {
    const winnerLast = lastStart.get(first[0])!;
    for (const [e] of ranked) if (e !== first[0] && lastStart.get(e)! > winnerLast) return null;
  }
  return first[0];
}

/** "the (militant) group", "the spokeswoman", "the press secretary" at word `i` ("the"), unless a name follows (then it is a title). */
function nominalAt(index: WordIndex, i: number): { nominal: Nominal; last: number } | null {
  const { words } = index;
  const sentence = words[i]!.sentence;
  let k = i + 1;
  for (let modifiers = 0; modifiers <= 3; modifiers++) {
    const w = words[k];
    if (!w || w.sentence !== sentence || !w.alpha) return null;
    const two = words[k + 1] && words[k + 1]!.sentence === sentence ? `${w.lower} ${words[k + 1]!.lower}` : '';
    const headLength = two && NOMINALS.has(two) ? 2 : NOMINALS.has(w.lower) ? 1 : 0;
    if (headLength > 0) {
      const last = k + headLength - 1;
      const after = words[last + 1];
      if (after && after.sentence === sentence && ((after.capital && after.alpha && !after.initial) || after.lower === 'of' || after.text === '-')) return null;
      return { nominal: NOMINALS.get(headLength === 2 ? two : w.lower)!, last };
    }
    if (!MODIFIERS.has(w.lower)) return null;
    k++;
  }
  return null;
}

/** Every entity mention with its sentence and grammatical prominence, in text order. */
function salientMentions(index: WordIndex, entities: readonly Entity[], predicateStart: Int32Array): Salient[] {
  const out: Salient[] = [];
  entities.forEach((entity, e) => {
    for (const m of entity.mentions) {
      const range = wordRange(index, m);
      if (!range) continue;
      out.push({ entity: e, start: m.start, sentence: index.words[range.first]!.sentence, subject: isSubject(index, range.first, predicateStart), oblique: isOblique(index, range.first) });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Only a title, a determiner, a capitalised name or "and" stands between the sentence start and word `i`. */
function isSubject(index: WordIndex, i: number, predicateStart: Int32Array): boolean {
  const sentence = index.words[i]!.sentence;
  if (predicateStart[sentence] === -1) {
    const { words } = index;
    let k = index.sentenceFirstWord[sentence]!;
    // "Steve Witkoff and Ron Dermer met": both are subjects.
    while (k < words.length && words[k]!.sentence === sentence) {
      const w = words[k]!;
      if (w.alpha && !(w.lower === 'the' || w.lower === 'and' || w.titlePart || w.capital)) break;
      k++;
    }
    predicateStart[sentence] = k;
  }
  return i <= predicateStart[sentence]!;
}

/** The word before the mention (its title and determiner skipped) is a preposition: "at the International Court of Justice". */
function isOblique(index: WordIndex, i: number): boolean {
  const { words } = index;
  const sentence = words[i]!.sentence;
  for (let k = i - 1; k >= 0 && words[k]!.sentence === sentence; k--) {
    const w = words[k]!;
    if (w.lower === 'the' || (w.alpha && (w.titlePart || w.capital))) continue;
    return PREPOSITIONS.has(w.lower);
  }
  return false;
}

function genderOf(entity: Entity): Gender | null {
  if (entity.type !== 'PERSON') return null;
  for (const m of entity.mentions) {
    const first = m.text.split(/\s+/)[0]!.toLowerCase();
    if (m.text.includes(' ') && FEMALE.has(first)) return 'female';
    if (m.text.includes(' ') && MALE.has(first)) return 'male';
  }
  for (const t of entity.titles) {
    const g = genderOfTitle(t);
    if (g) return g;
  }
  return null;
}

const hasWords = (haystack: string, words: string) => ` ${haystack.toLowerCase()} `.includes(` ${words} `);
