// Resolver: puts the mentions of one entity together, within one article.
//   same name                 "Hamas" … "Hamas"; "U.S." … "US"; "Israeli" … "Israelis"
//   a defined acronym         "International Criminal Court (ICC)" … "ICC"
//   initials                  "International Court of Justice" … "ICJ"
//   a person's short name     "Steve Witkoff" … "Witkoff"; "Donald Trump" … "Trump"
//   an organisation's head    "the Ridgeline Front" … "the Front" (one such organisation only)
//   an organisation's first   "Apple Computer" … "Apple" (one such organisation only)
// Two people who share a surname ("Hunter Biden", "Joe Biden") stay apart. A bare surname they
// share goes to the one of them mentioned last before it (news writes the bare name right after
// the person it means), or to the first mentioned after it when neither came before.
// Names the gazetteer lists ("Israel") never join a person ("Israel Katz").
import type { Candidate } from './mention-candidate.ts';
import { gazetteerTypeOf } from './gazetteer.ts';

const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', '&']);

/** Mentions in groups, one group per entity, each group in text order; groups in order of first mention. */
export function groupMentions(text: string, mentions: readonly Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  const byKey = new Map<string, number>();
  const bySpan = new Map<string, number>();
  const deferred: Candidate[] = [];
  const add = (g: number, m: Candidate) => {
    groups[g]!.push(m);
    bySpan.set(`${m.start}:${m.end}`, g);
    const key = keyOf(text, m);
    if (!byKey.has(key)) byKey.set(key, g);
  };
  const open = (m: Candidate) => {
    groups.push([]);
    add(groups.length - 1, m);
  };

  // Full names and listed names first, so that short forms can find them wherever they stand.
  for (const m of mentions) {
    if (m.expands) {
      // The long form stands before its acronym, so its group is there already.
      const long = bySpan.get(`${m.expands.start}:${m.expands.end}`);
      if (long !== undefined) add(long, m);
      else deferred.push(m);
      continue;
    }
    const known = byKey.get(keyOf(text, m));
    if (known !== undefined) add(known, m);
    else if (wordsOf(text, m).length === 1 && m.source !== 'gazetteer') deferred.push(m);
    else open(m);
  }
  // Index the full names once: first and last words of people, initials of the rest.
  const personByWord = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  const orgByHead = new Map<string, number[]>();
  const orgByFirst = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, g: number) => {
    const list = map.get(key) ?? [];
    if (!list.includes(g)) list.push(g);
    map.set(key, list);
  };
  groups.forEach((g, i) => {
    const person = g.some((x) => x.type === 'PERSON') && !g.some((x) => x.source === 'gazetteer');
    for (const x of g) {
      const w = wordsOf(text, x);
      if (person && w.length > 1) {
        push(personByWord, w[0]!, i);
        push(personByWord, w[w.length - 1]!, i);
      }
      if (x.type !== 'PERSON') {
        const initials = initialsOf(text, x);
        if (initials) push(byInitials, initials, i);
        if (!person && w.length > 1 && x.type === 'ORG') {
          push(orgByHead, w[w.length - 1]!, i);
          push(orgByFirst, w[0]!, i);
        }
      }
    }
  });
  for (const m of deferred) {
    const target = deferredTarget(text, m, groups, byKey, bySpan, personByWord, byInitials, orgByHead, orgByFirst);
    if (target !== undefined) add(target, m);
    else open(m);
  }
  for (const g of groups) g.sort((a, b) => a.start - b.start);
  return groups.sort((a, b) => a[0]!.start - b[0]!.start);
}

