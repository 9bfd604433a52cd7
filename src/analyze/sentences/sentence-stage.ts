// The sentences stage: splits the reading text into sentences, keeping the headline, the
// standfirst and the dateline as units of their own.
import type { Stage } from '../stage.ts';
import type { Span } from '../../model/span.ts';
import { splitSentences } from './sentence-splitter.ts';

/** Adds `sentences`: spans that cover every non-blank stretch of text, in order, none overlapping. */
export const sentenceStage: Stage = {
  name: 'sentences',
  requires: [],
  adds: ['sentences'],
  run(doc) {
    const units: Span[] = [];
    const { dateline } = doc.meta;
    if (dateline) units.push({ start: dateline.start, end: dateline.end });
    return { sentences: splitSentences(doc.text, units) };
  },
};
