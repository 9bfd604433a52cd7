// Refiner: a candidate that joins two names with "and" ("Kestria and Ridgeline Front", "Boeing
// and Lockheed Martin") is two mentions when the text names each side on its own elsewhere, or the
// gazetteer knows a side. Names that contain "and" themselves ("Bosnia and Herzegovina",
// "Procter and Gamble") stay whole unless a side stands alone somewhere in the article.
import type { Candidate } from './mention-candidate.ts';
import { gazetteerTypeOf } from './gazetteer.ts';

const JOINER = / and /;

/** Candidates with coordinations of known names split into their sides. */
export function splitCoordinations(text: string, candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  // A side that two different coordinations share ("Kestria and Ridgeline Front", "Kestrian and
  // Ridgeline Front") is a name of its own too.
  const sides = new Map<string, Set<string>>();
  for (const c of candidates) {
    const whole = text.slice(c.start, c.end);
    const m = JOINER.exec(whole);
    if (!m) {
      seen.add(whole);
      continue;
    }
    for (const side of [whole.slice(0, m.index), whole.slice(m.index + m[0].length)]) {
      const set = sides.get(side) ?? new Set<string>();
      set.add(whole);
      sides.set(side, set);
    }
  }
  for (const [side, wholes] of sides) if (wholes.size >= 2) seen.add(side);
  const out: Candidate[] = [];
  for (const c of candidates) {
    const whole = text.slice(c.start, c.end);
    const m = JOINER.exec(whole);
    if (!m || gazetteerTypeOf(whole)) {
      out.push(c);
      continue;
    }
    const left = whole.slice(0, m.index);
    const right = whole.slice(m.index + m[0].length);
    const known = (side: string) => seen.has(side) || gazetteerTypeOf(side) !== null;
    if (!/^\p{Lu}/u.test(left) || !/^\p{Lu}/u.test(right) || !(known(left) || known(right))) {
      out.push(c);
      continue;
    }
    const rightStart = c.start + m.index + m[0].length;
    out.push({ ...c, end: c.start + m.index, type: (gazetteerTypeOf(left) as Candidate['type']) ?? c.type });
    out.push({ ...c, start: rightStart, type: (gazetteerTypeOf(right) as Candidate['type']) ?? c.type });
  }
  return out;
}
