// What the finders of the entity stage propose and the refiners narrow down: a span that may be
// a mention of an entity, with the type its finder gave it and where it came from.
import type { Span } from '../../model/span.ts';
import type { EntityType } from '../../model/layers.ts';

/** Which finder proposed a candidate: the statistical tagger, the gazetteer, an acronym rule, a known given name, a word the article writes as a name again and again, or the sweep for further mentions of a known name. */
export type CandidateSource = 'model' | 'gazetteer' | 'acronym' | 'given-name' | 'repeat' | 'sweep';

/** A proposed mention `[start, end)` into the Doc's text. `type` is null when the finder cannot tell. */
export interface Candidate extends Span {
  type: EntityType | null;
  source: CandidateSource;
  /** For an acronym defined in the text ("International Criminal Court (ICC)"): the span of the long form. */
  expands?: Span;
}

/** Orders candidates by start, the longer first at the same start. */
export function byPosition(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
