// Finder: the hedge around a number, before it ("about 24", "at least 35", "more than 6,000",
// "up to 1,000") or after it ("35 or more", "50 or so", "5,000+"). The phrases and the interval
// each one implies are data (data/hedges.json). "over" after a phrasal verb ("handed over 5
// hostages") and "up to" after "add" ("adds up to 40") are no hedges.
import { alternation, HEDGES_AFTER, HEDGES_BEFORE, type HedgeEntry } from './figure-lexicon.ts';

/** A hedge found next to a number: where its text starts (before) or ends (after), and what it means. */
export interface FoundHedge {
  start: number;
  end: number;
  entry: HedgeEntry;
}

const BEFORE = new RegExp(`(?<![\\p{L}])(${alternation(HEDGES_BEFORE.map((h) => h.phrase))})[ \\t\\u00a0]*$`, 'iu');
const AFTER = new RegExp(`^(?:(?:[ \\t\\u00a0]*|-)(${alternation(HEDGES_AFTER.filter((h) => h.phrase !== '+').map((h) => h.phrase))})(?![\\p{L}])|(\\+)(?![\\p{N}]))`, 'iu');
const BEFORE_ENTRY = new Map(HEDGES_BEFORE.map((h) => [h.phrase.toLowerCase(), h]));
const AFTER_ENTRY = new Map(HEDGES_AFTER.map((h) => [h.phrase.toLowerCase(), h]));
// Verbs that take "over" or "under" as a particle ("handed over 5 hostages", "took over 3 towns"),
// and those before which "up to" is no bound ("adds up to 40", "inching back up to 4.8 percent").
const OVER_PARTICLE_VERBS = /(?<![\p{L}])(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|carry|carries|carried|pass|passes|passed|win|wins|won|sign|signs|signed|signing|give|gives|gave|given|knock|knocked|pull|pulled)[ \t\u00a0]+$/iu;
const UP_TO_VERBS = /(?<![\p{L}])(?:add|adds|added|adding|sum|sums|summed|back|live|lives|lived|own|owns|owned|stack|stacks|stacked|walk|walks|walked|come|comes|came)[ \t\u00a0]+$/iu;
const REACH = 32;

/** The hedge right before `at` (inside the sentence starting at `from`), or null. */
export function hedgeBefore(text: string, at: number, from: number): FoundHedge | null {
  const lead = text.slice(Math.max(from, at - REACH), at);
  const m = BEFORE.exec(lead);
  if (!m) return null;
  const phrase = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const entry = BEFORE_ENTRY.get(phrase);
  if (!entry) return null;
  const start = at - lead.length + m.index;
  const before = text.slice(Math.max(from, start - 16), start);
  if ((phrase === 'over' || phrase === 'under') && OVER_PARTICLE_VERBS.test(before)) return null;
  if (phrase === 'up to' && UP_TO_VERBS.test(before)) return null;
  return { start, end: start + m[1]!.length, entry };
}

/** The hedge right after `at` ("or more", "or so", a glued "+"), or null. */
export function hedgeAfter(text: string, at: number, to: number): FoundHedge | null {
  const m = AFTER.exec(text.slice(at, Math.min(to, at + 16)));
  if (!m) return null;
  const phrase = (m[1] ?? m[2]!).toLowerCase().replace(/\s+/g, ' ');
  const entry = AFTER_ENTRY.get(phrase);
  return entry ? { start: at + m[0].length - (m[1] ?? m[2]!).length, end: at + m[0].length, entry } : null;
}
