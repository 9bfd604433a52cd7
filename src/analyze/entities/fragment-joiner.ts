// Refiner: joins two mentions that stand side by side, one space apart, into the one name they
// are pieces of. The tagger sometimes cuts a name it has not seen in two ("Apple" | "Computer"
// where the article also writes "Apple Computer" whole), and a surname that is also a town's
// name reaches us from the gazetteer as a place ("Judge Martin" | "Mann"). Two cases join:
// the pair spells a name the article has as a mention elsewhere, or a person's name runs on
// into a one-word place with no punctuation between.
import type { Candidate } from './mention-candidate.ts';

/** The mentions (non-overlapping, in text order) with adjacent pieces of one name joined. */
export function joinFragments(text: string, mentions: readonly Candidate[]): Candidate[] {
  const whole = new Map<string, Candidate>();
  for (const m of mentions) if (/\s/.test(text.slice(m.start, m.end))) whole.set(text.slice(m.start, m.end), m);
  const out: Candidate[] = [];
  for (const m of mentions) {
    const previous = out[out.length - 1];
    if (previous && m.start === previous.end + 1 && text[previous.end] === ' ') {
      const joined = text.slice(previous.start, m.end);
      const known = whole.get(joined);
      const surnameAsPlace = previous.type === 'PERSON' && m.source === 'gazetteer' && (m.type === 'GPE' || m.type === 'LOC') && !/\s/.test(text.slice(m.start, m.end));
      if (known || surnameAsPlace) {
        out[out.length - 1] = { start: previous.start, end: m.end, type: known ? known.type : 'PERSON', source: known ? known.source : previous.source };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}
