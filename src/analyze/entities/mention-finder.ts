// Finder: the statistical tagger's mentions. The tagger knows no GPE: its LOC covers every place,
// and the type refiner tells countries and cities from regions.
import type { Span } from '../../model/span.ts';
import type { Candidate } from './mention-candidate.ts';
import type { NerModel } from './ner-model.ts';

/** The tagger's mentions of `text`, as candidates. */
export function findModelMentions(model: NerModel, text: string, tokens: readonly Span[], sentences: readonly Span[]): Candidate[] {
  return model.tag(text, tokens, sentences).map((m) => ({ start: m.start, end: m.end, type: m.type, source: 'model' as const }));
}
