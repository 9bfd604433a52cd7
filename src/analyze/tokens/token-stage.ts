// The tokens stage: word tokens of every sentence, so that later stages (entities, quotes,
// figures) share one tokenisation and never cross a sentence boundary with a token.
import type { Stage } from '../stage.ts';
import type { Span } from '../../model/span.ts';
import { tokenize } from './tokenizer.ts';

/** Adds `tokens`: the tokens of every sentence, in text order; text between sentences has none. */
export const tokenStage: Stage = {
  name: 'tokens',
  requires: ['sentences'],
  adds: ['tokens'],
  run(doc) {
    const tokens: Span[] = [];
    for (const s of doc.layers.sentences ?? []) for (const t of tokenize(doc.text, s.start, s.end)) tokens.push(t);
    return { tokens };
  },
};