function deferredTarget(
  text: string,
  m: Candidate,
  groups: Candidate[][],
  byKey: Map<string, number>,
  bySpan: Map<string, number>,
  personByWord: Map<string, number[]>,
  byInitials: Map<string, number[]>,
  orgByHead: Map<string, number[]>,
  orgByFirst: Map<string, number[]>,
): number | undefined {
  if (m.expands) return bySpan.get(`${m.expands.start}:${m.expands.end}`) ?? byKey.get(keyOf(text, m));
  const known = byKey.get(keyOf(text, m));
  if (known !== undefined) return known;
  const word = text.slice(m.start, m.end);
  // A person's first or last name.
  const people = m.type === null || m.type === 'PERSON' ? personByWord.get(word) ?? [] : [];
  if (people.length === 1) return people[0];
  if (people.length > 1) return nearestBefore(m, groups, people);
  // An acronym of a multi-word name ("ICJ").
  const matching = /^\p{Lu}{2,8}$/u.test(word) ? byInitials.get(word) ?? [] : [];
  if (matching.length === 1) return matching[0];
  // "the Front" after "the Ridgeline Front": the head word of one earlier organisation's name.
  const heads = /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start)) ? orgByHead.get(word) ?? [] : [];
  if (heads.length === 1) return heads[0];
  // "Apple" after "Apple Computer": the first word of one organisation's longer name.
  const firsts = m.type === null || m.type === 'ORG' ? orgByFirst.get(word) ?? [] : [];
  return firsts.length === 1 ? firsts[0] : undefined;
}

function nearestBefore(m: Candidate, groups: Candidate[][], candidates: number[]): number | undefined {
  let best: number | undefined;
  let bestAt = -1;
  for (const i of candidates) {
    for (const x of groups[i]!) if (x.end <= m.start && x.start > bestAt) {
      bestAt = x.start;
      best = i;
    }
  }
  if (best !== undefined) return best;
  let firstAfter = Infinity;
  for (const i of candidates) {
    const s = groups[i]![0]!.start;
    if (s < firstAfter) {
      firstAfter = s;
      best = i;
    }
  }
  return best;
}

/** The words of a mention ("Donald", "Trump"). */
export function wordsOf(text: string, m: { start: number; end: number }): string[] {
  return text.slice(m.start, m.end).split(/\s+/).filter((w) => w.length > 0);
}

/** Initials of a multi-word name's capitalised words: "International Court of Justice" -> "ICJ". */
function initialsOf(text: string, m: Candidate): string {
  const words = wordsOf(text, m).filter((w) => !CONNECTORS.has(w));
  return words.length < 2 ? '' : words.map((w) => w[0]!).join('').toUpperCase();
}

/** The key two mentions of one name share: case, curly apostrophes, the dots of "U.S." and a plural nationality's "s" ("Israelis") set aside. */
export function keyOf(text: string, m: Candidate): string {
  let key = text.slice(m.start, m.end).replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  if (/^[\p{Lu}.]+$/u.test(key)) key = key.replace(/\./g, '');
  key = key.toLowerCase();
  if (m.type === 'NORP' && /[^s]s$/.test(key)) key = key.slice(0, -1);
  return key;
}

/**
 * The canonical name of an entity: the fullest form (most words), written in mixed case if any is,
 * then the most frequent, then the first. A place written only in capitals (a dateline's
 * "WASHINGTON") is named in normal case; acronyms ("NATO", "UNICEF") keep theirs.
 */
export function canonicalName(text: string, mentions: readonly Candidate[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const s = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = '';
  let bestScore: number[] = [];
  for (const [name, count] of counts) {
    const score = [name.split(' ').length, /\p{Ll}/u.test(name) ? 1 : 0, count];
    if (best === '' || compare(score, bestScore) > 0) {
      best = name;
      bestScore = score;
    }
  }
  if (!/\p{Ll}/u.test(best) && /^\p{Lu}{4,}(?: \p{Lu}{4,})*$/u.test(best) && (best.match(/[AEIOU]/g)?.length ?? 0) >= 2) {
    const type = gazetteerTypeOf(best);
    if (type === 'GPE' || type === 'LOC') return best.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  }
  return best;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
