// What every finder, refiner and resolver of the events stage reads about one document, built once:
// the word index (shared with the entities and quotes stages), the mention lookup, the statements,
// times and publication date, and where the headline lies.
import type { Doc } from '../../model/doc.ts';
import type { Quote, TimeExpression } from '../../model/layers.ts';
import type { Span } from '../../model/span.ts';
import { buildWordIndex, type WordIndex } from '../entities/word-index.ts';
import { buildMentionLookup, type MentionLookup } from './mention-lookup.ts';

/** One analysed document as the events stage sees it. */
export interface EventDocument {
  text: string;
  index: WordIndex;
  mentions: MentionLookup;
  quotes: readonly Quote[];
  times: readonly TimeExpression[];
  published: string | null;
  title: Span | null;
}

/** The stage's view of a Doc whose sentences, tokens, entities, references, quotes and times are computed. */
export function eventDocument(doc: Doc): EventDocument {
  const index = buildWordIndex(doc.text, doc.layers.tokens ?? [], doc.layers.sentences ?? []);
  return {
    text: doc.text,
    index,
    mentions: buildMentionLookup(index, doc.layers.entities ?? [], doc.layers.references ?? []),
    quotes: doc.layers.quotes ?? [],
    times: doc.layers.times ?? [],
    published: doc.meta.published.date,
    title: doc.meta.title,
  };
}

/** Whether word `k` lies in the headline. */
export function inTitle(doc: EventDocument, k: number): boolean {
  const w = doc.index.words[k];
  return w !== undefined && doc.title !== null && w.start >= doc.title.start && w.end <= doc.title.end;
}

const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);

/** Whether a word is a quotation mark (skipped where a phrase runs on across one: Witkoff “will meet …”). */
export function isQuoteMark(text: string): boolean {
  return QUOTE_MARKS.has(text);
}
